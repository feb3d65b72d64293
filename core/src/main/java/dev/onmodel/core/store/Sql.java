package dev.onmodel.core.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/** Turns SQLite failures into {@link StoreException}s with one plain sentence, never "database is locked" traces. */
final class Sql {

    private Sql() {
    }

    static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException) {
            return ((SQLiteException) e).getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    static StoreException translate(SQLException e, String doing, Path database, Duration busyTimeout) {
        int code = primaryCode(e);
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new StoreException(StoreException.Kind.BUSY, database + ": could not " + doing
                    + ": another OnModel process kept the project locked for more than " + busyTimeout.toSeconds()
                    + " s; nothing was saved, try again", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new StoreException(StoreException.Kind.CORRUPT, database + ": could not " + doing
                    + ": the database file is damaged; restore the last good backup with 'onmodel restore --project "
                    + database.getParent() + "'", e);
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return new StoreException(StoreException.Kind.DISK_FULL, database + ": could not " + doing
                    + ": the disk is full; nothing was saved and the last saved state is intact. Free some space and"
                    + " try again", e);
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_CANTOPEN.code
                || code == SQLiteErrorCode.SQLITE_PERM.code) {
            return new StoreException(StoreException.Kind.READ_ONLY, database + ": could not " + doing
                    + ": the project folder or database file cannot be written", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
            return new StoreException(StoreException.Kind.INVALID_REQUEST, database + ": could not " + doing + ": "
                    + detail.replaceFirst("^\\[SQLITE_CONSTRAINT[A-Z_]*\\][^(]*\\(", "").replaceFirst("\\)$", ""), e);
        }
        return new StoreException(StoreException.Kind.IO, database + ": could not " + doing + ": " + detail, e);
    }
}
