package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.FrameDecoder;
import dev.onmodel.core.consistency.decode.Raster;
import dev.onmodel.core.consistency.decode.TestPngs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A frame decoded straight into colour bins ({@link FrameDecoder#readColourCodes} into {@link FramePixels.Binning},
 * what scoring does) has exactly the bins and counts of the ARGB frame {@link FrameDecoder#readSubsampled} gives,
 * binned pixel by pixel with {@link ColourSpace#bin}: the analysis cannot tell the two paths apart.
 */
class FramePixelsTest {

    private static final long LIMIT = 1L << 30;

    @TempDir
    Path dir;

    /**
     * The bin is the top four bits of red, green and blue (red highest), whatever the alpha: checked against the
     * channels taken apart, for every colour (ColourSpace.bin is the decoder's code, so this pins both).
     */
    @Test
    void theColourBinIsTheHighNibbleOfEachChannel() {
        for (int alpha : new int[] {0, 0x01, 0x80, 0xFF}) {
            for (int rgb = 0; rgb <= 0xFFFFFF; rgb++) {
                int argb = alpha << 24 | rgb;
                int expected = ((rgb >> 16) / 16) * 256 + (((rgb >> 8) & 0xFF) / 16) * 16 + (rgb & 0xFF) / 16;
                if (ColourSpace.bin(argb) != expected) {
                    assertEquals(expected, ColourSpace.bin(argb), Integer.toHexString(argb));
                }
            }
        }
    }

    @Property(tries = 80)
    void pngsDecodedIntoBinsMatchTheBinnedArgbFrame(@ForAll(supplier = TestPngs.Flavours.class) TestPngs.Flavour png)
            throws IOException {
        Path file = png.writeTemp(2);
        try {
            // 0 would mean full size to the PNG reader only: the longest side says the same to every reader.
            assertFusedEqualsBinnedArgb(file, png.workingSize() == 0 ? Math.max(png.width(), png.height())
                    : png.workingSize());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void filesLeftToImageIoAreBinnedFromItsRaster() throws IOException {
        Path bmp = dir.resolve("frame.bmp");
        ImageIO.write(TestPngs.noise(203, 101, BufferedImage.TYPE_INT_RGB, 3), "bmp", bmp.toFile());
        assertFusedEqualsBinnedArgb(bmp, 64);
        Path oneBit = dir.resolve("one-bit.png");
        ImageIO.write(TestPngs.noise(90, 70, BufferedImage.TYPE_BYTE_BINARY, 4), "png", oneBit.toFile());
        assertFusedEqualsBinnedArgb(oneBit, 30);
        Path interlaced = dir.resolve("interlaced.png");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(interlaced.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(TestPngs.noise(130, 77, BufferedImage.TYPE_INT_ARGB, 5), null, null), param);
        } finally {
            writer.dispose();
        }
        assertFusedEqualsBinnedArgb(interlaced, 40);
    }

    @Test
    void badFilesFailWithTheSameReasons() throws IOException {
        Path good = dir.resolve("good.png");
        TestPngs.write(good, 300, 200, 2, 8, TestPngs.FILTERS[4], false, 2);
        byte[] bytes = Files.readAllBytes(good);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Path[] bad = {
            Files.write(dir.resolve("zero.png"), new byte[0]),
            Files.writeString(dir.resolve("text.png"), "hello"),
            Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2)),
            Files.write(dir.resolve("corrupt.png"), flipped),
        };
        for (Path file : bad) {
            String expected = assertThrows(IOException.class, () -> FrameDecoder.readSubsampled(file, 64, LIMIT))
                    .getMessage();
            FramePixels.Binning binning = new FramePixels.Binning(AnalysisScratch.get());
            assertEquals(expected, assertThrows(IOException.class,
                    () -> FrameDecoder.readColourCodes(file, 64, LIMIT, binning)).getMessage(), file.toString());
        }
        FramePixels.Binning binning = new FramePixels.Binning(AnalysisScratch.get());
        assertEquals("image too large: 300x200 pixels declared, limit 59999", assertThrows(IOException.class,
                () -> FrameDecoder.readColourCodes(good, 64, 59_999, binning)).getMessage());
    }

    @Test
    void aFrameThatFailsHalfwayLeavesNothingInTheNextFramesCounts() throws IOException {
        // Image data that ends after half the rows: those rows are decoded and counted, then the decode fails.
        Path halfRows = dir.resolve("half-rows.png");
        Files.write(halfRows, pngWithRowsMissing(120, 80));
        assertEquals("damaged image data", assertThrows(IOException.class, () -> FrameDecoder.readColourCodes(
                halfRows, 0, LIMIT, new FramePixels.Binning(AnalysisScratch.get()))).getMessage().split(":")[0]);
        Path good = dir.resolve("good.png");
        TestPngs.write(good, 120, 80, 2, 8, TestPngs.FILTERS[5], false, 8);
        assertFusedEqualsBinnedArgb(good, 0);
    }

    /** An 8-bit RGB PNG of {@code width x height} whose (valid, CRC-checked) image data holds only half the rows. */
    private static byte[] pngWithRowsMissing(int width, int height) throws IOException {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        for (int y = 0; y < height / 2; y++) {
            raw.write(0);
            for (int x = 0; x < width; x++) {
                raw.write(x);
                raw.write(y);
                raw.write(x ^ y);
            }
        }
        java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(compressed)) {
            raw.writeTo(deflate);
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(png);
        out.writeLong(0x89504E470D0A1A0AL);
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8)
                .put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(java.io.DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    private static void assertFusedEqualsBinnedArgb(Path file, int workingSize) throws IOException {
        FrameDecoder.Decoded decoded = FrameDecoder.readSubsampled(file, workingSize, LIMIT);
        Raster raster = decoded.raster();
        int[] expectedBins = new int[raster.argb().length];
        int[] expectedCounts = new int[ColourSpace.BINS];
        for (int i = 0; i < expectedBins.length; i++) {
            expectedBins[i] = ColourSpace.bin(raster.argb()[i]);
            expectedCounts[expectedBins[i]]++;
        }
        FramePixels fromRaster = FramePixels.of(raster, AnalysisScratch.get());
        assertArrayEquals(expectedBins, fromRaster.bins().clone(), "FramePixels.of bins");
        assertArrayEquals(expectedCounts, fromRaster.counts().clone(), "FramePixels.of counts");

        FramePixels.Binning binning = new FramePixels.Binning(AnalysisScratch.get());
        FrameDecoder.Coded coded = FrameDecoder.readColourCodes(file, workingSize, LIMIT, binning);
        FramePixels fused = binning.pixels();
        assertEquals(new FrameDecoder.Coded(raster.width(), raster.height(), decoded.step(), decoded.sourceWidth(),
                decoded.sourceHeight()), coded);
        assertEquals(raster.width(), fused.width());
        assertEquals(raster.height(), fused.height());
        assertArrayEquals(expectedBins, fused.bins(), "bins of " + file.getFileName());
        assertArrayEquals(expectedCounts, fused.counts(), "counts of " + file.getFileName());
    }
}
