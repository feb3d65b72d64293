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
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decodes frames off the FX thread and keeps the most recent ones, bounded by an estimate of their memory.
 *
 * <p>A frame can be asked for at full resolution or fitted into a display box: the viewer asks for the size it
 * shows in fit mode, so painting is a 1:1 copy instead of scaling a 1080p/4K frame on every repaint (the decisive
 * cost on software rendering) and the cache holds several times more frames. Requests for the same file and size
 * share one decode; prefetching uses the same path, so a warm cache makes stepping a lookup.
 *
 * <p>Decodes are scheduled by urgency, newest first: a frame the viewer needs now ({@link #load}) goes before any
 * prefetch, and a recent prefetch (near where the playhead is) before an old one (near where it was), so jumping
 * across a shot never waits behind prefetches of frames nobody looks at any more. A pending prefetch that becomes
 * needed is promoted, and one asked for again counts as new: the viewer asks for its neighbours from the farthest to
 * the nearest on every frame change, so during playback the next frames go first. Counted from a file's first request,
 * the frame that had just come into reach, 24 ahead, went before them, and a take's first playback showed a third of its
 * frames late (docs/performance.md).
 *
 * <p>PNGs core's decoder reads (8 and 16 bits per sample, not interlaced: what renderers and ffmpeg write) are decoded
 * by it and fitted with an area average, 1.5-2 times faster than JavaFX's fitted decode of a 1080p frame, for the first
 * playback at 24 fps ({@link PngFrameImages}); other files go to JavaFX's decoder.
 */
public final class FrameImageCache {

    private final ThreadPoolExecutor decoders;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Key, DecodeTask> pending = new ConcurrentHashMap<>();
    private final long budgetBytes;
    private final Map<Key, CompletableFuture<Image>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Path, ImageHeader> headers = new ConcurrentHashMap<>();
    private long usedBytes;

    /** A decode request: {@code maxWidth}/{@code maxHeight} 0 means full resolution. */
    private record Key(Path file, int maxWidth, int maxHeight) {
    }

    private final FrameProxies proxies;
    /** Movie frames as files; null when movies are not shown. */
    private final MovieFrameFiles movieFrames;

    /**
     * @param budgetBytes memory the decoded frames may use (4 bytes a pixel)
     * @param threads     decoder threads
     */
    public FrameImageCache(long budgetBytes, int threads) {
        this(budgetBytes, threads, null);
    }

    /**
     * @param proxies where display proxies of frames above 1080p are kept; null for none
     */
    public FrameImageCache(long budgetBytes, int threads, FrameProxies proxies) {
        this(budgetBytes, threads, proxies, null);
    }

    /**
     * @param proxies     where display proxies of frames above 1080p are kept; null for none
     * @param movieFrames how movie frames become files ({@link MovieFrameFiles#pathFor} names are decoded through
     *                    it); null for none
     */
    public FrameImageCache(long budgetBytes, int threads, FrameProxies proxies, MovieFrameFiles movieFrames) {
        this.movieFrames = movieFrames;
        this.proxies = proxies;
        this.budgetBytes = budgetBytes;
        this.decoders = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(), BackgroundTasks.named("onmodel-decode"));
    }

    /** The full-resolution frame, from the cache or decoded in the background. */
    public CompletableFuture<Image> load(Path file) {
        return load(file, 0, 0);
    }

    /**
     * The frame fitted into {@code maxWidth} x {@code maxHeight} (aspect kept, never enlarged), or full resolution
     * when both are 0; decoded before any prefetch.
     */
    public CompletableFuture<Image> load(Path file, int maxWidth, int maxHeight) {
        return request(new Key(file, Math.max(0, maxWidth), Math.max(0, maxHeight)), true);
    }

    /**
     * As {@link #load(Path, int, int)} but queued behind frames the viewer needs now, for pictures that may come a
     * moment later (sheet thumbnails).
     */
    public CompletableFuture<Image> loadInBackground(Path file, int maxWidth, int maxHeight) {
        return request(new Key(file, Math.max(0, maxWidth), Math.max(0, maxHeight)), false);
    }

    private synchronized CompletableFuture<Image> request(Key key, boolean urgent) {
        CompletableFuture<Image> cached = entries.get(key);
        if (cached != null && !cached.isCompletedExceptionally()) {
            DecodeTask waiting = pending.get(key);
            if (waiting != null && !waiting.urgent) {
                // Needed now, or asked for again by a prefetch nearer the playhead than the ones queued since: the
                // same decode moves to the front of its class. Whichever copy a decoder takes first does the work.
                DecodeTask requeued = new DecodeTask(waiting.key, waiting.future, urgent, sequence.incrementAndGet(),
                        waiting.started);
                decoders.remove(waiting);
                pending.put(key, requeued);
                decoders.execute(requeued);
            }
            return cached;
        }
        CompletableFuture<Image> future = new CompletableFuture<>();
        DecodeTask task = new DecodeTask(key, future, urgent, sequence.incrementAndGet(), new AtomicBoolean());
        entries.put(key, future);
        pending.put(key, task);
        future.thenAccept(image -> account(key, image));
        decoders.execute(task);
        return future;
    }

    /** One decode in the queue: urgent before prefetch, then newest first. Runs at most once per future. */
    private final class DecodeTask implements Runnable, Comparable<DecodeTask> {
        private final Key key;
        private final CompletableFuture<Image> future;
        private final boolean urgent;
        private final long order;
        private final AtomicBoolean started;

        DecodeTask(Key key, CompletableFuture<Image> future, boolean urgent, long order, AtomicBoolean started) {
            this.key = key;
            this.future = future;
            this.urgent = urgent;
            this.order = order;
            this.started = started;
        }

        @Override
        public void run() {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            pending.remove(key);
            try {
                future.complete(decode(key));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }

        @Override
        public int compareTo(DecodeTask other) {
            if (urgent != other.urgent) {
                return urgent ? -1 : 1;
            }
            return Long.compare(other.order, order);
        }
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

    /** Queues {@code file} at full resolution behind every urgent decode, if it is not cached yet. */
    public void prefetch(Path file) {
        prefetch(file, 0, 0);
    }

    /** Queues {@code file} fitted into the box behind every urgent decode, if it is not cached yet. */
    public void prefetch(Path file, int maxWidth, int maxHeight) {
        request(new Key(file, Math.max(0, maxWidth), Math.max(0, maxHeight)), false);
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
            // A movie frame is read from the image file it is decoded into (at the first request for it).
            Path readable = movieFrames == null ? file : movieFrames.readable(file);
            ImageHeader header = ImageHeaders.readWithinLimit(readable, ImageHeaders.DEFAULT_MAX_PIXELS);
            headers.put(file, header);
            boolean fit = key.maxWidth() > 0 && key.maxHeight() > 0
                    && (header.width() > key.maxWidth() || header.height() > key.maxHeight());
            Path source = readable;
            if (fit && proxies != null && FrameProxies.worthAProxy(header)
                    && key.maxWidth() <= FrameProxies.MAX_WIDTH && key.maxHeight() <= FrameProxies.MAX_HEIGHT) {
                Optional<Path> proxy = proxies.find(readable);
                if (proxy.isPresent()) {
                    source = proxy.get();
                } else {
                    proxies.makeLater(readable);
                }
            }
            Exception fastPathFailure = null;
            try {
                Optional<Image> fast = PngFrameImages.read(source, fit ? key.maxWidth() : 0,
                        fit ? key.maxHeight() : 0, ImageHeaders.DEFAULT_MAX_PIXELS);
                if (fast.isPresent()) {
                    return fast.get();
                }
            } catch (IOException | RuntimeException e) {
                // JavaFX's decoder may be more lenient with a damaged file: what it can show is shown, as before.
                fastPathFailure = e;
            }
            try (InputStream in = Files.newInputStream(source)) {
                Image image = fit ? new Image(in, key.maxWidth(), key.maxHeight(), true, true) : new Image(in);
                if (image.isError()) {
                    IOException failure = new IOException(fastPathFailure != null
                            ? fastPathFailure.getMessage() // core's reason is the plainer one
                            : "cannot decode image: " + image.getException(), fastPathFailure);
                    if (image.getException() != null) {
                        failure.addSuppressed(image.getException());
                    }
                    throw failure;
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

    /** How this cache shows movie frames, or empty when it shows none. */
    public Optional<MovieFrameFiles> movieFrames() {
        return Optional.ofNullable(movieFrames);
    }

    public void shutdown() {
        decoders.shutdownNow();
        if (proxies != null) {
            proxies.shutdown();
        }
        if (movieFrames != null) {
            movieFrames.shutdown(); // its ffmpeg processes would outlive the window
        }
    }
}
