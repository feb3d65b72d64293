package dev.onmodel.app.ui.images;

import dev.onmodel.core.consistency.decode.FrameDecoder;
import dev.onmodel.core.consistency.decode.Raster;
import dev.onmodel.core.imaging.ImageHeaders;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.imgscalr.Scalr;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Side-by-side time of decoding one PNG frame fitted into the viewer's box, in one JVM: JavaFX's decoder
 * ({@code new Image(in, w, h, true, true)}, what the viewer did before) against {@link PngFrameImages} (core's decoder +
 * {@link AreaAverageDownscale}), plus the new path's parts and imgscalr's QUALITY resize as the alternative to the
 * area average, with how far each fit's pixels are from JavaFX's (mean absolute difference per channel, 0-255). The
 * modes take turns frame by frame so that a busy neighbour slows them alike. Not a test: figures, no assertions
 * (docs/performance.md, "Workstation").
 *
 * <pre>java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp CP \
 *     dev.onmodel.app.ui.images.FittedPngDecodeBenchmark FRAMES BOX_WIDTH BOX_HEIGHT FOLDER...</pre>
 */
public final class FittedPngDecodeBenchmark {

    private static final int WARM_UP_FRAMES = 8;

    private FittedPngDecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FittedPngDecodeBenchmark FRAMES BOX_WIDTH BOX_HEIGHT FOLDER...");
            System.exit(2);
        }
        int frames = Integer.parseInt(args[0]);
        int boxWidth = Integer.parseInt(args[1]);
        int boxHeight = Integer.parseInt(args[2]);
        Platform.startup(() -> { });
        try {
            for (int i = 3; i < args.length; i++) {
                run(Path.of(args[i]), frames, boxWidth, boxHeight);
            }
        } finally {
            Platform.exit();
        }
    }

    private static void run(Path folder, int frames, int boxWidth, int boxHeight) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".png")).sorted()
                    .limit(frames + WARM_UP_FRAMES).toList();
        }
        for (Path file : files) {
            Files.readAllBytes(file); // from the page cache for every mode alike
        }
        long javaFx = 0;
        long fast = 0;
        long coreDecode = 0;
        long areaAverage = 0;
        long imgscalr = 0;
        double areaAverageDifference = 0;
        double imgscalrDifference = 0;
        int timed = 0;
        String size = "";
        for (int n = 0; n < files.size(); n++) {
            Path file = files.get(n);
            boolean counted = n >= WARM_UP_FRAMES;
            long t0 = System.nanoTime();
            Image reference;
            try (InputStream in = Files.newInputStream(file)) {
                reference = new Image(in, boxWidth, boxHeight, true, true);
            }
            long t1 = System.nanoTime();
            Image image = PngFrameImages.read(file, boxWidth, boxHeight, ImageHeaders.DEFAULT_MAX_PIXELS).orElseThrow();
            long t2 = System.nanoTime();
            Raster raster = FrameDecoder.readPngFull(file, ImageHeaders.DEFAULT_MAX_PIXELS).orElseThrow();
            long t3 = System.nanoTime();
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            int[] averaged = AreaAverageDownscale.downscale(raster, width, height);
            long t4 = System.nanoTime();
            BufferedImage wrapped = new BufferedImage(raster.width(), raster.height(), BufferedImage.TYPE_INT_ARGB);
            wrapped.setRGB(0, 0, raster.width(), raster.height(), raster.argb(), 0, raster.width());
            BufferedImage scaled = Scalr.resize(wrapped, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, width, height);
            int[] scaledPixels = scaled.getRGB(0, 0, width, height, null, 0, width);
            long t5 = System.nanoTime();
            if (counted) {
                timed++;
                javaFx += t1 - t0;
                fast += t2 - t1;
                coreDecode += t3 - t2;
                areaAverage += t4 - t3;
                imgscalr += t5 - t4;
                int[] expected = new int[width * height];
                reference.getPixelReader().getPixels(0, 0, width, height,
                        javafx.scene.image.PixelFormat.getIntArgbInstance(), expected, 0, width);
                areaAverageDifference += meanDifference(expected, averaged);
                imgscalrDifference += meanDifference(expected, scaledPixels);
                size = raster.width() + "x" + raster.height() + " -> " + width + "x" + height
                        + (reference.getWidth() == width && reference.getHeight() == height ? "" : " (JavaFX: "
                        + reference.getWidth() + "x" + reference.getHeight() + ")");
            }
        }
        System.out.printf("%s, %d frames, %s%n", folder, timed, size);
        System.out.printf("  JavaFX new Image(in, %d, %d, true, true)   %6.1f ms/frame%n", boxWidth, boxHeight,
                javaFx / 1e6 / timed);
        System.out.printf("  PngFrameImages.read (core + area average)   %6.1f ms/frame   %.2fx faster%n",
                fast / 1e6 / timed, (double) javaFx / fast);
        System.out.printf("    core decode alone                         %6.1f ms/frame%n", coreDecode / 1e6 / timed);
        System.out.printf("    area average alone                        %6.1f ms/frame   mean |diff| to JavaFX %.3f%n",
                areaAverage / 1e6 / timed, areaAverageDifference / timed);
        System.out.printf("    imgscalr QUALITY instead (int[] in/out)   %6.1f ms/frame   mean |diff| to JavaFX %.3f%n",
                imgscalr / 1e6 / timed, imgscalrDifference / timed);
    }

    /** Mean absolute difference per channel (alpha, red, green, blue), 0-255. */
    static double meanDifference(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                sum += Math.abs((a[i] >>> shift & 0xFF) - (b[i] >>> shift & 0xFF));
            }
        }
        return sum / (4.0 * a.length);
    }
}
