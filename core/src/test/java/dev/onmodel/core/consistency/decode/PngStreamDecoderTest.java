package dev.onmodel.core.consistency.decode;

import ar.com.hjg.pngj.FilterType;
import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineInt;
import ar.com.hjg.pngj.PngWriter;
import ar.com.hjg.pngj.chunks.PngChunkPLTE;
import ar.com.hjg.pngj.chunks.PngChunkTRNS;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PNG filter type, colour type and sample depth decodes to the pixels the JDK's decoder gives; damaged files
 * fail with a plain reason. Files are written with PNGJ, which can force one filter type for every row (the JDK
 * writer picks filters itself).
 */
class PngStreamDecoderTest {

    @TempDir
    Path dir;

    private static final FilterType[] FILTERS = {FilterType.FILTER_NONE, FilterType.FILTER_SUB, FilterType.FILTER_UP,
        FilterType.FILTER_AVERAGE, FilterType.FILTER_PAETH, FilterType.FILTER_ADAPTIVE_FULL};

    /**
     * Writes a picture with flat areas, gradients and noise (so that every predictor wins somewhere).
     *
     * @param colour 0 grey, 2 RGB, 3 indexed, 4 grey+alpha, 6 RGBA
     */
    private static void write(Path file, int width, int height, int colour, int depth, FilterType filter,
                              boolean transparency, long seed) throws IOException {
        boolean alpha = colour == 4 || colour == 6;
        boolean grey = colour == 0 || colour == 4;
        boolean indexed = colour == 3;
        ImageInfo info = new ImageInfo(width, height, depth, alpha, grey, indexed);
        Random random = new Random(seed);
        int max = (1 << depth) - 1;
        try (OutputStream out = Files.newOutputStream(file)) {
            PngWriter writer = new PngWriter(out, info);
            writer.setFilterType(filter);
            if (indexed) {
                PngChunkPLTE palette = writer.getMetadata().createPLTEChunk();
                palette.setNentries(200);
                for (int i = 0; i < 200; i++) {
                    palette.setEntry(i, random.nextInt(256), random.nextInt(256), random.nextInt(256));
                }
                if (transparency) {
                    PngChunkTRNS trns = writer.getMetadata().createTRNSChunk();
                    trns.setPalletteAlpha(new int[] {255, 255, 255, 255, 255, 255, 255, 0, 128});
                }
            } else if (transparency && !alpha) {
                PngChunkTRNS trns = writer.getMetadata().createTRNSChunk();
                if (grey) {
                    trns.setGray(max / 3);
                } else {
                    trns.setRGB(max / 3, max / 2, max / 5);
                }
            }
            for (int y = 0; y < height; y++) {
                ImageLineInt line = new ImageLineInt(info);
                int[] samples = line.getScanline();
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < info.channels; c++) {
                        int value;
                        if (x < width / 3) {
                            value = indexed ? 7 : transparency && !alpha ? keySample(grey, c, max) : max / 3;
                        } else if (x < 2 * width / 3) {
                            value = (x * 7 + y * 3 + c * 50) % (max + 1);
                        } else {
                            value = random.nextInt(indexed ? 200 : max + 1);
                        }
                        samples[x * info.channels + c] = value;
                    }
                }
                writer.writeRow(line);
            }
            writer.end();
        }
    }

    private static int keySample(boolean grey, int channel, int max) {
        return grey ? max / 3 : new int[] {max / 3, max / 2, max / 5}[channel];
    }

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
    void everyFilterColourAndDepthDecodesLikeTheJdk(@ForAll @IntRange(min = 0, max = 5) int filter,
                                                    @ForAll @IntRange(min = 0, max = 4) int colourChoice,
                                                    @ForAll boolean sixteenBits,
                                                    @ForAll boolean transparency,
                                                    @ForAll @IntRange(min = 1, max = 120) int width,
                                                    @ForAll @IntRange(min = 1, max = 90) int height,
                                                    @ForAll @IntRange(min = 0, max = 3) int stepChoice)
            throws IOException {
        int colour = new int[] {0, 2, 3, 4, 6}[colourChoice];
        int depth = sixteenBits && colour != 3 ? 16 : 8;
        Path file = Files.createTempFile("onmodel-png", ".png");
        try {
            write(file, width, height, colour, depth, FILTERS[filter], transparency, width * 131L + height);
            int longest = Math.max(width, height);
            int workingSize = stepChoice == 0 ? 0 : Math.max(1, longest / stepChoice);
            assertLikeImageIo(file, workingSize);
        } finally {
            Files.deleteIfExists(file);
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
        write(file, 100, 80, 2, 8, FilterType.FILTER_PAETH, false, 1);
        IOException e = assertThrows(IOException.class, () -> PngStreamDecoder.read(file, 0, 7_999));
        assertEquals("image too large: 100x80 pixels declared, limit 7999", e.getMessage());
    }

    @Test
    void damagedFilesFailWithAPlainReason() throws IOException {
        Path good = dir.resolve("good.png");
        write(good, 300, 200, 2, 8, FilterType.FILTER_PAETH, false, 2);
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
