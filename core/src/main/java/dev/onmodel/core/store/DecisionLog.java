package dev.onmodel.core.store;

import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The SQL of the append-only decision log, kept apart from {@link ReviewStore}'s opening, threading and other
 * tables: inserting SET/CLEAR/UNDO/REDO rows with their checks, and computing from the rows what each frame shows
 * (latest SET or CLEAR in force, frame by frame). Every method runs on a connection the store hands it, inside
 * the store's transaction.
 */
final class DecisionLog {

    private DecisionLog() {
    }

    static void requireText(String value, String what) throws StoreException {
        if (value == null || value.isBlank()) {
            throw invalid("the " + what + " is empty");
        }
    }

    static StoreException invalid(String message) {
        return new StoreException(StoreException.Kind.INVALID_REQUEST, message);
    }

    static Decision insertDecision(Connection c, DecisionRequest r, long now) throws SQLException, StoreException {
        requireText(r.shot(), "shot");
        requireText(r.variant(), "variant");
        requireText(r.reviewer(), "reviewer");
        requireText(r.pass(), "pass");
        if (r.frames().isEmpty()) {
            throw invalid("the frame range is empty");
        }
        checkVariantRange(c, r.shot(), r.variant(), r.frames());
        ensureOpenPass(c, r.pass(), now);
        DecisionAction action = r.verdict() == null ? DecisionAction.CLEAR : DecisionAction.SET;
        long id = insertRow(c, action, null, r.shot(), r.variant(), r.frames(), r.verdict(), r.note(), r.reviewer(),
                r.role(), r.pass(), now);
        return new Decision(id, r.shot(), r.variant(), r.frames(), r.verdict(), r.note(), r.reviewer(), r.role(),
                r.pass(), Instant.ofEpochMilli(now));
    }

    static DecisionRecord insertUndoRedo(Connection c, long targetId, DecisionAction action, String reviewer, Role role)
            throws SQLException, StoreException {
        requireText(reviewer, "reviewer");
        Objects.requireNonNull(role, "role");
        DecisionRecord target = recordById(c, targetId)
                .orElseThrow(() -> invalid("there is no decision " + targetId));
        if (target.action() == DecisionAction.UNDO || target.action() == DecisionAction.REDO) {
            throw invalid("decision " + targetId + " is itself an " + target.action().word()
                    + "; undo or redo the decision it acted on");
        }
        if (action == DecisionAction.UNDO && !target.inForce()) {
            throw invalid("decision " + targetId + " is already undone");
        }
        if (action == DecisionAction.REDO && target.inForce()) {
            throw invalid("decision " + targetId + " is in force; only an undone decision can be redone");
        }
        long now = System.currentTimeMillis();
        Decision t = target.decision();
        ensureOpenPass(c, t.pass(), now);
        long id = insertRow(c, action, targetId, t.shot(), t.variant(), t.frames(), null, "", reviewer, role, t.pass(),
                now);
        Decision row = new Decision(id, t.shot(), t.variant(), t.frames(), null, "", reviewer, role, t.pass(),
                Instant.ofEpochMilli(now));
        return new DecisionRecord(row, action, OptionalLong.of(targetId), true);
    }

    static long insertRow(Connection c, DecisionAction action, Long target, String shot, String variant,
                                  FrameRange frames, Verdict verdict, String note, String reviewer, Role role,
                                  String pass, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision (action, target_id, shot, variant,"
                + " first_frame, end_frame, verdict, note, reviewer, role, pass, recorded_at_ms)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, action.word());
            if (target == null) {
                ps.setNull(2, Types.INTEGER);
            } else {
                ps.setLong(2, target);
            }
            ps.setString(3, shot);
            ps.setString(4, variant);
            ps.setLong(5, frames.start());
            ps.setLong(6, frames.endExclusive());
            ps.setString(7, verdict == null ? null : verdict.word());
            ps.setString(8, note);
            ps.setString(9, reviewer);
            ps.setString(10, role.word());
            ps.setString(11, pass);
            ps.setLong(12, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void checkVariantRange(Connection c, String shot, String variant, FrameRange frames)
            throws SQLException, StoreException {
        try (Statement s = c.createStatement(); ResultSet any = s.executeQuery("SELECT 1 FROM variant LIMIT 1")) {
            if (!any.next()) {
                return; // nothing imported yet: names cannot be checked (decisions may arrive before media)
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT first_frame, frame_count FROM variant WHERE shot = ? AND name = ?")) {
            ps.setString(1, shot);
            ps.setString(2, variant);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw invalid("the project has no variant " + shot + "/" + variant);
                }
                FrameRange range = FrameRange.ofLength(rs.getLong(1), rs.getLong(2));
                if (!range.contains(frames)) {
                    throw invalid("frames " + frames + " are outside " + shot + "/" + variant + " (frames " + range + ")");
                }
            }
        }
    }

    static void ensureOpenPass(Connection c, String pass, long now) throws SQLException, StoreException {
        try (PreparedStatement ps = c.prepareStatement("SELECT closed_at_ms FROM review_pass WHERE name = ?")) {
            ps.setString(1, pass);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    rs.getLong(1);
                    if (!rs.wasNull()) {
                        throw invalid("review pass '" + pass + "' is closed; reopen it to record decisions in it");
                    }
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_pass (name, opened_at_ms) VALUES (?, ?)")) {
            ps.setString(1, pass);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
    }

    static final String COLUMNS = "id, action, target_id, shot, variant, first_frame, end_frame,"
            + " verdict, note, reviewer, role, pass, recorded_at_ms";

    /** One row, with its in-force flag computed from the undo/redo rows that target it. */
    static Optional<DecisionRecord> recordById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM decision WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Row row = Row.read(rs);
                boolean inForce = true;
                try (PreparedStatement last = c.prepareStatement(
                        "SELECT action FROM decision WHERE target_id = ? ORDER BY id DESC LIMIT 1")) {
                    last.setLong(1, id);
                    try (ResultSet l = last.executeQuery()) {
                        if (l.next()) {
                            inForce = !DecisionAction.UNDO.word().equals(l.getString(1));
                        }
                    }
                }
                return Optional.of(row.toRecord(inForce));
            }
        }
    }

    static boolean matches(DecisionFilter f, Row row) {
        return f.pass().map(row.pass::equals).orElse(true)
                && f.role().map(r -> r == row.role).orElse(true)
                && f.verdict().map(v -> v == row.verdict).orElse(true)
                && f.reviewer().map(row.reviewer::equals).orElse(true)
                && f.shot().map(row.shot::equals).orElse(true)
                && f.variant().map(row.variant::equals).orElse(true);
    }

    /** Frame numbers per variant in cut order: sequence frames present on disk, or a movie's whole range. */
    static Map<VariantKey, List<Long>> frameNumbers(Connection c) throws SQLException {
        Map<VariantKey, List<Long>> out = new LinkedHashMap<>();
        Map<VariantKey, FrameRange> movies = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v.shot, v.name, v.kind,"
                + " v.first_frame, v.frame_count FROM variant v JOIN shot s ON s.name = v.shot"
                + " ORDER BY s.position, v.name")) {
            while (rs.next()) {
                VariantKey key = new VariantKey(rs.getString(1), rs.getString(2));
                out.put(key, new ArrayList<>());
                if ("movie".equals(rs.getString(3))) {
                    movies.put(key, FrameRange.ofLength(rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT shot, variant, frame FROM frame ORDER BY shot, variant, frame")) {
            while (rs.next()) {
                List<Long> list = out.get(new VariantKey(rs.getString(1), rs.getString(2)));
                if (list != null) {
                    list.add(rs.getLong(3));
                }
            }
        }
        movies.forEach((key, range) -> range.frames().forEach(out.get(key)::add));
        return out;
    }

    /** Applies SET/CLEAR rows in force, in id order, frame by frame. */
    static Map<VariantKey, NavigableMap<Long, Decision>> paint(List<Row> rows) {
        Map<Long, Boolean> undone = undoneMap(rows);
        Map<VariantKey, NavigableMap<Long, Decision>> out = new HashMap<>();
        for (Row row : rows) {
            if (row.action != DecisionAction.SET && row.action != DecisionAction.CLEAR
                    || undone.getOrDefault(row.id, false)) {
                continue;
            }
            NavigableMap<Long, Decision> frames = out.computeIfAbsent(new VariantKey(row.shot, row.variant),
                    k -> new TreeMap<>());
            if (row.action == DecisionAction.CLEAR) {
                frames.subMap(row.frames.start(), row.frames.endExclusive()).clear();
            } else {
                Decision d = row.toDecision();
                for (long f = row.frames.start(); f < row.frames.endExclusive(); f++) {
                    frames.put(f, d);
                }
            }
        }
        return out;
    }

    /** Target id to "is currently undone", from the UNDO/REDO rows in id order (the last one wins). */
    static Map<Long, Boolean> undoneMap(List<Row> rows) {
        Map<Long, Boolean> undone = new HashMap<>();
        for (Row row : rows) {
            if (row.action == DecisionAction.UNDO || row.action == DecisionAction.REDO) {
                undone.put(row.target, row.action == DecisionAction.UNDO);
            }
        }
        return undone;
    }

    static List<Row> readRows(PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(Row.read(rs));
            }
        }
        return rows;
    }

    /** A decision row as read. */
    static final class Row {
        long id;
        DecisionAction action;
        Long target;
        String shot;
        String variant;
        FrameRange frames;
        Verdict verdict;
        String note;
        String reviewer;
        Role role;
        String pass;
        long recordedAt;

        static Row read(ResultSet rs) throws SQLException {
            Row r = new Row();
            r.id = rs.getLong(1);
            r.action = DecisionAction.fromWord(rs.getString(2));
            long target = rs.getLong(3);
            r.target = rs.wasNull() ? null : target;
            r.shot = rs.getString(4);
            r.variant = rs.getString(5);
            r.frames = new FrameRange(rs.getLong(6), rs.getLong(7));
            String verdict = rs.getString(8);
            r.verdict = verdict == null ? null : Verdict.parse(verdict);
            r.note = rs.getString(9);
            r.reviewer = rs.getString(10);
            r.role = Role.parse(rs.getString(11));
            r.pass = rs.getString(12);
            r.recordedAt = rs.getLong(13);
            return r;
        }

        Decision toDecision() {
            return new Decision(id, shot, variant, frames, verdict, note, reviewer, role, pass,
                    Instant.ofEpochMilli(recordedAt));
        }

        DecisionRecord toRecord(boolean inForce) {
            boolean undoRedo = action == DecisionAction.UNDO || action == DecisionAction.REDO;
            return new DecisionRecord(toDecision(), action, target == null ? OptionalLong.empty()
                    : OptionalLong.of(target), undoRedo || inForce);
        }
    }
}
