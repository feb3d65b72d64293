package dev.onmodel.app.ui.images;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order in which {@link FrameImageCache} decodes what is queued, seen through its one decoder thread, held while
 * the requests arrive.
 */
class FrameImageCacheOrderTest {

    @TempDir
    Path dir;

    private FrameImageCache cache;
    private final List<String> decoded = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch released = new CountDownLatch(1);
    private final java.util.Set<Integer> watched = new java.util.HashSet<>();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // images need the JavaFX toolkit, not a window
    }

    @AfterEach
    void stopCache() {
        release();
        if (cache != null) {
            cache.shutdown();
        }
    }

    /**
     * A cache whose only decoder is held in a callback of its first decode until {@link #release}: what is asked for
     * meanwhile waits in the queue. A decode that finished before the callback was attached (the callback then runs
     * on this thread) is retried with another file.
     */
    private void cacheWithItsDecoderHeld() throws Exception {
        cache = new FrameImageCache(1L << 30, 1);
        Thread test = Thread.currentThread();
        CountDownLatch held = new CountDownLatch(1);
        for (int attempt = 0; attempt < 20 && held.getCount() > 0; attempt++) {
            Path slow = dir.resolve("slow." + attempt + ".png");
            BufferedImage noise = new BufferedImage(1200, 1200, BufferedImage.TYPE_INT_RGB);
            java.util.Random random = new java.util.Random(attempt);
            for (int y = 0; y < noise.getHeight(); y++) {
                for (int x = 0; x < noise.getWidth(); x++) {
                    noise.setRGB(x, y, random.nextInt());
                }
            }
            ImageIO.write(noise, "png", slow.toFile());
            java.util.concurrent.atomic.AtomicBoolean ranHere = new java.util.concurrent.atomic.AtomicBoolean();
            cache.load(slow, 0, 0).whenComplete((image, error) -> {
                if (Thread.currentThread() == test) {
                    ranHere.set(true);
                } else {
                    held.countDown();
                    try {
                        released.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            if (!ranHere.get()) {
                assertTrue(held.await(30, TimeUnit.SECONDS), "the decoder finished its first decode");
            }
        }
        assertEquals(0, held.getCount(), "the decoder was held");
    }

    private void release() {
        released.countDown();
    }

    private Path frame(int number) throws Exception {
        Path file = dir.resolve("f." + number + ".png");
        if (!Files.exists(file)) {
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        }
        return file;
    }

    /**
     * Asks for frame {@code number} as the viewer's prefetch does ({@code loadInBackground} is the same request, with
     * its future): its decode is noted the first time it is asked for.
     */
    private CompletableFuture<?> prefetch(int number) throws Exception {
        CompletableFuture<?> future = cache.loadInBackground(frame(number), 0, 0);
        if (watched.add(number)) {
            // Callbacks run on the decoder as it finishes, so with one decoder the notes are in decode order.
            return future.thenRun(() -> decoded.add("f" + number));
        }
        return future;
    }

    @Test
    void aPrefetchAskedForAgainGoesBeforeOnesFirstAskedForLater() throws Exception {
        cacheWithItsDecoderHeld();
        List<CompletableFuture<?>> all = new ArrayList<>();
        // As the viewer asks at frame 0 of a playback reaching 4 ahead (farthest first), then at frame 1: frames 2-4
        // are asked for again, 5 is new. The next frames must come before 5, and 1, passed, last.
        for (int number = 4; number >= 1; number--) {
            all.add(prefetch(number));
        }
        for (int number = 5; number >= 2; number--) {
            all.add(prefetch(number));
        }
        release();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("f2", "f3", "f4", "f5", "f1"), decoded);
    }

    @Test
    void aFrameNeededNowStaysAheadOfPrefetchesAskedForAgain() throws Exception {
        cacheWithItsDecoderHeld();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int number = 3; number >= 1; number--) {
            all.add(prefetch(number));
        }
        all.add(cache.load(frame(3), 0, 0)); // the farthest, needed now: promoted over the nearer, newer prefetches
        all.add(prefetch(2)); // asked for again after it: still behind it
        release();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("f3", "f2", "f1"), decoded);
    }
}
