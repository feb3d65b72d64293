package dev.onmodel.app.project;

import dev.onmodel.core.store.StoreBackups;
import dev.onmodel.core.store.StoreException;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Restoring a project's review database from one of its rolling backups, as the window offers it (File ▸ Restore
 * review database). The same operation as {@code onmodel restore}; the caller closes the project's session first.
 */
public final class DatabaseRestore {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private DatabaseRestore() {
    }

    /** The project's backups, newest first. */
    public static List<StoreBackups.Backup> backups(Path projectRoot) {
        return StoreBackups.list(projectRoot);
    }

    /** The newest backup that passes an integrity check: what to offer first. */
    public static Optional<StoreBackups.Backup> suggested(Path projectRoot) {
        return StoreBackups.latestGood(projectRoot);
    }

    /** "2026-11-23 22:41:07 · before migration to 2 · 412 KB": how a backup is listed. */
    public static String describe(StoreBackups.Backup backup) {
        return WHEN.format(backup.takenAt()) + " \u00b7 " + backup.reason() + " \u00b7 "
                + Math.max(1, backup.sizeBytes() / 1024) + " KB";
    }

    /**
     * Puts {@code backup} in place of the database; the replaced database is kept beside it, never deleted.
     *
     * @return one sentence saying what happened, for the confirmation dialog
     * @throws StoreException when the project is still open elsewhere or the backup is damaged (its message says so)
     */
    public static String restore(Path projectRoot, StoreBackups.Backup backup) throws StoreException {
        Optional<Path> replaced = StoreBackups.restore(projectRoot, backup.file());
        return "Restored the review database from the backup of " + WHEN.format(backup.takenAt()) + "."
                + replaced.map(p -> " The replaced database is kept as " + p.getFileName() + ".").orElse("");
    }
}
