package dev.onmodel.app.ui.images;

import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.imaging.ImageHeader;
import dev.onmodel.core.imaging.ImageHeaders;
import javafx.scene.image.Image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Decodes frames off the FX thread and keeps the most recent ones, bounded by an estimate of their memory.
 *
 * <p>A frame can be asked for at full resolution or fitted into a display box: the viewer asks for the size it
 * shows in fit mode, so painting is a 1:1 copy instead of scaling a 1080p/4K frame on every repaint (the decisive
 * cost on software rendering) and the cache holds several times more frames. Requests for the same file and size
 * share one decode; prefetching uses the same path, so a warm cache makes stepping a lookup.
 */
public final class FrameImageCache {

    private final ExecutorService decoders;
    private final long budgetBytes;
    private final Map<Key, CompletableFuture<Image>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Path, ImageHeader> headers = new ConcurrentHashMap<>();
    private long usedBytes;

    /** A decode request: {@code maxWidth}/{@code maxHeight} 0 means full resolution. */
    private record Key(Path file, int maxWidth, int maxHeight) {
    }

    /**
     * @param budgetBytes memory the decoded frames may use (4 bytes a pixel)
     * @param threads     decoder threads
     */
    public FrameImageCache(long budgetBytes, int threads) {
        this.budgetBytes = budgetBytes;
        this.decoders = Executors.newFixedThreadPool(threads, BackgroundTasks.named("onmodel-decode"));
    }

    /** The full-resolution frame, from the cache or decoded in the background. */
    public CompletableFuture<Image> load(Path file) {
        return load(file, 0, 0);
    }

    /**
     * The frame fitted into {@code maxWidth} x {@code maxHeight} (aspect kept, never enlarged), or full resolution
     * when both are 0.
     */
    public synchronized CompletableFuture<Image> load(Path file, int maxWidth, int maxHeight) {
        Key key = new Key(file, Math.max(0, maxWidth), Math.max(0, maxHeight));
        CompletableFuture<Image> cached = entries.get(key);
        if (cached != null && !cached.isCompletedExceptionally()) {
            return cached;
        }
        CompletableFuture<Image> future = CompletableFuture.supplyAsync(() -> decode(key), decoders);
        entries.put(key, future);
        future.thenAccept(image -> account(key, image));
        return future;
    }

    /** The full-resolution frame if it is already decoded, else null; never blocks. */
    public Image getIfReady(Path file) {
        return getIfReady(file, 0, 0);
    }

    /** The fitted frame if it is already decoded, else null; never blocks. */
    public synchronized Image getIfReady(Path file, int maxWidth, int maxHeight) {
        CompletableFuture<Image> cached = entries.get(new Key(file, Math.max(0, maxWidth), Math.max(0, maxHeight)));
        return cached != null && cached.isDone() && !cached.isCompletedExceptionally() ? cached.join() : null;
    }

    /** Starts decoding {@code file} at full resolution if it is not cached yet. */
    public void prefetch(Path file) {
        load(file);
    }

    /** Starts decoding {@code file} fitted into the box if it is not cached yet. */
    public void prefetch(Path file, int maxWidth, int maxHeight) {
        load(file, maxWidth, maxHeight);
    }

    /** The frame's size as stored in the file, once any decode of it ran (overlays map image pixels with it). */
    public Optional<ImageHeader> sourceSize(Path file) {
        return Optional.ofNullable(headers.get(file));
    }

    private synchronized void account(Key key, Image image) {
        usedBytes += bytesOf(image);
        var iterator = entries.entrySet().iterator();
        while (usedBytes > budgetBytes && iterator.hasNext()) {
            var eldest = iterator.next();
            if (eldest.getKey().equals(key) || !eldest.getValue().isDone()) {
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

    private Image decode(Key key) {
        Path file = key.file();
        try {
            ImageHeader header = ImageHeaders.readWithinLimit(file, ImageHeaders.DEFAULT_MAX_PIXELS);
            headers.put(file, header);
            boolean fit = key.maxWidth() > 0 && key.maxHeight() > 0
                    && (header.width() > key.maxWidth() || header.height() > key.maxHeight());
            try (InputStream in = Files.newInputStream(file)) {
                Image image = fit ? new Image(in, key.maxWidth(), key.maxHeight(), true, true) : new Image(in);
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
