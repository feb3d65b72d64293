package dev.onmodel.core.consistency.decode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subsampling reader returns exactly the pixels the JDK decoder gives at the sampled positions. */
class FrameDecoderTest {

    @TempDir
    Path dir;

    private void assertSameAsImageIo(Path file, int workingSize) throws IOException {
        BufferedImage reference = ImageIO.read(file.toFile());
        FrameDecoder.Decoded decoded = FrameDecoder.readSubsampled(file, workingSize, 1L << 30);
        Raster raster = decoded.raster();
        int step = decoded.step();
        assertEquals((reference.getWidth() + step - 1) / step, raster.width());
        assertEquals((reference.getHeight() + step - 1) / step, raster.height());
        assertTrue(Math.max(raster.width(), raster.height()) <= workingSize + 1);
        for (int y = 0; y < raster.height(); y++) {
            for (int x = 0; x < raster.width(); x++) {
                assertEquals(expected(reference, x * step, y * step), raster.get(x, y), "pixel " + x + "," + y);
            }
        }
    }

    /**
     * What a PNG pixel means. For grey images the stored sample itself (PNG grey is in the display's gamma like
     * sRGB); the JDK's {@code getRGB} would treat it as linear light and brighten it.
     */
    private static int expected(BufferedImage reference, int x, int y) {
        int type = reference.getType();
        if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_USHORT_GRAY) {
            int sample = reference.getRaster().getSample(x, y, 0) >> (type == BufferedImage.TYPE_USHORT_GRAY ? 8 : 0);
            return 0xFF000000 | sample << 16 | sample << 8 | sample;
        }
        return reference.getRGB(x, y);
    }

    @Property(tries = 12)
    void everyPngFlavourMatchesTheJdkDecoder(@ForAll @IntRange(min = 20, max = 300) int width,
                                             @ForAll @IntRange(min = 20, max = 200) int height,
                                             @ForAll @IntRange(min = 0, max = 4) int flavour,
                                             @ForAll @IntRange(min = 16, max = 400) int workingSize) throws IOException {
        int type = new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_USHORT_GRAY}[flavour];
        // jqwik properties get no @TempDir, so the file is made and removed here.
        Path file = Files.createTempFile("onmodel-frame", ".png");
        try {
            ImageIO.write(TestPngs.noise(width, height, type, width * 31L + height), "png", file.toFile());
            assertSameAsImageIo(file, Math.max(64, workingSize));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void otherFormatsGoThroughImageIo() throws IOException {
        Path file = dir.resolve("frame.bmp");
        ImageIO.write(TestPngs.noise(200, 100, BufferedImage.TYPE_INT_RGB, 3), "bmp", file.toFile());
        assertSameAsImageIo(file, 64);
    }

    @Test
    void aUhdFrameIsReadSixToOne() throws IOException {
        Path file = dir.resolve("uhd.png");
        ImageIO.write(new BufferedImage(3840, 2160, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        FrameDecoder.Decoded decoded = FrameDecoder.readSubsampled(file, 640, 1L << 30);
        assertEquals(6, decoded.step());
        assertEquals(640, decoded.raster().width());
        assertEquals(360, decoded.raster().height());
    }

    @Test
    void badFilesFailWithAPlainReason() throws IOException {
        Path zero = Files.write(dir.resolve("zero.png"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.png"), "hello");
        assertEquals("zero-byte file", assertThrows(IOException.class,
                () -> FrameDecoder.readSubsampled(zero, 640, 1L << 30)).getMessage());
        assertTrue(assertThrows(IOException.class, () -> FrameDecoder.readSubsampled(text, 640, 1L << 30))
                .getMessage().startsWith("not a readable image"));
    }

    /**
     * The compressed data of each frame goes into a buffer the thread reuses: a frame read after a larger one must see
     * none of the larger one's bytes, whether it is whole or cut short.
     */
    @Test
    void aFrameReadAfterALargerOneSeesNoneOfItsData() throws IOException {
        Path large = dir.resolve("large.png");
        Path small = dir.resolve("small.png");
        Path cut = dir.resolve("cut.png");
        ImageIO.write(TestPngs.noise(400, 300, BufferedImage.TYPE_INT_RGB, 7), "png", large.toFile());
        ImageIO.write(TestPngs.noise(120, 80, BufferedImage.TYPE_INT_RGB, 8), "png", small.toFile());
        byte[] whole = Files.readAllBytes(small);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        for (int round = 0; round < 2; round++) {
            assertSameAsImageIo(large, 400);
            String reason = assertThrows(IOException.class, () -> FrameDecoder.readSubsampled(cut, 400, 1L << 30))
                    .getMessage();
            assertTrue(reason.startsWith("damaged image data"), reason);
            assertSameAsImageIo(small, 400);
        }
    }
}
