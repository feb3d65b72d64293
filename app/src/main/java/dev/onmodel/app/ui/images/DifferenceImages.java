package dev.onmodel.app.ui.images;

import dev.onmodel.app.ui.tasks.BackgroundTasks;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The difference compare mode: |A − B| per channel, multiplied by a gain so small drifts (a costume hue creeping)
 * become visible. Computed off the FX thread from already-decoded frames; the last result is kept so toggling
 * modes on one frame is instant. When the frames differ in size, the overlap (top-left aligned) is compared.
 */
public final class DifferenceImages {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(BackgroundTasks.named("onmodel-diff"));
    private Key lastKey;
    private Image lastImage;

    private record Key(Path a, Path b, double gain) {
    }

    /** The difference if it was computed last, else null; never blocks. */
    public synchronized Image getIfReady(Path a, Path b, double gain) {
        return new Key(a, b, gain).equals(lastKey) ? lastImage : null;
    }

    /** Computes the difference in the background. */
    public CompletableFuture<Image> compute(Path fileA, Image a, Path fileB, Image b, double gain) {
        return CompletableFuture.supplyAsync(() -> {
            Image result = difference(a, b, gain);
            synchronized (this) {
                lastKey = new Key(fileA, fileB, gain);
                lastImage = result;
            }
            return result;
        }, worker);
    }

    /**
     * The amplified absolute difference of two decoded images. Not modified: {@code a}, {@code b}.
     *
     * @param gain multiplier of the difference, 1 for the plain difference
     */
    public static WritableImage difference(Image a, Image b, double gain) {
        int width = (int) Math.min(a.getWidth(), b.getWidth());
        int height = (int) Math.min(a.getHeight(), b.getHeight());
        int[] pixelsA = new int[width * height];
        int[] pixelsB = new int[width * height];
        PixelReader readerA = a.getPixelReader();
        PixelReader readerB = b.getPixelReader();
        readerA.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixelsA, 0, width);
        readerB.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixelsB, 0, width);
        int[] out = new int[width * height];
        for (int i = 0; i < out.length; i++) {
            int pa = pixelsA[i];
            int pb = pixelsB[i];
            int r = amplify(Math.abs(((pa >> 16) & 0xff) - ((pb >> 16) & 0xff)), gain);
            int g = amplify(Math.abs(((pa >> 8) & 0xff) - ((pb >> 8) & 0xff)), gain);
            int bl = amplify(Math.abs((pa & 0xff) - (pb & 0xff)), gain);
            out[i] = 0xff000000 | (r << 16) | (g << 8) | bl;
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), out, 0, width);
        return image;
    }

    private static int amplify(int value, double gain) {
        return (int) Math.min(255, Math.round(value * gain));
    }

    public void shutdown() {
        worker.shutdownNow();
    }
}
