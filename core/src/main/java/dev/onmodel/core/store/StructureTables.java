package dev.onmodel.core.store;

import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.SheetView;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.VariantMedia;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.time.FrameRate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SQL of the project-structure tables (characters, sheet views, shots, variants, frames, project_meta):
 * rebuilding them from an import in one transaction and reading them back as a {@link Project} without touching
 * the media. Runs on connections the {@link ReviewStore} hands it.
 */
final class StructureTables {

    private StructureTables() {
    }

    static void putMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO project_meta (key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    static Map<VariantKey, NavigableMap<Long, StoredFrame>> readFrames(Connection c) throws SQLException {
        Map<VariantKey, NavigableMap<Long, StoredFrame>> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT shot, variant, frame, path,"
                + " size, mtime_ms, digest, width, height, problem FROM frame ORDER BY shot, variant, frame")) {
            VariantKey key = null;
            NavigableMap<Long, StoredFrame> current = null;
            while (rs.next()) {
                String shot = rs.getString(1);
                String variant = rs.getString(2);
                if (key == null || !key.shot().equals(shot) || !key.variant().equals(variant)) {
                    key = new VariantKey(shot, variant);
                    current = out.computeIfAbsent(key, k -> new TreeMap<>());
                }
                long frame = rs.getLong(3);
                current.put(frame, new StoredFrame(key, frame, new FileIdentity(rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getString(7)), rs.getInt(8), rs.getInt(9),
                        Optional.ofNullable(rs.getString(10))));
            }
        }
        return out;
    }

    /** The recorded project, paths resolved against {@code media}; empty when nothing was imported. */
    static Optional<Project> load(Connection c, Path root, Path media) throws SQLException {
        Map<String, String> meta = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM project_meta")) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        }
        if (!meta.containsKey("name")) {
            return Optional.empty();
        }
        List<CharacterSheet> characters = new ArrayList<>();
        Map<String, List<SheetView>> views = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM character ORDER BY position")) {
            while (rs.next()) {
                views.put(rs.getString(1), new ArrayList<>());
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT character, name, path FROM sheet_view ORDER BY character, name")) {
            while (rs.next()) {
                List<SheetView> list = views.get(rs.getString(1));
                if (list != null) {
                    list.add(new SheetView(rs.getString(2), media.resolve(rs.getString(3))));
                }
            }
        }
        views.forEach((name, list) -> {
            if (!list.isEmpty()) {
                characters.add(new CharacterSheet(name, list));
            }
        });
        // Only what the model needs (frame number and path), read in one pass: building full StoredFrame
        // records for 50,000 frames was most of the time of opening a large project.
        Map<VariantKey, NavigableMap<Long, Path>> frames = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT shot, variant, frame, path FROM frame ORDER BY shot, variant, frame")) {
            String shot = null;
            String variant = null;
            NavigableMap<Long, Path> current = null;
            while (rs.next()) {
                String sh = rs.getString(1);
                String va = rs.getString(2);
                if (!sh.equals(shot) || !va.equals(variant)) {
                    shot = sh;
                    variant = va;
                    current = new TreeMap<>();
                    frames.put(new VariantKey(sh, va), current);
                }
                current.put(rs.getLong(3), media.resolve(rs.getString(4)));
            }
        }
        Map<String, List<Variant>> variants = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT shot, name, kind, location,"
                + " prefix, separator, padding, extension, first_frame, frame_count, rate, width, height,"
                + " variable_rate, source_start FROM variant ORDER BY shot, name")) {
            while (rs.next()) {
                String shot = rs.getString(1);
                String name = rs.getString(2);
                VariantMedia m;
                if ("movie".equals(rs.getString(3))) {
                    m = new MovieMedia(media.resolve(rs.getString(4)), rs.getLong(9), rs.getLong(10),
                            FrameRate.parse(rs.getString(11)), rs.getInt(12), rs.getInt(13), rs.getInt(14) != 0,
                            rs.getLong(15));
                } else {
                    NavigableMap<Long, Path> files = frames.getOrDefault(new VariantKey(shot, name),
                            Collections.emptyNavigableMap());
                    if (files.isEmpty()) {
                        continue;
                    }
                    m = new ImageSequence(media.resolve(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getInt(7), rs.getString(8), files);
                }
                variants.computeIfAbsent(shot, k -> new ArrayList<>()).add(new Variant(shot, name, m));
            }
        }
        List<Shot> shots = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name, rate, cut_length, cast_list FROM shot ORDER BY position")) {
            while (rs.next()) {
                String castList = rs.getString(4);
                List<String> cast = castList.isEmpty() ? List.of() : List.of(castList.split("\n"));
                shots.add(new Shot(rs.getString(1), FrameRate.parse(rs.getString(2)), rs.getLong(3), cast,
                        variants.getOrDefault(rs.getString(1), List.of())));
            }
        }
        return Optional.of(new Project(meta.get("name"), root, FrameRate.parse(meta.getOrDefault("rate", "24")),
                characters, shots));
    }

    /**
     * The file identity of each movie variant as imported (schema 3); a movie imported before then has none.
     */
    static Map<VariantKey, FileIdentity> readMovieFiles(Connection c) throws SQLException {
        Map<VariantKey, FileIdentity> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT shot, name, location, size,"
                + " mtime_ms, digest FROM variant WHERE kind = 'movie' AND size IS NOT NULL AND mtime_ms IS NOT NULL"
                + " ORDER BY shot, name")) {
            while (rs.next()) {
                String digest = rs.getString(6);
                out.put(new VariantKey(rs.getString(1), rs.getString(2)), new FileIdentity(rs.getString(3),
                        rs.getLong(4), rs.getLong(5), digest == null ? "" : digest));
            }
        }
        return out;
    }

    /**
     * Per imported movie variant, the number of its first frame, under the movie's path (relative to the media root)
     * as recorded: {@code location -> first_frame}.
     */
    static Map<VariantKey, Map.Entry<String, Long>> readMovieFirstFrames(Connection c) throws SQLException {
        Map<VariantKey, Map.Entry<String, Long>> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT shot, name, location,"
                + " first_frame FROM variant WHERE kind = 'movie' ORDER BY shot, name")) {
            while (rs.next()) {
                out.put(new VariantKey(rs.getString(1), rs.getString(2)), Map.entry(rs.getString(3), rs.getLong(4)));
            }
        }
        return out;
    }

    /**
     * Replaces every structure row with {@code project}, {@code frames} and {@code movieFiles} (the identity of each
     * movie variant's file; a movie missing from it is recorded without one); drops the cache and score rows of
     * {@code invalidatedPaths}.
     */
    static void replace(Connection c, Path root, Project project, Map<VariantKey, NavigableMap<Long, StoredFrame>> frames,
                        Map<VariantKey, FileIdentity> movieFiles, Map<String, FileIdentity> sheetIdentities,
                        Collection<String> invalidatedPaths, Path mediaRoot, String fingerprint) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM frame");
            s.execute("DELETE FROM variant");
            s.execute("DELETE FROM shot");
            s.execute("DELETE FROM sheet_view");
            s.execute("DELETE FROM character");
        }
        putMeta(c, "name", project.name());
        putMeta(c, "rate", project.rate().toString());
        putMeta(c, "imported_at", Instant.now().toString());
        putMeta(c, ReviewStore.STRUCTURE_FINGERPRINT, fingerprint);
        putMeta(c, ReviewStore.IMPORTED_SETTINGS, ProjectLayout.settingsIdentity(root));
        if (mediaRoot.equals(root)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM project_meta WHERE key = 'media_root'")) {
                ps.executeUpdate();
            }
        } else {
            putMeta(c, "media_root", mediaRoot.toString());
        }
        int position = 0;
        try (PreparedStatement ch = c.prepareStatement("INSERT INTO character (name, position) VALUES (?, ?)");
             PreparedStatement sv = c.prepareStatement("INSERT INTO sheet_view (character, name, path, size,"
                     + " mtime_ms, digest) VALUES (?,?,?,?,?,?)")) {
            for (CharacterSheet character : project.characters()) {
                ch.setString(1, character.name());
                ch.setInt(2, position++);
                ch.executeUpdate();
                for (SheetView view : character.views()) {
                    String rel = FileIdentity.relativize(mediaRoot, view.image());
                    FileIdentity id = sheetIdentities.getOrDefault(rel, new FileIdentity(rel, 0, 0, ""));
                    sv.setString(1, character.name());
                    sv.setString(2, view.name());
                    sv.setString(3, rel);
                    sv.setLong(4, id.size());
                    sv.setLong(5, id.mtimeMillis());
                    sv.setString(6, id.digest());
                    sv.executeUpdate();
                }
            }
        }
        position = 0;
        try (PreparedStatement sh = c.prepareStatement("INSERT INTO shot (name, position, rate, cut_length,"
                + " cast_list) VALUES (?,?,?,?,?)");
             PreparedStatement va = c.prepareStatement("INSERT INTO variant (shot, name, kind, location, prefix,"
                     + " separator, padding, extension, first_frame, frame_count, rate, width, height,"
                     + " variable_rate, source_start, size, mtime_ms, digest) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement fr = c.prepareStatement("INSERT INTO frame (shot, variant, frame, path, size,"
                     + " mtime_ms, digest, width, height, problem) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Shot shot : project.shots()) {
                sh.setString(1, shot.name());
                sh.setInt(2, position++);
                sh.setString(3, shot.rate().toString());
                sh.setLong(4, shot.cutLength());
                sh.setString(5, String.join("\n", shot.cast()));
                sh.executeUpdate();
                for (Variant variant : shot.variants()) {
                    VariantMedia m = variant.media();
                    va.setString(1, shot.name());
                    va.setString(2, variant.name());
                    va.setString(4, FileIdentity.relativize(mediaRoot, m.location()));
                    va.setLong(9, m.range().start());
                    va.setLong(10, m.range().length());
                    if (m instanceof MovieMedia) {
                        MovieMedia movie = (MovieMedia) m;
                        va.setString(3, "movie");
                        va.setNull(5, Types.VARCHAR);
                        va.setNull(6, Types.VARCHAR);
                        va.setNull(7, Types.INTEGER);
                        va.setNull(8, Types.VARCHAR);
                        va.setString(11, movie.rate().toString());
                        va.setInt(12, movie.width());
                        va.setInt(13, movie.height());
                        va.setInt(14, movie.variableFrameRate() ? 1 : 0);
                        va.setLong(15, movie.sourceStart());
                        FileIdentity file = movieFiles.get(new VariantKey(shot.name(), variant.name()));
                        if (file != null) {
                            va.setLong(16, file.size());
                            va.setLong(17, file.mtimeMillis());
                            va.setString(18, file.digest());
                        } else {
                            va.setNull(16, Types.INTEGER);
                            va.setNull(17, Types.INTEGER);
                            va.setNull(18, Types.VARCHAR);
                        }
                    } else {
                        ImageSequence seq = (ImageSequence) m;
                        va.setString(3, "sequence");
                        va.setString(5, seq.prefix());
                        va.setString(6, seq.separator());
                        va.setInt(7, seq.padding());
                        va.setString(8, seq.extension());
                        va.setNull(11, Types.VARCHAR);
                        va.setNull(12, Types.INTEGER);
                        va.setNull(13, Types.INTEGER);
                        va.setInt(14, 0);
                        va.setLong(15, 0);
                        va.setNull(16, Types.INTEGER);
                        va.setNull(17, Types.INTEGER);
                        va.setNull(18, Types.VARCHAR);
                    }
                    va.executeUpdate();
                    for (StoredFrame f : frames.getOrDefault(new VariantKey(shot.name(), variant.name()),
                            Collections.emptyNavigableMap()).values()) {
                        fr.setString(1, shot.name());
                        fr.setString(2, variant.name());
                        fr.setLong(3, f.frame());
                        fr.setString(4, f.identity().relativePath());
                        fr.setLong(5, f.identity().size());
                        fr.setLong(6, f.identity().mtimeMillis());
                        fr.setString(7, f.identity().digest());
                        fr.setInt(8, f.width());
                        fr.setInt(9, f.height());
                        fr.setString(10, f.problem().orElse(null));
                        fr.addBatch();
                    }
                    fr.executeBatch();
                }
            }
        }
        ReviewStore.deleteAnalyses(c, invalidatedPaths);
        ScoreTables.deleteByPath(c, invalidatedPaths);
        try (Statement s = c.createStatement()) {
            // Scores and casts of takes and shots that are gone. A sequence's scores also go with its frames' paths
            // above, but a movie take has no frame rows, so nothing else would drop its scores.
            s.execute("DELETE FROM frame_score WHERE NOT EXISTS (SELECT 1 FROM variant v"
                    + " WHERE v.shot = frame_score.shot AND v.name = frame_score.variant)");
            s.execute("DELETE FROM shot_cast WHERE shot NOT IN (SELECT name FROM shot)");
        }
    }
}
