package dev.onmodel.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** SQL of the persisted scores ({@code frame_score}) and casts ({@code shot_cast}); used by {@link ReviewStore}. */
final class ScoreTables {

    private static final String COLUMNS = "shot, variant, frame, character, engine_version, score, band, view, payload,"
            + " path, scored_at_ms";

    private ScoreTables() {
    }

    /** Replaces the scores of every frame named in {@code scores} (all characters of such a frame) with them. */
    static int put(Connection c, Collection<StoredScore> scores) throws SQLException {
        // A frame re-scored with another cast must not keep rows of characters no longer scored: the frame's old
        // rows go first, then the new ones.
        Set<List<Object>> frames = new LinkedHashSet<>();
        for (StoredScore s : scores) {
            frames.add(Arrays.asList(s.shot(), s.variant(), s.frame()));
        }
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM frame_score WHERE shot = ? AND variant = ? AND frame = ?")) {
            for (List<Object> f : frames) {
                delete.setString(1, (String) f.get(0));
                delete.setString(2, (String) f.get(1));
                delete.setLong(3, (Long) f.get(2));
                delete.addBatch();
            }
            delete.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT OR REPLACE INTO frame_score (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (StoredScore s : scores) {
                insert.setString(1, s.shot());
                insert.setString(2, s.variant());
                insert.setLong(3, s.frame());
                insert.setString(4, s.character());
                insert.setString(5, s.engineVersion());
                insert.setDouble(6, s.score());
                insert.setString(7, s.band());
                insert.setString(8, s.view());
                insert.setString(9, s.payload());
                insert.setString(10, s.path());
                insert.setLong(11, s.scoredAt().toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return scores.size();
    }

    /** Scores of one variant (or of all variants when {@code shot} is null), by variant, then frame. */
    static Map<VariantKey, NavigableMap<Long, List<StoredScore>>> read(Connection c, String shot, String variant)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM frame_score"
                + (shot == null ? "" : " WHERE shot = ? AND variant = ?") + " ORDER BY shot, variant, frame, character";
        Map<VariantKey, NavigableMap<Long, List<StoredScore>>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (shot != null) {
                ps.setString(1, shot);
                ps.setString(2, variant);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredScore s = new StoredScore(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getDouble(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), Instant.ofEpochMilli(rs.getLong(11)));
                    out.computeIfAbsent(s.variantKey(), k -> new TreeMap<>())
                            .computeIfAbsent(s.frame(), k -> new ArrayList<>()).add(s);
                }
            }
        }
        return out;
    }

    static int deleteByPath(Connection c, Collection<String> paths) throws SQLException {
        int removed = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM frame_score WHERE path = ?")) {
            for (String path : paths) {
                ps.setString(1, path);
                removed += ps.executeUpdate();
            }
        }
        return removed;
    }

    static void putCast(Connection c, ShotCast cast) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO shot_cast (shot, characters, proposed,"
                + " engine_version, recorded_at_ms) VALUES (?,?,?,?,?)")) {
            ps.setString(1, cast.shot());
            // Character names are folder names: they cannot hold a line break, so one name per line is unambiguous.
            ps.setString(2, String.join("\n", cast.characters()));
            ps.setInt(3, cast.proposed() ? 1 : 0);
            ps.setString(4, cast.engineVersion());
            ps.setLong(5, cast.recordedAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    static Map<String, ShotCast> casts(Connection c) throws SQLException {
        Map<String, ShotCast> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT shot, characters, proposed, engine_version,"
                + " recorded_at_ms FROM shot_cast ORDER BY shot");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String names = rs.getString(2);
                List<String> characters = names.isEmpty() ? List.of() : List.of(names.split("\n"));
                out.put(rs.getString(1), new ShotCast(rs.getString(1), characters, rs.getInt(3) == 1,
                        rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
        return out;
    }
}
