package dev.onmodel.app.ui.images;

import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.imaging.ImageHeaders;
import javafx.scene.image.Image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Decodes frames off the FX thread and keeps the most recent ones, bounded by an estimate of their memory.
 *
 * <p>Requests for the same file share one decode. Prefetching ahead of the playhead uses the same path, so a warm
 * cache makes stepping a lookup.
 */
public final class FrameImageCache {

    private final ExecutorService decoders;
    private final long budgetBytes;
    private final Map<Path, CompletableFuture<Image>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long usedBytes;

    /**
     * @param budgetBytes memory the decoded frames may use (4 bytes a pixel)
     * @param threads     decoder threads
     */
    public FrameImageCache(long budgetBytes, int threads) {
        this.budgetBytes = budgetBytes;
        this.decoders = Executors.newFixedThreadPool(threads, BackgroundTasks.named("onmodel-decode"));
    }

    /** The decoded frame, from the cache or decoded in the background. */
    public synchronized CompletableFuture<Image> load(Path file) {
        CompletableFuture<Image> cached = entries.get(file);
        if (cached != null && !cached.isCompletedExceptionally()) {
            return cached;
        }
        CompletableFuture<Image> future = CompletableFuture.supplyAsync(() -> decode(file), decoders);
        entries.put(file, future);
        future.thenAccept(image -> account(file, image));
        return future;
    }

    /** The frame if it is already decoded, else null; never blocks. */
    public synchronized Image getIfReady(Path file) {
        CompletableFuture<Image> cached = entries.get(file);
        return cached != null && cached.isDone() && !cached.isCompletedExceptionally() ? cached.join() : null;
    }

    /** Starts decoding {@code file} if it is not cached yet. */
    public void prefetch(Path file) {
        load(file);
    }

    private synchronized void account(Path file, Image image) {
        usedBytes += bytesOf(image);
        var iterator = entries.entrySet().iterator();
        while (usedBytes > budgetBytes && iterator.hasNext()) {
            var eldest = iterator.next();
            if (eldest.getKey().equals(file) || !eldest.getValue().isDone()) {
                continue;
            }
            if (!eldest.getValue().isCompletedExceptionally()) {
                usedBytes -= bytesOf(eldest.getValue().join());
            }
            iterator.remove();
        }
    }

    private static long bytesOf(Image image) {
        return (long) image.getWidth() * (long) image.getHeight() * 4L;
    }

    private static Image decode(Path file) {
        try {
            ImageHeaders.readWithinLimit(file, ImageHeaders.DEFAULT_MAX_PIXELS);
            try (InputStream in = Files.newInputStream(file)) {
                Image image = new Image(in);
                if (image.isError()) {
                    throw new IOException("cannot decode image: " + image.getException());
                }
                return image;
            }
        } catch (IOException e) {
            throw new FrameLoadException(file, e.getMessage(), e);
        }
    }

    /** A frame that could not be shown: names the file and the reason. */
    public static final class FrameLoadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FrameLoadException(Path file, String reason, Throwable cause) {
            super(file + ": " + reason, cause);
        }
    }

    public void shutdown() {
        decoders.shutdownNow();
    }
}
