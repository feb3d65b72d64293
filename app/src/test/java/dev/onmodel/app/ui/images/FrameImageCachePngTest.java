package dev.onmodel.app.ui.images;

import dev.onmodel.core.imaging.ImageHeaders;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PNG frames decoded by core's decoder ({@link PngFrameImages}) look exactly like JavaFX's own decode at full
 * resolution, and like JavaFX's smooth fit (same size, pixels within a small tolerance) when fitted; files core's
 * decoder leaves alone still load through JavaFX, and a damaged PNG is refused naming the file. The fast path's
 * images are {@link WritableImage}s, JavaFX's decodes are not: that is how the tests see which path made an image.
 */
class FrameImageCachePngTest extends FrameImageCacheTests {

    private Image load(Path file, int maxWidth, int maxHeight) throws Exception {
        cache = cache != null ? cache : new FrameImageCache(1L << 30, 1);
        return cache.load(file, maxWidth, maxHeight).get(30, TimeUnit.SECONDS);
    }

    private static Image javaFx(Path file, int maxWidth, int maxHeight) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Image image = maxWidth > 0 ? new Image(in, maxWidth, maxHeight, true, true) : new Image(in);
            assertFalse(image.isError(), () -> "JavaFX cannot read " + file + ": " + image.getException());
            return image;
        }
    }

    private static int[] pixels(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }

    /** A frame-like picture: gradients, hard edges, a soft shape and a little noise, on {@code type}. */
    private static BufferedImage picture(int width, int height, int type, long seed) {
        BufferedImage rgba = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = rgba.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 200), width, height, new Color(250, 200, 30)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(200, 30, 40, 180));
        g.fillOval(width / 5, height / 4, width / 2, height / 2);
        g.setColor(Color.WHITE);
        g.fillRect(width / 2, height / 8, width / 12 + 1, height * 3 / 4);
        g.setColor(new Color(0, 0, 0, 0));
        g.setComposite(java.awt.AlphaComposite.Src);
        g.fillRect(0, height - height / 6, width / 3, height / 6); // transparent where the type has alpha
        g.dispose();
        Random random = new Random(seed);
        for (int i = 0; i < width * height / 20; i++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            rgba.setRGB(x, y, rgba.getRGB(x, y) ^ random.nextInt(0x1F1F1F));
        }
        if (type == BufferedImage.TYPE_INT_ARGB) {
            return rgba;
        }
        BufferedImage converted = new BufferedImage(width, height, type);
        Graphics2D c = converted.createGraphics();
        c.drawImage(rgba, 0, 0, null);
        c.dispose();
        return converted;
    }

    /** 16 bits per sample RGBA, each sample the 8-bit value times 257 plus a little, so the low byte is not a copy. */
    private static BufferedImage sixteenBitRgba(int width, int height) {
        BufferedImage source = picture(width, height, BufferedImage.TYPE_INT_ARGB, 7);
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = source.getRGB(x, y);
                int[] samples = {argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, argb >>> 24};
                for (int band = 0; band < 4; band++) {
                    raster.setSample(x, y, band, Math.max(0, Math.min(65535, samples[band] * 257 + (x + y) % 101 - 50)));
                }
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    private static BufferedImage palette(int width, int height) {
        byte[] reds = new byte[256];
        byte[] greens = new byte[256];
        byte[] blues = new byte[256];
        byte[] alphas = new byte[256];
        for (int i = 0; i < 256; i++) {
            reds[i] = (byte) i;
            greens[i] = (byte) (255 - i);
            blues[i] = (byte) (i * 7);
            alphas[i] = (byte) (i < 16 ? i * 16 : 255); // some entries partly transparent (a tRNS chunk)
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, reds, greens, blues, alphas));
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, (x * 3 + y * 5) % 256);
            }
        }
        return image;
    }

    private Path png(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name + ".png");
        assertTrue(ImageIO.write(image, "png", file.toFile()), "no PNG writer for " + name);
        return file;
    }

    private Path[] everyFlavour(int width, int height) throws IOException {
        return new Path[] {
            png("rgb", picture(width, height, BufferedImage.TYPE_INT_RGB, 1)),
            png("rgba", picture(width, height, BufferedImage.TYPE_INT_ARGB, 2)),
            png("grey", picture(width, height, BufferedImage.TYPE_BYTE_GRAY, 3)),
            png("grey16", picture(width, height, BufferedImage.TYPE_USHORT_GRAY, 4)),
            png("palette", palette(width, height)),
            png("rgba16", sixteenBitRgba(width, height)),
        };
    }

    @Test
    void fullResolutionIsJavaFxsDecodePixelForPixel() throws Exception {
        for (Path file : everyFlavour(157, 93)) {
            Image image = load(file, 0, 0);
            assertInstanceOf(WritableImage.class, image, file + " was not decoded by core's decoder");
            Image reference = javaFx(file, 0, 0);
            assertEquals(reference.getWidth(), image.getWidth(), file.toString());
            assertEquals(reference.getHeight(), image.getHeight(), file.toString());
            assertArrayEquals(pixels(reference), pixels(image), file + ": pixels differ from JavaFX's decode");
        }
    }

    @Test
    void fittedFramesHaveJavaFxsSizeAndLookOfItsSmoothFit() throws Exception {
        int[][] cases = {
            {1920, 1080, 1100, 700}, {1280, 720, 640, 360}, {997, 601, 500, 500}, {640, 480, 639, 480},
            {300, 900, 200, 100}, {2048, 858, 1000, 600}, {3000, 2000, 100, 100},
        };
        for (int[] c : cases) {
            Path file = png("fit" + c[0] + "x" + c[1], picture(c[0], c[1], BufferedImage.TYPE_INT_RGB, c[2]));
            Image image = load(file, c[2], c[3]);
            assertInstanceOf(WritableImage.class, image, file + " was not decoded by core's decoder");
            Image reference = javaFx(file, c[2], c[3]);
            String what = c[0] + "x" + c[1] + " into " + c[2] + "x" + c[3];
            assertEquals(reference.getWidth(), image.getWidth(), what + ": width");
            assertEquals(reference.getHeight(), image.getHeight(), what + ": height");
            assertAreaAverage(file, image, what);
            assertCloseToJavaFx(pixels(reference), pixels(image), what);
        }
        // Both checks can fail: JavaFX's unsmoothed fit (one source pixel an output pixel) is no area average, and
        // our fit moved by 8 output pixels is not close to JavaFX's.
        Path file = png("guards", picture(1920, 1080, BufferedImage.TYPE_INT_RGB, 9));
        Image nearest;
        try (InputStream in = Files.newInputStream(file)) {
            nearest = new Image(in, 1100, 700, true, false);
        }
        assertThrows(AssertionError.class, () -> assertAreaAverage(file, nearest, "nearest"));
        int[] fitted = pixels(load(file, 1100, 700));
        int[] shifted = new int[fitted.length];
        System.arraycopy(fitted, 8, shifted, 0, fitted.length - 8);
        int[] reference = pixels(javaFx(file, 1100, 700));
        assertThrows(AssertionError.class, () -> assertCloseToJavaFx(reference, shifted, "shifted"));
    }

    /** The JDK's exact area average (java.awt.image.AreaAveragingScaleFilter), slow but a plain reference. */
    private static int[] areaAveraged(Path file, int width, int height) throws IOException {
        BufferedImage source = ImageIO.read(file.toFile());
        java.awt.Image scaled = source.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        return out.getRGB(0, 0, width, height, null, 0, width);
    }

    /**
     * An exact area average: the JDK's {@code AreaAveragingScaleFilter} (slow, but the plain definition) gives the
     * same pixels, to 1 level of rounding (measured: mean 0.000-0.004, max 1 on these pictures).
     */
    private static void assertAreaAverage(Path file, Image image, String what) throws IOException {
        int[] expected = areaAveraged(file, (int) image.getWidth(), (int) image.getHeight());
        int[] actual = pixels(image);
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                int difference = Math.abs((expected[i] >>> shift & 0xFF) - (actual[i] >>> shift & 0xFF));
                if (difference > 1) {
                    throw new AssertionError(what + ": pixel " + i + " is " + Integer.toHexString(actual[i])
                            + ", the area average " + Integer.toHexString(expected[i]));
                }
            }
        }
    }

    /**
     * JavaFX's smooth fit is a box filter too but a blurrier one (a box of whole source pixels, wider than the area an
     * output pixel covers, even at exactly 2:1), so at hard edges and single noisy pixels the two differ by up to
     * 150-200 levels in a channel; on these deliberately edgy, noisy pictures the mean is 2.4-5.1 levels per channel
     * (1.2 on a sample 1080p frame, FittedPngDecodeBenchmark). Allowed: a mean of 6. What this catches is a wrong
     * picture (shifted by several pixels, swapped channels, premultiplied colours read as straight: tens of levels);
     * quality is {@link #assertAreaAverage}'s job.
     */
    private static void assertCloseToJavaFx(int[] expected, int[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        long sum = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                sum += Math.abs((expected[i] >>> shift & 0xFF) - (actual[i] >>> shift & 0xFF));
            }
        }
        double mean = (double) sum / (4.0 * expected.length);
        assertTrue(mean <= 6.0, what + ": mean difference to JavaFX's smooth fit " + mean + " levels");
    }

    @Test
    void transparentPixelsHiddenColourDoesNotBleedIntoTheFit() throws Exception {
        // Left half opaque red, right half fully transparent with a hidden green: shrunk 4:1, the column straddling
        // the edge is half-transparent red, never brownish.
        BufferedImage image = new BufferedImage(10, 4, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 10; x++) {
                image.setRGB(x, y, x < 5 ? 0xFFFF0000 : 0x0000FF00);
            }
        }
        Image fitted = load(png("edge", image), 5, 2);
        assertInstanceOf(WritableImage.class, fitted);
        int[] argb = pixels(fitted);
        assertEquals(5 * 2, argb.length);
        int straddling = argb[2]; // source columns 4 (red) and 5 (transparent)
        assertEquals(0x80, straddling >>> 24, 1.0, "alpha " + Integer.toHexString(straddling));
        assertEquals(0xFF0000, straddling & 0xFFFFFF, "colour " + Integer.toHexString(straddling));
        assertEquals(0xFFFF0000, argb[0]);
        assertEquals(0, argb[4] >>> 24);
    }

    @Test
    void filesCoresDecoderLeavesAloneLoadThroughJavaFx() throws Exception {
        Path interlaced = dir.resolve("interlaced.png");
        write(picture(160, 90, BufferedImage.TYPE_INT_RGB, 5), "png", interlaced, true);
        Path jpeg = dir.resolve("frame.jpg");
        write(picture(160, 90, BufferedImage.TYPE_INT_RGB, 6), "jpeg", jpeg, false);
        for (Path file : new Path[] {interlaced, jpeg}) {
            assertTrue(PngFrameImages.read(file, 0, 0, ImageHeaders.DEFAULT_MAX_PIXELS).isEmpty(),
                    file + " is not for core's decoder");
            for (int[] box : new int[][] {{0, 0}, {100, 100}}) {
                Image image = load(file, box[0], box[1]);
                Image reference = javaFx(file, box[0], box[1]);
                assertEquals(reference.getWidth(), image.getWidth());
                assertEquals(reference.getHeight(), image.getHeight());
                assertArrayEquals(pixels(reference), pixels(image), file + " in " + Arrays.toString(box));
            }
        }
    }

    private static void write(BufferedImage image, String format, Path file, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (interlaced) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT); // Adam7 for PNG
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        if (interlaced) {
            assertEquals(1, Files.readAllBytes(file)[28], "the PNG writer did not interlace");
        }
    }

    @Test
    void aTruncatedPngIsRefusedNamingTheFile() throws Exception {
        Path whole = png("whole", picture(320, 180, BufferedImage.TYPE_INT_RGB, 8));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        for (int[] box : new int[][] {{0, 0}, {100, 100}}) {
            cache = cache != null ? cache : new FrameImageCache(1L << 30, 1);
            CompletionException thrown = assertThrows(CompletionException.class,
                    () -> cache.load(truncated, box[0], box[1]).join());
            assertInstanceOf(FrameImageCache.FrameLoadException.class, thrown.getCause());
            assertTrue(thrown.getCause().getMessage().contains(truncated.toString()), thrown.getCause().getMessage());
            assertTrue(thrown.getCause().getMessage().contains("truncated"), thrown.getCause().getMessage());
        }
    }

    @Test
    void fittedSizeIsJavaFxsForEveryBox() throws Exception {
        // JavaFX's arithmetic is single precision: the sizes must agree to the pixel for awkward ratios too.
        Random random = new Random(11);
        for (int i = 0; i < 60; i++) {
            int width = 2 + random.nextInt(2000);
            int height = 2 + random.nextInt(1200);
            int boxWidth = 1 + random.nextInt(width);
            int boxHeight = 1 + random.nextInt(height + 200);
            int[] size = PngFrameImages.fittedSize(width, height, boxWidth, boxHeight);
            Path file = dir.resolve("size.png");
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
            Image reference = javaFx(file, boxWidth, boxHeight);
            String what = width + "x" + height + " into " + boxWidth + "x" + boxHeight;
            assertEquals(reference.getWidth(), size[0], what);
            assertEquals(reference.getHeight(), size[1], what);
        }
    }
}
