package dev.onmodel.core.store;

import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.time.FrameRange;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A project's review store: the SQLite database {@code onmodel.db} in the project folder, holding decisions,
 * review passes, hero choices, the imported project structure and the analysis cache.
 *
 * <p><b>Durability.</b> Every write is one transaction in WAL mode with {@code synchronous=FULL}; the methods that
 * return a {@link Decision} return only after its transaction has committed (see
 * docs/decisions/store-wal-synchronous-full.md). Decisions and hero choices are append-only (enforced by
 * triggers): undo and redo are new rows.
 *
 * <p><b>Threads.</b> All writes run on one writer thread ({@code onmodel-db-writer}); the {@code ...Async}
 * methods return at once with a future completed on that thread after commit, the plain methods wait for it.
 * Reads run on the calling thread on their own read-only connections and never wait for the writer (WAL).
 * Instances are thread-safe.
 *
 * <p><b>Failure.</b> Every failure is a {@link StoreException} whose message names the file and what to do; a
 * damaged database is refused at open with the newest good backup named, a database from a newer OnModel is
 * refused untouched, and a read-only folder or file opens the store read-only ({@link #readOnlyReason()}).
 */
public final class ReviewStore implements AutoCloseable {

    /** Schema version this build writes; {@code PRAGMA user_version} of an up-to-date database. */
    public static final int SCHEMA_VERSION = 3;

    /** project_meta key of the importer's structure digest (an unchanged rescan writes nothing). */
    static final String STRUCTURE_FINGERPRINT = "structure_fingerprint";
    /** project_meta key of project.json's identity when the structure was last recorded ({@code ProjectLayout.settingsIdentity}). */
    static final String IMPORTED_SETTINGS = "imported_settings";

    private static final List<String> MIGRATION_FILES = List.of("V001__initial.sql", "V002__frame_scores.sql",
            "V003__movie_variants.sql");
    private static final int MAX_IDLE_READERS = 4;

    private final Path root;
    private final Path database;
    private final StoreOptions options;
    private final Optional<String> readOnlyReason;
    private final String readUrl;
    private final Connection writeConnection;
    private final ExecutorService writer;
    private final StoreLock lock;
    private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    private volatile boolean writtenSinceBackup;

    private ReviewStore(Path root, StoreOptions options, Optional<String> readOnlyReason, String readUrl,
                        Connection writeConnection, StoreLock lock) {
        this.root = root;
        this.database = ProjectLayout.database(root);
        this.options = options;
        this.readOnlyReason = readOnlyReason;
        this.readUrl = readUrl;
        this.writeConnection = writeConnection;
        this.lock = lock;
        this.writer = writeConnection == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "onmodel-db-writer");
            t.setDaemon(true);
            return t;
        });
    }

    // ---------------------------------------------------------------------------------------------- opening

    /** Opens (creating or upgrading if needed) the store of the project folder {@code projectRoot}. */
    public static ReviewStore open(Path projectRoot) throws StoreException {
        return open(projectRoot, StoreOptions.defaults());
    }

    /**
     * Opens the store of {@code projectRoot} with {@code options}.
     *
     * @throws StoreException CORRUPT (damaged or truncated file; message names the newest good backup),
     *                        NEWER_SCHEMA (written by a newer OnModel; not touched), READ_ONLY (read-only folder
     *                        without a database yet, or a database too old to upgrade in place), BUSY, IO
     */
    public static ReviewStore open(Path projectRoot, StoreOptions options) throws StoreException {
        Objects.requireNonNull(options, "options");
        Path root = projectRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new StoreException(StoreException.Kind.INVALID_REQUEST, root + ": not a project folder");
        }
        Path db = ProjectLayout.database(root);
        boolean exists = Files.exists(db);
        if (exists) {
            checkFileLooksLikeSqlite(root, db);
        }
        Optional<String> readOnly = options.readOnly() ? Optional.of("opened read-only as asked")
                : writabilityProblem(root, db, exists);
        if (readOnly.isPresent()) {
            return openReadOnly(root, db, exists, options, readOnly.get());
        }
        if (exists) {
            checkExisting(root, db, "jdbc:sqlite:" + db);
        }
        StoreLock lock = StoreLock.shared(root);
        Connection write = null;
        try {
            write = DriverManager.getConnection("jdbc:sqlite:" + db, writeConfig(options).toProperties());
            if (options.maxPageCount() > 0) {
                try (Statement s = write.createStatement()) {
                    s.execute("PRAGMA max_page_count = " + options.maxPageCount());
                }
            }
            migrate(write, root, migrations());
            ReviewStore store = new ReviewStore(root, options, Optional.empty(), "jdbc:sqlite:" + db, write, lock);
            if (exists && options.backupsToKeep() > 0 && changedSinceLastBackup(root, db)) {
                store.backupQuietly(StoreBackups.Reason.OPEN);
            }
            return store;
        } catch (SQLException e) {
            closeQuietly(write);
            closeQuietly(lock);
            StoreException translated = Sql.translate(e, "open the review store", db, options.busyTimeout());
            if (translated.kind() == StoreException.Kind.READ_ONLY) {
                return openReadOnly(root, db, Files.exists(db), options, "the database file cannot be written");
            }
            throw withBackupHint(root, translated);
        } catch (IOException e) {
            closeQuietly(write);
            closeQuietly(lock);
            throw new StoreException(StoreException.Kind.IO, db + ": could not open the review store: "
                    + e.getMessage(), e);
        }
    }

    /**
     * True when the database may hold something no backup has: a WAL left by a process that did not close (killed,
     * crashed), or a database file modified after the newest backup (beyond the moment the closing checkpoint
     * takes). Opening an unchanged project again and again then adds no copies.
     */
    private static boolean changedSinceLastBackup(Path root, Path db) {
        List<StoreBackups.Backup> backups = StoreBackups.list(root);
        if (backups.isEmpty()) {
            return true;
        }
        try {
            Path wal = root.resolve(ProjectLayout.DATABASE_FILE + "-wal");
            if (Files.exists(wal) && Files.size(wal) > 0) {
                return true;
            }
            Instant modified = Files.getLastModifiedTime(db).toInstant();
            return modified.isAfter(backups.get(0).takenAt().plusSeconds(5));
        } catch (IOException e) {
            return true;
        }
    }

    private static ReviewStore openReadOnly(Path root, Path db, boolean exists, StoreOptions options, String reason)
            throws StoreException {
        if (!exists) {
            throw new StoreException(StoreException.Kind.READ_ONLY, options.readOnly()
                    ? root + ": the project has no onmodel.db yet: nothing has been recorded or imported"
                    : root + ": " + reason + " and the project has no onmodel.db yet, so nothing can be recorded;"
                    + " copy the project to a writable folder");
        }
        // A read-only folder cannot hold the -shm file WAL readers need; "immutable" tells SQLite nobody writes.
        String url = Files.isWritable(root) ? "jdbc:sqlite:" + db : "jdbc:sqlite:file:" + db + "?immutable=1";
        Path wal = root.resolve(ProjectLayout.DATABASE_FILE + "-wal");
        try {
            if (!Files.isWritable(root) && Files.exists(wal) && Files.size(wal) > 0) {
                // An immutable open cannot read a WAL left by a process that did not close: say so, never hide it.
                reason = reason + "; the last changes, still in onmodel.db-wal from an OnModel that did not close,"
                        + " are not shown until the project is opened from a writable folder";
            }
        } catch (IOException e) {
            reason = reason + "; onmodel.db-wal cannot be read";
        }
        int version = checkExisting(root, db, url);
        if (version < SCHEMA_VERSION) {
            throw new StoreException(StoreException.Kind.READ_ONLY, db + ": written by an older OnModel (schema "
                    + version + ") and " + reason + ", so it cannot be upgraded; copy the project to a writable"
                    + " folder");
        }
        // Where the lock file can be written, a reader holds it too, so a restore never swaps the file under it.
        StoreLock lock = Files.isWritable(root) ? StoreLock.shared(root) : null;
        return new ReviewStore(root, options, Optional.of(reason), url, null, lock);
    }

    private static SQLiteConfig writeConfig(StoreOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(options.durability() == StoreOptions.Durability.POWER_LOSS_SAFE
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        config.enforceForeignKeys(true);
        return config;
    }

    private static SQLiteConfig readConfig(StoreOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        return config;
    }

    private static Optional<String> writabilityProblem(Path root, Path db, boolean exists) {
        if (!Files.isWritable(root)) {
            return Optional.of("the project folder is read-only");
        }
        if (exists && !Files.isWritable(db)) {
            return Optional.of("onmodel.db is read-only");
        }
        return Optional.empty();
    }

    private static void checkFileLooksLikeSqlite(Path root, Path db) throws StoreException {
        try {
            long size = Files.size(db);
            if (size == 0) {
                if (!StoreBackups.list(root).isEmpty()) {
                    throw withBackupHint(root, new StoreException(StoreException.Kind.CORRUPT, db
                            + ": the database file is empty (0 bytes) although backups exist; it was truncated"));
                }
                return;
            }
            byte[] head = new byte[16];
            int read;
            try (InputStream in = Files.newInputStream(db)) {
                read = in.readNBytes(head, 0, 16);
            }
            if (read < 16 || !new String(head, 0, 15, StandardCharsets.US_ASCII).equals("SQLite format 3")) {
                throw withBackupHint(root, new StoreException(StoreException.Kind.CORRUPT, db
                        + ": not an OnModel database (the file does not start with an SQLite header; damaged or"
                        + " overwritten)"));
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, db + ": cannot read the database file: "
                    + e.getMessage(), e);
        }
    }

    /** Refuses a newer or damaged database before anything writes to it; returns its schema version. */
    private static int checkExisting(Path root, Path db, String url) throws StoreException {
        try (Connection c = DriverManager.getConnection(url, readConfig(StoreOptions.defaults()).toProperties());
             Statement s = c.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new StoreException(StoreException.Kind.NEWER_SCHEMA, db + ": written by a newer OnModel"
                        + " (schema " + version + "; this version understands up to " + SCHEMA_VERSION
                        + "). It was not changed: open the project with that newer OnModel");
            }
            StringBuilder check = new StringBuilder();
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) {
                    check.append(check.length() == 0 ? "" : "; ").append(rs.getString(1));
                }
            }
            if (!"ok".contentEquals(check)) {
                String shown = check.length() > 200 ? check.substring(0, 200) + "..." : check.toString();
                throw withBackupHint(root, new StoreException(StoreException.Kind.CORRUPT, db
                        + ": the database file is damaged (" + shown + ")"));
            }
            return version;
        } catch (SQLException e) {
            throw withBackupHint(root, Sql.translate(e, "read the review store", db, StoreOptions.defaults().busyTimeout()));
        }
    }

    private static StoreException withBackupHint(Path root, StoreException e) {
        if (e.kind() != StoreException.Kind.CORRUPT) {
            return e;
        }
        String hint = StoreBackups.latestGood(root)
                .map(b -> "; the newest good backup is " + b.file().getFileName() + " from " + b.takenAt()
                        + ": run 'onmodel restore --project " + root + "' to put it back (the damaged file is kept)")
                .orElse("; no backup of it exists");
        String message = e.getMessage();
        int cut = message.indexOf("; restore the last good backup");
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        return new StoreException(StoreException.Kind.CORRUPT, message + hint, e.getCause());
    }

    /** The schema migrations shipped with this build, in order. */
    static List<Migration> migrations() throws IOException {
        List<Migration> list = new ArrayList<>();
        for (String file : MIGRATION_FILES) {
            try (InputStream in = ReviewStore.class.getResourceAsStream("migration/" + file)) {
                if (in == null) {
                    throw new IOException("missing migration resource " + file);
                }
                int version = Integer.parseInt(file.substring(1, 4));
                list.add(new Migration(version, file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return list;
    }

    /**
     * Applies the migrations newer than the database's {@code user_version}, each in its own transaction that also
     * sets the version. An existing database (version above 0) is copied to the backups folder first.
     */
    static void migrate(Connection connection, Path root, List<Migration> migrations) throws SQLException, IOException {
        int version;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        int latest = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        if (version >= latest) {
            return;
        }
        if (version > 0) {
            StoreBackups.create(connection, root, StoreBackups.Reason.BEFORE_MIGRATION);
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Migration migration : migrations) {
                if (migration.version() <= version) {
                    continue;
                }
                try (Statement s = connection.createStatement()) {
                    for (String statement : migration.statements()) {
                        s.execute(statement);
                    }
                    s.execute("PRAGMA user_version = " + migration.version());
                }
                connection.commit();
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    // ---------------------------------------------------------------------------------------------- state

    public Path projectRoot() {
        return root;
    }

    public Path databaseFile() {
        return database;
    }

    public boolean isReadOnly() {
        return readOnlyReason.isPresent();
    }

    /** Why the store is read-only ("the project folder is read-only"); empty when it can write. */
    public Optional<String> readOnlyReason() {
        return readOnlyReason;
    }

    /** {@code PRAGMA integrity_check}: "ok" for a sound database, otherwise SQLite's findings. */
    public String integrityCheck() throws StoreException {
        return read("check the database", c -> {
            StringBuilder out = new StringBuilder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    out.append(out.length() == 0 ? "" : "; ").append(rs.getString(1));
                }
            }
            return out.toString();
        });
    }

    // ---------------------------------------------------------------------------------------------- decisions

    /**
     * Records a decision and returns it once committed (id and time assigned).
     *
     * @throws StoreException INVALID_REQUEST (blank reviewer, unknown shot/variant or frames outside the variant
     *                        when the project has been imported, closed pass), READ_ONLY, BUSY, DISK_FULL, IO
     */
    public Decision record(DecisionRequest request) throws StoreException {
        return await(recordAsync(request));
    }

    /** As {@link #record}, without waiting: the future completes on the writer thread after commit. */
    public CompletableFuture<Decision> recordAsync(DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        return write("record a decision", c -> DecisionLog.insertDecision(c, request, System.currentTimeMillis()));
    }

    /** Records several decisions in one transaction: all or none are committed. */
    public List<Decision> recordAll(List<DecisionRequest> requests) throws StoreException {
        List<DecisionRequest> copy = List.copyOf(requests);
        return await(write("record " + copy.size() + " decisions", c -> {
            long now = System.currentTimeMillis();
            List<Decision> out = new ArrayList<>();
            for (DecisionRequest request : copy) {
                out.add(DecisionLog.insertDecision(c, request, now));
            }
            return out;
        }));
    }

    /**
     * Withdraws decision {@code decisionId} (a SET or CLEAR record in force) with a new UNDO record; its frames
     * show what they showed before it, unless a later decision covers them.
     */
    public DecisionRecord undo(long decisionId, String reviewer, Role role) throws StoreException {
        return await(write("undo decision " + decisionId, c -> DecisionLog.insertUndoRedo(c, decisionId, DecisionAction.UNDO,
                reviewer, role)));
    }

    /** Puts an undone decision back in force with a new REDO record. */
    public DecisionRecord redo(long decisionId, String reviewer, Role role) throws StoreException {
        return await(write("redo decision " + decisionId, c -> DecisionLog.insertUndoRedo(c, decisionId, DecisionAction.REDO,
                reviewer, role)));
    }

    /** The decision in force on one frame, if any (a CLEAR in force means undecided: empty). */
    public Optional<Decision> effectiveDecision(String shot, String variant, long frame) throws StoreException {
        return Optional.ofNullable(effectiveDecisions(shot, variant).get(frame));
    }

    /**
     * The decision in force on each decided frame of a variant: the latest SET or CLEAR record covering it that is
     * not undone; frames whose latest such record is a CLEAR, or with none, are absent (undecided).
     */
    public NavigableMap<Long, Decision> effectiveDecisions(String shot, String variant) throws StoreException {
        return read("read decisions of " + shot + "/" + variant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionLog.COLUMNS
                    + " FROM decision WHERE shot = ? AND variant = ? ORDER BY id")) {
                ps.setString(1, shot);
                ps.setString(2, variant);
                List<DecisionLog.Row> rows = DecisionLog.readRows(ps);
                return DecisionLog.paint(rows).getOrDefault(new VariantKey(shot, variant), new TreeMap<>());
            }
        });
    }

    /** {@link #effectiveDecisions(String, String)} for every variant at once (timeline state), one query. */
    public Map<VariantKey, NavigableMap<Long, Decision>> allEffectiveDecisions() throws StoreException {
        return read("read all decisions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionLog.COLUMNS + " FROM decision ORDER BY id")) {
                return DecisionLog.paint(DecisionLog.readRows(ps));
            }
        });
    }

    /** Every record touching {@code frame} of a variant, oldest first: who changed it, when, how (audit trail). */
    public List<DecisionRecord> history(String shot, String variant, long frame) throws StoreException {
        return read("read the history of " + shot + "/" + variant + " frame " + frame, c -> {
            List<DecisionLog.Row> all;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionLog.COLUMNS
                    + " FROM decision WHERE shot = ? AND variant = ? ORDER BY id")) {
                ps.setString(1, shot);
                ps.setString(2, variant);
                all = DecisionLog.readRows(ps);
            }
            Map<Long, Boolean> undone = DecisionLog.undoneMap(all);
            List<DecisionRecord> out = new ArrayList<>();
            for (DecisionLog.Row row : all) {
                if (row.frames.contains(frame)) {
                    out.add(row.toRecord(!undone.getOrDefault(row.id, false)));
                }
            }
            return out;
        });
    }

    /** The whole log (or one pass's part of it), oldest first, including UNDO/REDO rows. */
    public List<DecisionRecord> log(Optional<String> pass) throws StoreException {
        return read("read the decision log", c -> {
            List<DecisionLog.Row> all;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionLog.COLUMNS + " FROM decision ORDER BY id")) {
                all = DecisionLog.readRows(ps);
            }
            Map<Long, Boolean> undone = DecisionLog.undoneMap(all);
            List<DecisionRecord> out = new ArrayList<>();
            for (DecisionLog.Row row : all) {
                if (pass.isEmpty() || pass.get().equals(row.pass)) {
                    out.add(row.toRecord(!undone.getOrDefault(row.id, false)));
                }
            }
            return out;
        });
    }

    /**
     * The log rows recorded after row {@code afterId}, oldest first, including UNDO/REDO rows: how a window follows
     * decisions other processes record ({@code onmodel decide}, a second workstation) without re-reading the whole
     * log. {@link DecisionRecord#inForce()} is left true here: the caller applies UNDO/REDO rows itself.
     */
    public List<DecisionRecord> logAfter(long afterId) throws StoreException {
        return read("read new decisions", c -> {
            List<DecisionRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionLog.COLUMNS
                    + " FROM decision WHERE id > ? ORDER BY id")) {
                ps.setLong(1, afterId);
                for (DecisionLog.Row row : DecisionLog.readRows(ps)) {
                    out.add(row.toRecord(true));
                }
            }
            return out;
        });
    }

    /**
     * SET and CLEAR decisions in force (not undone) matching {@code filter}, oldest first, whether or not a later
     * decision supersedes them on some frames: "what did the director reject in this pass".
     */
    public List<Decision> decisions(DecisionFilter filter) throws StoreException {
        return read("query decisions", c -> {
            List<DecisionLog.Row> all;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionLog.COLUMNS + " FROM decision ORDER BY id")) {
                all = DecisionLog.readRows(ps);
            }
            Map<Long, Boolean> undone = DecisionLog.undoneMap(all);
            List<Decision> out = new ArrayList<>();
            for (DecisionLog.Row row : all) {
                if ((row.action == DecisionAction.SET || row.action == DecisionAction.CLEAR)
                        && !undone.getOrDefault(row.id, false) && DecisionLog.matches(filter, row)) {
                    out.add(row.toDecision());
                }
            }
            return out;
        });
    }

    /**
     * Frames of every imported variant that have no verdict in force from decisions made in {@code pass}, as runs
     * of frame numbers (gaps in a sequence are not frames and never undecided). Variants fully decided are absent.
     */
    public Map<VariantKey, List<FrameRange>> undecidedFrames(String pass) throws StoreException {
        return read("find undecided frames", c -> {
            List<DecisionLog.Row> all;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DecisionLog.COLUMNS
                    + " FROM decision WHERE pass = ? ORDER BY id")) {
                ps.setString(1, pass);
                all = DecisionLog.readRows(ps);
            }
            Map<VariantKey, NavigableMap<Long, Decision>> decided = DecisionLog.paint(all);
            Map<VariantKey, List<Long>> frames = DecisionLog.frameNumbers(c);
            Map<VariantKey, List<FrameRange>> out = new LinkedHashMap<>();
            for (Map.Entry<VariantKey, List<Long>> e : frames.entrySet()) {
                NavigableMap<Long, Decision> d = decided.getOrDefault(e.getKey(), Collections.emptyNavigableMap());
                List<FrameRange> runs = new ArrayList<>();
                long runStart = -1;
                long previous = Long.MIN_VALUE;
                for (long frame : e.getValue()) {
                    boolean undecided = !d.containsKey(frame);
                    if (undecided && runStart >= 0 && frame == previous + 1) {
                        previous = frame;
                        continue;
                    }
                    if (runStart >= 0) {
                        runs.add(new FrameRange(runStart, previous + 1));
                        runStart = -1;
                    }
                    if (undecided) {
                        runStart = frame;
                        previous = frame;
                    }
                }
                if (runStart >= 0) {
                    runs.add(new FrameRange(runStart, previous + 1));
                }
                if (!runs.isEmpty()) {
                    out.put(e.getKey(), runs);
                }
            }
            return out;
        });
    }


    // ---------------------------------------------------------------------------------------------- passes

    /** Creates the pass if it does not exist, or reopens it if closed; returns it as committed. */
    public ReviewPass openPass(String name) throws StoreException {
        DecisionLog.requireText(name, "pass name");
        return await(write("open review pass '" + name + "'", c -> {
            long now = System.currentTimeMillis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_pass (name, opened_at_ms) VALUES (?, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET closed_at_ms = NULL")) {
                ps.setString(1, name);
                ps.setLong(2, now);
                ps.executeUpdate();
            }
            return passByName(c, name).orElseThrow();
        }));
    }

    /** Closes an open pass: it refuses new decisions until reopened. */
    public ReviewPass closePass(String name) throws StoreException {
        return await(write("close review pass '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE review_pass SET closed_at_ms = ? WHERE name = ? AND closed_at_ms IS NULL")) {
                ps.setLong(1, System.currentTimeMillis());
                ps.setString(2, name);
                ps.executeUpdate();
            }
            return passByName(c, name).orElseThrow(() -> DecisionLog.invalid("there is no review pass '" + name + "'"));
        }));
    }

    /** All passes, oldest first. */
    public List<ReviewPass> passes() throws StoreException {
        return read("list review passes", c -> {
            List<ReviewPass> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT name, opened_at_ms, closed_at_ms FROM review_pass ORDER BY opened_at_ms, name")) {
                while (rs.next()) {
                    out.add(pass(rs));
                }
            }
            return out;
        });
    }

    public Optional<ReviewPass> pass(String name) throws StoreException {
        return read("read review pass '" + name + "'", c -> passByName(c, name));
    }

    private static Optional<ReviewPass> passByName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, opened_at_ms, closed_at_ms FROM review_pass WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(pass(rs)) : Optional.empty();
            }
        }
    }

    private static ReviewPass pass(ResultSet rs) throws SQLException {
        String name = rs.getString(1);
        Instant opened = Instant.ofEpochMilli(rs.getLong(2));
        long closed = rs.getLong(3);
        return new ReviewPass(name, opened, rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(closed)));
    }

    // ---------------------------------------------------------------------------------------------- hero

    /**
     * Records {@code variant} as the hero of {@code shot} with its approved frames; the previous choice stays in
     * the history.
     */
    public HeroChoice chooseHero(String shot, String variant, FrameRange approved, String chosenBy, String note)
            throws StoreException {
        return await(write("choose the hero of " + shot, c -> {
            DecisionLog.requireText(shot, "shot");
            DecisionLog.requireText(variant, "variant");
            DecisionLog.requireText(chosenBy, "reviewer");
            if (approved.isEmpty()) {
                throw DecisionLog.invalid("the approved range is empty");
            }
            DecisionLog.checkVariantRange(c, shot, variant, approved);
            long now = System.currentTimeMillis();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hero_choice (shot, variant, first_frame,"
                    + " end_frame, chosen_by, note, recorded_at_ms) VALUES (?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, shot);
                ps.setString(2, variant);
                ps.setLong(3, approved.start());
                ps.setLong(4, approved.endExclusive());
                ps.setString(5, chosenBy);
                ps.setString(6, note == null ? "" : note);
                ps.setLong(7, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new HeroChoice(keys.getLong(1), shot, variant, approved, chosenBy, note,
                            Instant.ofEpochMilli(now));
                }
            }
        }));
    }

    /** The hero choice in force for {@code shot}. */
    public Optional<HeroChoice> hero(String shot) throws StoreException {
        List<HeroChoice> history = heroHistory(shot);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** Every shot's hero choice in force, by shot name. */
    public Map<String, HeroChoice> heroes() throws StoreException {
        return read("read hero choices", c -> {
            Map<String, HeroChoice> out = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, shot, variant, first_frame, end_frame, chosen_by, note, recorded_at_ms"
                            + " FROM hero_choice ORDER BY id")) {
                while (rs.next()) {
                    HeroChoice h = hero(rs);
                    out.put(h.shot(), h);
                }
            }
            return out;
        });
    }

    /** All hero choices of a shot, oldest first. */
    public List<HeroChoice> heroHistory(String shot) throws StoreException {
        return read("read hero choices of " + shot, c -> {
            List<HeroChoice> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, shot, variant, first_frame, end_frame, chosen_by,"
                    + " note, recorded_at_ms FROM hero_choice WHERE shot = ? ORDER BY id")) {
                ps.setString(1, shot);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(hero(rs));
                    }
                }
            }
            return out;
        });
    }

    private static HeroChoice hero(ResultSet rs) throws SQLException {
        return new HeroChoice(rs.getLong(1), rs.getString(2), rs.getString(3),
                new FrameRange(rs.getLong(4), rs.getLong(5)), rs.getString(6), rs.getString(7),
                Instant.ofEpochMilli(rs.getLong(8)));
    }

    // ---------------------------------------------------------------------------------------------- analysis cache

    /**
     * The cached payload for a file's analysis by {@code engineVersion}, when one was stored for the same path
     * and the same content (size and digest equal; a touched but unchanged file still hits).
     */
    public Optional<String> findAnalysis(FileIdentity file, String engineVersion) throws StoreException {
        return Optional.ofNullable(findAnalyses(List.of(file), engineVersion).get(file));
    }

    /** Bulk {@link #findAnalysis}: the identities that hit, with their payloads; misses are absent. */
    public Map<FileIdentity, String> findAnalyses(Collection<FileIdentity> files, String engineVersion)
            throws StoreException {
        List<FileIdentity> list = List.copyOf(files);
        return read("read cached analyses", c -> {
            Map<FileIdentity, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT size, digest, payload FROM analysis_cache"
                    + " WHERE path = ? AND engine_version = ?")) {
                for (FileIdentity file : list) {
                    ps.setString(1, file.relativePath());
                    ps.setString(2, engineVersion);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getLong(1) == file.size() && rs.getString(2).equals(file.digest())) {
                            out.put(file, rs.getString(3));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Stores one payload (replacing an older one for the same path and engine version). */
    public boolean putAnalysis(FileIdentity file, String engineVersion, String payload) throws StoreException {
        return putAnalyses(Map.of(file, payload), engineVersion);
    }

    /**
     * Stores payloads in one transaction. A cache is optional: on a read-only store nothing is stored and false
     * is returned instead of failing, so analysis still works on a read-only project.
     */
    public boolean putAnalyses(Map<FileIdentity, String> payloads, String engineVersion) throws StoreException {
        if (isReadOnly()) {
            return false;
        }
        Map<FileIdentity, String> copy = Map.copyOf(payloads);
        return await(write("store " + copy.size() + " analyses", c -> {
            long now = System.currentTimeMillis();
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO analysis_cache (path,"
                    + " engine_version, size, mtime_ms, digest, payload, stored_at_ms) VALUES (?,?,?,?,?,?,?)")) {
                for (Map.Entry<FileIdentity, String> e : copy.entrySet()) {
                    FileIdentity f = e.getKey();
                    ps.setString(1, f.relativePath());
                    ps.setString(2, engineVersion);
                    ps.setLong(3, f.size());
                    ps.setLong(4, f.mtimeMillis());
                    ps.setString(5, f.digest());
                    ps.setString(6, e.getValue());
                    ps.setLong(7, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        }));
    }

    /** Drops cached analyses of the given project-relative paths (every engine version); returns rows removed. */
    public int invalidateAnalyses(Collection<String> relativePaths) throws StoreException {
        if (isReadOnly() || relativePaths.isEmpty()) {
            return 0;
        }
        List<String> copy = List.copyOf(relativePaths);
        return await(write("invalidate cached analyses", c -> deleteAnalyses(c, copy)));
    }

    static int deleteAnalyses(Connection c, Collection<String> paths) throws SQLException {
        int removed = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM analysis_cache WHERE path = ?")) {
            for (String path : paths) {
                ps.setString(1, path);
                removed += ps.executeUpdate();
            }
        }
        return removed;
    }

    /** Number of cached analyses (all engines), for reports. */
    public long cachedAnalysisCount() throws StoreException {
        return read("count cached analyses", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM analysis_cache")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Every cached analysis made by {@code engineVersion}, by path, in one query: a scorer loads these up front
     * instead of asking once per file, which keeps re-scoring an unchanged project cheap.
     */
    public Map<String, CachedAnalysis> cachedAnalyses(String engineVersion) throws StoreException {
        return read("read cached analyses", c -> {
            Map<String, CachedAnalysis> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path, size, mtime_ms, digest, payload"
                    + " FROM analysis_cache WHERE engine_version = ?")) {
                ps.setString(1, engineVersion);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FileIdentity identity = new FileIdentity(rs.getString(1), rs.getLong(2), rs.getLong(3),
                                rs.getString(4));
                        out.put(identity.relativePath(), new CachedAnalysis(identity, engineVersion, rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------------- scores

    /**
     * Stores consistency scores in one transaction. Every frame named replaces all its earlier rows (so a frame
     * re-scored with another cast keeps no stale character); frames not named are left as they are.
     *
     * @throws StoreException READ_ONLY, DISK_FULL, BUSY, IO; nothing of the batch is stored then
     */
    public int putScores(Collection<StoredScore> scores) throws StoreException {
        List<StoredScore> copy = List.copyOf(scores);
        if (copy.isEmpty()) {
            return 0;
        }
        return await(write("store " + copy.size() + " scores", c -> ScoreTables.put(c, copy)));
    }

    /** The stored scores of one variant, by frame number, each frame's characters by name. */
    public NavigableMap<Long, List<StoredScore>> scores(String shot, String variant) throws StoreException {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        return read("read scores of " + shot + "/" + variant, c -> ScoreTables.read(c, shot, variant)
                .getOrDefault(new VariantKey(shot, variant), new TreeMap<>()));
    }

    /** {@link #scores(String, String)} of every variant, in one query. */
    public Map<VariantKey, NavigableMap<Long, List<StoredScore>>> allScores() throws StoreException {
        return read("read all scores", c -> ScoreTables.read(c, null, null));
    }

    /**
     * Drops the scores of frames whose file (path relative to the media root) changed or disappeared; the media
     * importer does this itself on rescan. Returns rows removed.
     */
    public int invalidateScores(Collection<String> relativePaths) throws StoreException {
        if (isReadOnly() || relativePaths.isEmpty()) {
            return 0;
        }
        List<String> copy = List.copyOf(relativePaths);
        return await(write("drop scores of changed frames", c -> ScoreTables.deleteByPath(c, copy)));
    }

    /** Number of stored score rows (frame x character). */
    public long scoreCount() throws StoreException {
        return read("count scores", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM frame_score")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Records the cast {@code cast.shot()} was scored against (replacing the earlier one). */
    public void putCast(ShotCast cast) throws StoreException {
        Objects.requireNonNull(cast, "cast");
        await(write("store the cast of " + cast.shot(), c -> {
            ScoreTables.putCast(c, cast);
            return null;
        }));
    }

    /** The cast each scored shot was last scored against, by shot name. */
    public Map<String, ShotCast> casts() throws StoreException {
        return read("read shot casts", ScoreTables::casts);
    }

    // ---------------------------------------------------------------------------------------------- structure

    /** True when an import has recorded the project structure. */
    public boolean hasStructure() throws StoreException {
        return read("read the project structure", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT (SELECT count(*) FROM shot) + (SELECT count(*) FROM character)")) {
                return rs.next() && rs.getLong(1) > 0;
            }
        });
    }

    /**
     * Where media paths are resolved: the project root unless media were relinked to another folder
     * (see the media importer's relink).
     */
    public Path mediaRoot() throws StoreException {
        return metaValue("media_root").map(Path::of).orElse(root);
    }

    /**
     * The identity of project.json when the structure was last recorded ({@code ProjectLayout.settingsIdentity});
     * empty for a store never imported, or imported before this was recorded.
     */
    public Optional<String> importedSettingsIdentity() throws StoreException {
        return metaValue(IMPORTED_SETTINGS);
    }

    Optional<String> metaValue(String key) throws StoreException {
        return read("read project settings", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM project_meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }


    /** The frame files of every imported sequence variant, by variant then frame number. */
    public Map<VariantKey, NavigableMap<Long, StoredFrame>> storedFrames() throws StoreException {
        return read("read imported frames", StructureTables::readFrames);
    }

    /**
     * The file of every imported movie variant as it was when imported: path (relative to the media root), size,
     * mtime and digest (empty when imported without content digests). A movie imported by a build before schema 3
     * is missing until the next import records it.
     */
    public Map<VariantKey, FileIdentity> movieFiles() throws StoreException {
        return read("read imported movies", StructureTables::readMovieFiles);
    }


    /**
     * The first frame number of every imported movie variant, with the movie's path (relative to the media root) it
     * was recorded under: a movie's frames keep their numbers from one import to the next, as the decisions recorded
     * on them do.
     */
    public Map<VariantKey, Map.Entry<String, Long>> movieFirstFrames() throws StoreException {
        return read("read imported movies' numbering", StructureTables::readMovieFirstFrames);
    }

    /**
     * The project as last imported, rebuilt from the store without touching the media (fast: no folder listing);
     * empty when nothing was imported. Paths resolve against {@link #mediaRoot()}.
     */
    public Optional<Project> loadProject() throws StoreException {
        Path media = mediaRoot();
        return read("load the project structure", c -> {
            return StructureTables.load(c, root, media);
        });
    }

    /**
     * Replaces the recorded structure with {@code project}, {@code frames} and the identities of its movie files in
     * one transaction, and drops the
     * cached analyses and stored scores of {@code invalidatedPaths}. Used by the media importer.
     */
    void replaceStructure(Project project, Map<VariantKey, NavigableMap<Long, StoredFrame>> frames,
                          Map<VariantKey, FileIdentity> movieFiles, Map<String, FileIdentity> sheetIdentities,
                          Collection<String> invalidatedPaths, Path mediaRoot, String fingerprint)
            throws StoreException {
        await(write("record the imported project structure", c -> {
            StructureTables.replace(c, root, project, frames, movieFiles, sheetIdentities, invalidatedPaths, mediaRoot,
                    fingerprint);
            return null;
        }));
    }

    // ---------------------------------------------------------------------------------------------- backups

    /** Takes a checked backup copy now ({@code onmodel backup}); returns its file. */
    public Path backupNow() throws StoreException {
        return backup(StoreBackups.Reason.MANUAL);
    }

    private Path backup(StoreBackups.Reason reason) throws StoreException {
        if (closed) {
            throw closedException("back up the database");
        }
        // VACUUM INTO cannot run inside a transaction, so the copy gets its own auto-commit connection.
        try (Connection c = DriverManager.getConnection(readUrl, readConfig(options).toProperties())) {
            return StoreBackups.create(c, root, reason);
        } catch (SQLException e) {
            throw Sql.translate(e, "back up the database", database, options.busyTimeout());
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, StoreBackups.backupsDir(root)
                    + ": could not write the backup: " + e.getMessage(), e);
        }
    }

    private void backupQuietly(StoreBackups.Reason reason) {
        // An automatic backup that fails (disk full, folder gone) must not stop the review; the next one retries.
        try {
            backup(reason);
            StoreBackups.rotate(root, options.backupsToKeep());
            writtenSinceBackup = false;
        } catch (StoreException e) {
            System.getLogger(ReviewStore.class.getName()).log(System.Logger.Level.WARNING,
                    "automatic backup skipped: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    /** Work on a connection; may throw SQL, IO or store failures. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, IOException, StoreException;
    }

    /** Runs {@code work} on the writer thread in one transaction; the future completes after commit. */
    <T> CompletableFuture<T> write(String doing, Work<T> work) {
        if (isReadOnly()) {
            return CompletableFuture.failedFuture(new StoreException(StoreException.Kind.READ_ONLY, database
                    + ": could not " + doing + ": the store is read-only (" + readOnlyReason.get() + ")"));
        }
        if (closed) {
            return CompletableFuture.failedFuture(closedException(doing));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            writer.execute(() -> {
                try (Statement tx = writeConnection.createStatement()) {
                    // Transactions are begun and ended here, not by the driver: its auto-commit-off mode opens the
                    // next transaction right after each commit, which would hold the write lock between writes.
                    // IMMEDIATE takes the write lock at BEGIN, so two processes queue on the busy timeout instead
                    // of one failing when it upgrades a read transaction (which no timeout can resolve).
                    tx.execute("BEGIN IMMEDIATE");
                    T value = work.run(writeConnection);
                    tx.execute("COMMIT");
                    writtenSinceBackup = true;
                    result.complete(value);
                } catch (SQLException e) {
                    rollbackQuietly();
                    result.completeExceptionally(withBackupHint(root, Sql.translate(e, doing, database,
                            options.busyTimeout())));
                } catch (StoreException e) {
                    rollbackQuietly();
                    result.completeExceptionally(e);
                } catch (IOException e) {
                    rollbackQuietly();
                    result.completeExceptionally(new StoreException(StoreException.Kind.IO, database
                            + ": could not " + doing + ": " + e.getMessage(), e));
                } catch (RuntimeException e) {
                    rollbackQuietly();
                    result.completeExceptionally(new StoreException(StoreException.Kind.INVALID_REQUEST, database
                            + ": could not " + doing + ": " + e.getMessage(), e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(closedException(doing));
        }
        return result;
    }

    private StoreException closedException(String doing) {
        return new StoreException(StoreException.Kind.CLOSED, database + ": could not " + doing
                + ": the store is closed");
    }

    private void rollbackQuietly() {
        try (Statement s = writeConnection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction is gone either way; the next write starts a new one
        }
    }

    /** Runs {@code work} on the calling thread with a read-only connection from the pool. */
    <T> T read(String doing, Work<T> work) throws StoreException {
        if (closed) {
            throw closedException(doing);
        }
        Connection c = idleReaders.poll();
        try {
            if (c == null) {
                c = DriverManager.getConnection(readUrl, readConfig(options).toProperties());
                // One read transaction per call: multi-query reads (loadProject) see one consistent snapshot.
                c.setAutoCommit(false);
            }
            T value = work.run(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return value;
        } catch (SQLException e) {
            closeQuietly(c);
            c = null;
            throw withBackupHint(root, Sql.translate(e, doing, database, options.busyTimeout()));
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, database + ": could not " + doing + ": "
                    + e.getMessage(), e);
        } finally {
            if (c != null) {
                if (!closed && idleReaders.size() < MAX_IDLE_READERS) {
                    idleReaders.offer(c);
                } else {
                    closeQuietly(c);
                }
            }
        }
    }

    static <T> T await(CompletableFuture<T> future) throws StoreException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    // The write is already queued and will commit; waiting for its outcome keeps the promise
                    // "returned means committed, thrown means not".
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException) {
                throw (StoreException) cause;
            }
            throw new StoreException(StoreException.Kind.IO, String.valueOf(cause.getMessage()), cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing after a failure: the original failure is what gets reported
            }
        }
    }

    /**
     * Waits for queued writes to commit, takes the closing backup when anything was written, and releases the
     * files. Further calls fail with {@link StoreException.Kind#CLOSED}.
     */
    @Override
    public void close() throws StoreException {
        if (closed) {
            return;
        }
        if (writer != null) {
            writer.shutdown();
            try {
                while (!writer.awaitTermination(1, TimeUnit.MINUTES)) {
                    System.getLogger(ReviewStore.class.getName()).log(System.Logger.Level.WARNING,
                            "still waiting for queued decisions to commit");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (writtenSinceBackup && options.backupsToKeep() > 0) {
                backupQuietly(StoreBackups.Reason.CLOSE);
            }
        }
        closed = true;
        Connection c;
        while ((c = idleReaders.poll()) != null) {
            closeQuietly(c);
        }
        // The last connection to close checkpoints the WAL into onmodel.db and removes it (SQLite does this itself),
        // so a project folder copied after closing holds one self-contained database file.
        closeQuietly(writeConnection);
        closeQuietly(lock);
    }
}
