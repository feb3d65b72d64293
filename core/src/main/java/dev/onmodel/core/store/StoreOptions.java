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
 * @param durability      when a commit counts as done (default {@link Durability#POWER_LOSS_SAFE})
 */
public record StoreOptions(boolean readOnly, Duration busyTimeout, int backupsToKeep, long maxPageCount,
                           Durability durability) {

    /**
     * When a commit counts as done (docs/decisions/store-wal-synchronous-full.md).
     */
    public enum Durability {
        /**
         * {@code synchronous=FULL} (default): the WAL is flushed to the disk before a commit returns, so an
         * acknowledged decision survives a process kill, an OS crash and a power cut.
         */
        POWER_LOSS_SAFE,
        /**
         * {@code synchronous=NORMAL}: a commit returns once the WAL is written to the OS; it survives a process
         * kill (the SIGKILL test) but the last commits may be lost if the machine loses power. Faster on slow disks.
         */
        PROCESS_CRASH_SAFE
    }

    public StoreOptions {
        Objects.requireNonNull(durability, "durability");
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

    /** Read-write, 5 s busy timeout, 10 rolling backups, no size cap, power-loss safe. */
    public static StoreOptions defaults() {
        return new StoreOptions(false, Duration.ofSeconds(5), 10, 0, Durability.POWER_LOSS_SAFE);
    }

    public StoreOptions withReadOnly(boolean value) {
        return new StoreOptions(value, busyTimeout, backupsToKeep, maxPageCount, durability);
    }

    public StoreOptions withBusyTimeout(Duration value) {
        return new StoreOptions(readOnly, value, backupsToKeep, maxPageCount, durability);
    }

    public StoreOptions withBackupsToKeep(int value) {
        return new StoreOptions(readOnly, busyTimeout, value, maxPageCount, durability);
    }

    public StoreOptions withDurability(Durability value) {
        return new StoreOptions(readOnly, busyTimeout, backupsToKeep, maxPageCount, value);
    }

    public StoreOptions withMaxPageCount(long value) {
        return new StoreOptions(readOnly, busyTimeout, backupsToKeep, value, durability);
    }
}
