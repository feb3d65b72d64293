package dev.onmodel.core.consistency.decode;

import ar.com.hjg.pngj.FilterType;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PNG filter type, colour type and sample depth decodes to the pixels the JDK's decoder gives, and to their
 * colour codes when read as codes; damaged files fail with a plain reason. Files are written by {@link TestPngs}.
 */
class PngStreamDecoderTest {

    @TempDir
    Path dir;

    private static void assertLikeImageIo(Path file, int workingSize) throws IOException {
        BufferedImage reference = ImageIO.read(file.toFile());
        FrameDecoder.Decoded decoded = PngStreamDecoder.read(file, workingSize, 1L << 30);
        Raster raster = decoded.raster();
        int step = decoded.step();
        assertEquals((reference.getWidth() + step - 1) / step, raster.width());
        assertEquals((reference.getHeight() + step - 1) / step, raster.height());
        for (int y = 0; y < raster.height(); y++) {
            for (int x = 0; x < raster.width(); x++) {
                int expected = expected(reference, x * step, y * step);
                int actual = raster.get(x, y);
                if (expected >>> 24 == 0) {
                    // Fully transparent: the colour under it carries no meaning.
                    assertEquals(0, actual >>> 24, "alpha at " + x + "," + y);
                } else {
                    assertEquals(expected, actual, "pixel " + x + "," + y + " of " + file.getFileName());
                }
            }
        }
    }

    /**
     * What the file's samples mean at 8 bits: the stored sample (16-bit: its high byte), not the JDK's colour-model
     * conversion, which treats grey as linear light and rounds 16-bit samples its own way. Indexed images go through
     * the palette.
     */
    private static int expected(BufferedImage reference, int x, int y) {
        if (reference.getColorModel() instanceof java.awt.image.IndexColorModel) {
            return reference.getRGB(x, y);
        }
        java.awt.image.Raster raster = reference.getRaster();
        int shift = raster.getSampleModel().getSampleSize(0) - 8;
        int colours = reference.getColorModel().getNumColorComponents();
        int a = reference.getColorModel().hasAlpha() ? raster.getSample(x, y, colours) >> shift : 255;
        if (colours == 1) {
            int g = raster.getSample(x, y, 0) >> shift;
            return a << 24 | g << 16 | g << 8 | g;
        }
        return a << 24 | (raster.getSample(x, y, 0) >> shift) << 16 | (raster.getSample(x, y, 1) >> shift) << 8
                | raster.getSample(x, y, 2) >> shift;
    }

    @Property(tries = 40)
    void everyFilterColourAndDepthDecodesLikeTheJdk(@ForAll(supplier = TestPngs.Flavours.class) TestPngs.Flavour png)
            throws IOException {
        Path file = png.writeTemp(0);
        try {
            assertLikeImageIo(file, png.workingSize());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 60)
    void colourCodesAreTheCodesOfTheArgbPixels(@ForAll(supplier = TestPngs.Flavours.class) TestPngs.Flavour png)
            throws IOException {
        Path file = png.writeTemp(1);
        try {
            int workingSize = png.workingSize();
            FrameDecoder.Decoded argb = PngStreamDecoder.read(file, workingSize, 1L << 30);
            RecordedCodes codes = new RecordedCodes();
            FrameDecoder.Coded coded = PngStreamDecoder.readColourCodes(file, workingSize, 1L << 30, codes);
            Raster raster = argb.raster();
            assertEquals(new FrameDecoder.Coded(raster.width(), raster.height(), argb.step(), argb.sourceWidth(),
                    argb.sourceHeight()), coded);
            int[] expectedCounts = new int[4096];
            for (int i = 0; i < raster.argb().length; i++) {
                int code = ColourCodeRows.code(raster.argb()[i]);
                assertEquals(code, codes.codes[i],
                        "pixel " + i % raster.width() + "," + i / raster.width() + " of " + png + ", step "
                                + argb.step());
                expectedCounts[code]++;
            }
            assertArrayEquals(expectedCounts, codes.countsSummed(), "counts of " + png + ", step " + argb.step());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The rows a subsampled read keeps are unfiltered and handed out in one loop for 8-bit RGB
     * ({@link RowFilters}): Sub, Average, Paeth and a mix of filters, every step from 1 to 6, widths around multiples of the step (the last sampled pixel at the
     * row's end or short of it), with and without a tRNS colour key, give the JDK's pixels, and their codes and counts.
     */
    @Test
    void fusedRowsGiveThePixelsCodesAndCountsOfEveryStep() throws IOException {
        for (FilterType filter : new FilterType[] {FilterType.FILTER_SUB, FilterType.FILTER_AVERAGE,
            FilterType.FILTER_PAETH, FilterType.FILTER_ADAPTIVE_FULL}) {
            for (int width : new int[] {1, 2, 5, 6, 7, 12, 13, 31}) {
                for (boolean key : new boolean[] {false, true}) {
                    Path file = dir.resolve("fused-" + filter + "-" + width + "-" + key + ".png");
                    TestPngs.write(file, width, 9, 2, 8, filter, key, width * 31L + (key ? 1 : 0));
                    for (int step = 1; step <= 6; step++) {
                        // The reader's step is the smallest that fits the longest side (9 or the width).
                        int longest = Math.max(width, 9);
                        int workingSize = (longest + step - 1) / step;
                        assertLikeImageIo(file, workingSize);
                        FrameDecoder.Decoded argb = PngStreamDecoder.read(file, workingSize, 1L << 30);
                        RecordedCodes codes = new RecordedCodes();
                        PngStreamDecoder.readColourCodes(file, workingSize, 1L << 30, codes);
                        int[] expectedCounts = new int[4096];
                        int[] pixels = argb.raster().argb();
                        for (int i = 0; i < pixels.length; i++) {
                            int code = ColourCodeRows.code(pixels[i]);
                            assertEquals(code, codes.codes[i], "code " + i + " of " + file.getFileName()
                                    + " at step " + argb.step());
                            expectedCounts[code]++;
                        }
                        assertArrayEquals(expectedCounts, codes.countsSummed(), "counts of " + file.getFileName()
                                + " at step " + argb.step());
                    }
                }
            }
        }
    }

    /** Keeps the codes and the counts. */
    static final class RecordedCodes implements ColourCodeRows {
        int[] codes;
        int[][] tables;

        @Override
        public int[] begin(int width, int height) {
            // Filled with a value no code has, so that a pixel left unwritten shows.
            codes = new int[width * height];
            java.util.Arrays.fill(codes, -1);
            tables = new int[TABLES][4096];
            return codes;
        }

        @Override
        public int[][] counts() {
            return tables;
        }

        int[] countsSummed() {
            int[] sum = new int[4096];
            for (int[] table : tables) {
                for (int c = 0; c < sum.length; c++) {
                    sum[c] += table[c];
                }
            }
            return sum;
        }
    }

    @Test
    void leavesInterlacedAndSubBytePngsToOthers() throws IOException {
        Path subByte = dir.resolve("one-bit.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_BINARY), "png", subByte.toFile());
        assertNull(PngStreamDecoder.read(subByte, 0, 1L << 30));
        Path interlaced = dir.resolve("interlaced.png");
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(interlaced.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB),
                    null, null), param);
        } finally {
            writer.dispose();
        }
        assertNull(PngStreamDecoder.read(interlaced, 0, 1L << 30));
        assertEquals(40, FrameDecoder.readFull(interlaced, 1L << 30).width(), "read by the JDK instead");
        Path text = Files.writeString(dir.resolve("text.png"), "not a png");
        assertNull(PngStreamDecoder.read(text, 0, 1L << 30));
        assertNull(PngStreamDecoder.read(Files.write(dir.resolve("empty.png"), new byte[0]), 0, 1L << 30));
    }

    @Test
    void refusesADeclaredSizeOverTheLimitBeforeDecoding() throws IOException {
        Path file = dir.resolve("big.png");
        TestPngs.write(file, 100, 80, 2, 8, FilterType.FILTER_PAETH, false, 1);
        IOException e = assertThrows(IOException.class, () -> PngStreamDecoder.read(file, 0, 7_999));
        assertEquals("image too large: 100x80 pixels declared, limit 7999", e.getMessage());
    }

    @Test
    void damagedFilesFailWithAPlainReason() throws IOException {
        Path good = dir.resolve("good.png");
        TestPngs.write(good, 300, 200, 2, 8, FilterType.FILTER_PAETH, false, 2);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String reason = assertThrows(IOException.class, () -> PngStreamDecoder.read(truncated, 0, 1L << 30))
                .getMessage();
        assertTrue(reason.startsWith("damaged"), reason);

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        Path corrupt = Files.write(dir.resolve("corrupt.png"), flipped);
        assertEquals("damaged PNG: CRC error in the IDAT chunk",
                assertThrows(IOException.class, () -> PngStreamDecoder.read(corrupt, 0, 1L << 30)).getMessage());
    }
}
