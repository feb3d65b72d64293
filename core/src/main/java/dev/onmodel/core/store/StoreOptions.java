package dev.onmodel.core.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReviewStore} is opened.
 *
 * @param readOnly        open without writing anything (default false); the store also falls back to read-only
 *                        by itself when the folder or file cannot be written
 * @param busyTimeout     how long a write waits for another process's write lock before failing with
 *                        {@link StoreException.Kind#BUSY} (default 5 s; a decision transaction holds the lock for
 *                        about a millisecond, so anything longer means the other process is stuck)
 * @param backupsToKeep   rolling automatic backups kept in {@code .onmodel/backups/} (default 10; 0 disables
 *                        automatic backups, explicit {@code backup} still works)
 * @param maxPageCount    0 for no limit (default); a positive value caps the database size in pages, which is how
 *                        tests provoke a "disk full" without filling a real disk
 */
public record StoreOptions(boolean readOnly, Duration busyTimeout, int backupsToKeep, long maxPageCount) {

    public StoreOptions {
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative()) {
            throw new IllegalArgumentException("busy timeout must not be negative: " + busyTimeout);
        }
        if (backupsToKeep < 0) {
            throw new IllegalArgumentException("backupsToKeep must not be negative: " + backupsToKeep);
        }
        if (maxPageCount < 0) {
            throw new IllegalArgumentException("maxPageCount must not be negative: " + maxPageCount);
        }
    }

    /** Read-write, 5 s busy timeout, 10 rolling backups, no size cap. */
    public static StoreOptions defaults() {
        return new StoreOptions(false, Duration.ofSeconds(5), 10, 0);
    }

    public StoreOptions withReadOnly(boolean value) {
        return new StoreOptions(value, busyTimeout, backupsToKeep, maxPageCount);
    }

    public StoreOptions withBusyTimeout(Duration value) {
        return new StoreOptions(readOnly, value, backupsToKeep, maxPageCount);
    }

    public StoreOptions withBackupsToKeep(int value) {
        return new StoreOptions(readOnly, busyTimeout, value, maxPageCount);
    }

    public StoreOptions withMaxPageCount(long value) {
        return new StoreOptions(readOnly, busyTimeout, backupsToKeep, value);
    }
}
