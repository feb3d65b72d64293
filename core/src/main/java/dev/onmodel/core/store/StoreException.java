package dev.onmodel.core.store;

import java.util.Objects;

/**
 * A review-store operation failed. The message is one plain sentence naming the file and what to do next (it is
 * shown to people as is); {@link #kind()} lets callers choose how to react without parsing the message.
 */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the store refused or failed. */
    public enum Kind {
        /** The database file is damaged or truncated; restore a backup. */
        CORRUPT,
        /** The database was written by a newer OnModel; it was not touched. */
        NEWER_SCHEMA,
        /** The store is open read-only (read-only folder or file, or asked for); nothing was written. */
        READ_ONLY,
        /** Another process held the write lock for longer than the busy timeout; nothing was written. */
        BUSY,
        /** The disk (or the database's size limit) is full; nothing was written, the last good state is kept. */
        DISK_FULL,
        /** The request itself is wrong (unknown shot, closed pass, bad range); nothing was written. */
        INVALID_REQUEST,
        /** The store was closed before the operation could run. */
        CLOSED,
        /** Any other input/output or database failure. */
        IO
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
