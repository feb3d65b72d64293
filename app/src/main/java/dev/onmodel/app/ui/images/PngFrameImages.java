package dev.onmodel.app.ui.images;

import dev.onmodel.core.consistency.decode.FrameDecoder;
import dev.onmodel.core.consistency.decode.Raster;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes viewer images from PNG frames with core's PNG decoder, which reads a 1080p frame in 6-8 ms: with the exact
 * fit after it, a fitted frame is ready 1.5-2 times sooner than through JavaFX's decoder, so that the first playback
 * of frames nobody has shown yet comes closer to 24 fps (figures in docs/performance.md, "Workstation"). Fitted images have the size of JavaFX's own smooth fit
 * ({@code new Image(in, maxWidth, maxHeight, true, true)}) and are an exact area average ({@link AreaAverageDownscale}).
 *
 * <p>Called off the FX thread: a {@link WritableImage} may be made and filled on any thread before it is shown.
 */
final class PngFrameImages {

    private PngFrameImages() {
    }

    /**
     * The PNG {@code file} as an image, fitted into {@code maxWidth} x {@code maxHeight} when it is larger (aspect
     * kept), or at full resolution when both are 0.
     *
     * @return the image, or empty when the file is not a PNG core's decoder reads (other formats, interlaced and
     *         1/2/4-bit PNGs), for the caller's own decoder
     * @throws IOException with the plain reason when the file is such a PNG but damaged or above {@code maxPixels}
     */
    static Optional<Image> read(Path file, int maxWidth, int maxHeight, long maxPixels) throws IOException {
        Optional<Raster> decoded = FrameDecoder.readPngFull(file, maxPixels);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        Raster raster = decoded.get();
        int[] size = fittedSize(raster.width(), raster.height(), maxWidth, maxHeight);
        int width = size[0];
        int height = size[1];
        int[] pixels = width == raster.width() && height == raster.height()
                ? raster.argb()
                : AreaAverageDownscale.downscale(raster, width, height);
        WritableImage image = new WritableImage(width, height);
        // Core's rasters are straight (non-premultiplied) ARGB, as PixelFormat.getIntArgbInstance() reads them.
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return Optional.of(image);
    }

    /**
     * The size JavaFX gives an image of {@code width} x {@code height} loaded with {@code requestedWidth} x
     * {@code requestedHeight} and {@code preserveRatio} (the same single-precision arithmetic, so the sizes agree to
     * the pixel), except that it never enlarges: both 0, or a box the frame fits in, keep the frame's size.
     *
     * @return {width, height}
     */
    static int[] fittedSize(int width, int height, int requestedWidth, int requestedHeight) {
        if (requestedWidth <= 0 || requestedHeight <= 0 || width <= requestedWidth && height <= requestedHeight) {
            return new int[] {width, height};
        }
        float scale = Math.min((float) requestedWidth / width, (float) requestedHeight / height);
        return new int[] {Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))};
    }
}
