package dev.onmodel.core.store;

import dev.onmodel.core.project.ProjectLayout;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies of a project's {@code onmodel.db} in {@code .onmodel/backups/}: automatic rolling ones (taken when a
 * store opens and closes), explicit ones ({@code onmodel backup}) and the copy taken before a schema migration.
 *
 * <p>Copies are made with SQLite's {@code VACUUM INTO}, which writes a consistent snapshot while other
 * connections keep working, then checked with {@code PRAGMA quick_check} before older automatic copies are
 * rotated out, so a damaged copy never replaces a good one.
 */
public final class StoreBackups {

    /** Why a copy was taken; part of its file name. */
    public enum Reason {
        OPEN, CLOSE, MANUAL, BEFORE_MIGRATION;

        String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One backup file. */
    public record Backup(Path file, Instant takenAt, String reason, long sizeBytes) {
    }

    static final String STORE_DIR = ".onmodel";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("onmodel-(\\d{8}T\\d{9}Z)-([a-z0-9-]+)\\.db");

    private StoreBackups() {
    }

    /** {@code <project>/.onmodel/backups}. */
    public static Path backupsDir(Path projectRoot) {
        return projectRoot.resolve(STORE_DIR).resolve("backups");
    }

    /** The backups of a project, newest first; empty when there are none. */
    public static List<Backup> list(Path projectRoot) {
        List<Backup> backups = new ArrayList<>();
        Path dir = backupsDir(projectRoot);
        if (!Files.isDirectory(dir)) {
            return backups;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "onmodel-*.db")) {
            for (Path entry : entries) {
                Matcher m = NAME.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    Instant at = STAMP.parse(m.group(1), Instant::from);
                    backups.add(new Backup(entry, at, m.group(2), Files.size(entry)));
                }
            }
        } catch (IOException e) {
            return backups;
        }
        backups.sort(Comparator.comparing(Backup::takenAt).thenComparing(b -> b.file().getFileName().toString())
                .reversed());
        return backups;
    }

    /**
     * Takes a consistent copy through {@code connection} (any open connection to the project's database, read-only
     * is fine) and checks it. Rotation of automatic copies is the caller's choice ({@link #rotate}).
     *
     * @return the new backup file
     */
    static Path create(Connection connection, Path projectRoot, Reason reason) throws SQLException, IOException {
        Path dir = backupsDir(projectRoot);
        Files.createDirectories(dir);
        String name = "onmodel-" + STAMP.format(Instant.now()) + "-" + reason.word() + ".db";
        Path target = dir.resolve(name);
        Path temp = dir.resolve(name + ".partial");
        Files.deleteIfExists(temp);
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM INTO '" + temp.toString().replace("'", "''") + "'");
        }
        String check = quickCheck(temp);
        if (!"ok".equals(check)) {
            Files.deleteIfExists(temp);
            throw new IOException("the backup copy failed its integrity check (" + check + "); previous backups kept");
        }
        move(temp, target);
        return target;
    }

    /** Deletes automatic (open/close) copies beyond the newest {@code keep}; explicit ones are never deleted. */
    static void rotate(Path projectRoot, int keep) {
        int seen = 0;
        for (Backup backup : list(projectRoot)) {
            if (!backup.reason().equals(Reason.OPEN.word()) && !backup.reason().equals(Reason.CLOSE.word())) {
                continue;
            }
            seen++;
            if (seen > keep) {
                try {
                    Files.deleteIfExists(backup.file());
                } catch (IOException e) {
                    // A copy that cannot be deleted is only wasted space; the next rotation tries again.
                }
            }
        }
    }

    /** The newest backup that passes {@code PRAGMA quick_check}. */
    public static Optional<Backup> latestGood(Path projectRoot) {
        for (Backup backup : list(projectRoot)) {
            try {
                if ("ok".equals(quickCheck(backup.file()))) {
                    return Optional.of(backup);
                }
            } catch (SQLException e) {
                // damaged copy: try the next older one
            }
        }
        return Optional.empty();
    }

    /**
     * Puts {@code backup} in place of the project's database. The current database (and its -wal/-shm files, which
     * would otherwise be replayed onto the restored copy) is moved aside as {@code onmodel.db.replaced-<time>},
     * never deleted. Refused while any OnModel process has the project open.
     *
     * @return where the replaced database was moved, or empty when there was none
     * @throws StoreException BUSY when the project is open elsewhere, CORRUPT when the backup itself is damaged
     */
    public static Optional<Path> restore(Path projectRoot, Path backup) throws StoreException {
        Path root = projectRoot.toAbsolutePath().normalize();
        if (!Files.isRegularFile(backup)) {
            throw new StoreException(StoreException.Kind.INVALID_REQUEST, backup + ": no such backup file");
        }
        String check;
        try {
            check = quickCheck(backup);
        } catch (SQLException e) {
            check = e.getMessage();
        }
        if (!"ok".equals(check)) {
            throw new StoreException(StoreException.Kind.CORRUPT, backup + ": this backup is damaged too (" + check
                    + "); choose an older one (onmodel restore --list)");
        }
        Path db = ProjectLayout.database(root);
        try (StoreLock lock = StoreLock.exclusive(root)) {
            String stamp = STAMP.format(Instant.now());
            Path temp = root.resolve(ProjectLayout.DATABASE_FILE + ".restoring");
            Files.copy(backup, temp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Optional<Path> replaced = Optional.empty();
            if (Files.exists(db)) {
                Path aside = root.resolve(ProjectLayout.DATABASE_FILE + ".replaced-" + stamp);
                move(db, aside);
                replaced = Optional.of(aside);
            }
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = root.resolve(ProjectLayout.DATABASE_FILE + suffix);
                if (Files.exists(side)) {
                    move(side, root.resolve(ProjectLayout.DATABASE_FILE + ".replaced-" + stamp + suffix));
                }
            }
            move(temp, db);
            return replaced;
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, db + ": could not restore " + backup.getFileName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code PRAGMA quick_check} on a database file opened read-only; "ok" when sound. */
    static String quickCheck(Path file) throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            StringBuilder result = new StringBuilder();
            while (rs.next()) {
                if (result.length() > 0) {
                    result.append("; ");
                }
                result.append(rs.getString(1));
            }
            return result.toString();
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
