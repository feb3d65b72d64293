package dev.onmodel.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The project-level lock file {@code .onmodel/store.lock}: every open store holds it shared, a restore holds it
 * exclusively. SQLite's own locks protect each transaction; this one keeps a restore from swapping the database
 * file under a running OnModel. The operating system drops it when a process dies, so a killed process never
 * leaves a project locked.
 *
 * <p>File locks belong to the whole JVM (a second lock on the same file from the same JVM throws), so stores of
 * one project opened twice in one JVM share one lock, counted.
 */
final class StoreLock implements AutoCloseable {

    /** Shared locks this JVM holds, by lock file, with how many stores use each. */
    private static final Map<Path, Held> HELD = new HashMap<>();

    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        final boolean shared;
        int users;

        Held(FileChannel channel, FileLock lock, boolean shared) {
            this.channel = channel;
            this.lock = lock;
            this.shared = shared;
        }
    }

    private final Path file;
    private boolean released;

    private StoreLock(Path file) {
        this.file = file;
    }

    static StoreLock shared(Path projectRoot) throws StoreException {
        return acquire(projectRoot, true);
    }

    static StoreLock exclusive(Path projectRoot) throws StoreException {
        return acquire(projectRoot, false);
    }

    private static StoreLock acquire(Path projectRoot, boolean shared) throws StoreException {
        Path file = projectRoot.resolve(StoreBackups.STORE_DIR).resolve("store.lock").toAbsolutePath().normalize();
        synchronized (HELD) {
            Held held = HELD.get(file);
            if (held != null) {
                if (shared && held.shared) {
                    held.users++;
                    return new StoreLock(file);
                }
                throw busy(projectRoot, shared);
            }
            FileChannel channel = null;
            try {
                Files.createDirectories(file.getParent());
                channel = shared
                        ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                        : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
                if (lock == null) {
                    channel.close();
                    throw busy(projectRoot, shared);
                }
                Held fresh = new Held(channel, lock, shared);
                fresh.users = 1;
                HELD.put(file, fresh);
                return new StoreLock(file);
            } catch (OverlappingFileLockException e) {
                closeQuietly(channel);
                throw busy(projectRoot, shared);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new StoreException(StoreException.Kind.IO, file + ": cannot take the project lock: "
                        + e.getMessage(), e);
            }
        }
    }

    private static StoreException busy(Path projectRoot, boolean shared) {
        return new StoreException(StoreException.Kind.BUSY, shared
                ? projectRoot + ": a restore of onmodel.db is in progress; open the project again when it is done"
                : projectRoot + ": the project is open in OnModel (this or another process); close it before restoring");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            Held held = HELD.get(file);
            if (held == null || --held.users > 0) {
                return;
            }
            HELD.remove(file);
            try {
                held.lock.release();
            } finally {
                held.channel.close();
            }
        }
    }
}
