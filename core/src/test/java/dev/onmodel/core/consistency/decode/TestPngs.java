package dev.onmodel.core.consistency.decode;

import ar.com.hjg.pngj.FilterType;
import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineInt;
import ar.com.hjg.pngj.PngWriter;
import ar.com.hjg.pngj.chunks.PngChunkPLTE;
import ar.com.hjg.pngj.chunks.PngChunkTRNS;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ArbitrarySupplier;

/**
 * PNG files of every colour type and sample depth for the decoder tests, written with PNGJ, which can force one filter
 * type for every row (the JDK writer picks filters itself).
 */
public final class TestPngs {

    /** Every filter type alone, then PNGJ's adaptive choice per row. */
    public static final FilterType[] FILTERS = {FilterType.FILTER_NONE, FilterType.FILTER_SUB, FilterType.FILTER_UP,
        FilterType.FILTER_AVERAGE, FilterType.FILTER_PAETH, FilterType.FILTER_ADAPTIVE_FULL};

    private TestPngs() {
    }

    /**
     * A picture for the ImageIO-written test files: runs of one colour (so that counts see repeated bins and the
     * filters meet flat areas) between random pixels, opaque unless {@code type} has alpha.
     */
    public static java.awt.image.BufferedImage noise(int w, int h, int type, long seed) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(w, h, type);
        Random random = new Random(seed);
        int opaque = type == java.awt.image.BufferedImage.TYPE_INT_ARGB ? 0 : 0xFF000000;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, x % 7 < 3 ? 0xFF336699 : random.nextInt() | opaque);
            }
        }
        return image;
    }

    /**
     * One PNG of the decoder's property tests.
     *
     * @param filter       index into {@link #FILTERS}
     * @param colour       0 grey, 2 RGB, 3 indexed, 4 grey+alpha, 6 RGBA
     * @param depth        8 or 16 (8 for indexed)
     * @param stepChoice   0 reads the file at full size, n about 1:n ({@link #workingSize})
     */
    public record Flavour(int filter, int colour, int depth, boolean transparency, int width, int height,
                          int stepChoice) {

        /** Writes the picture to a new temporary file (jqwik properties get no @TempDir); the caller deletes it. */
        public Path writeTemp(long salt) throws IOException {
            Path file = Files.createTempFile("onmodel-png", ".png");
            write(file, width, height, colour, depth, FILTERS[filter], transparency,
                    width * 131L + height * 7L + colour + salt);
            return file;
        }

        /** The working size to read it at: 0 (full size) or the longest side divided by {@code stepChoice}. */
        public int workingSize() {
            return stepChoice == 0 ? 0 : Math.max(1, Math.max(width, height) / stepChoice);
        }
    }

    /** Every filter, colour type, depth, transparency, size from 1x1 to 150x100 and reading step from 1 to 5. */
    public static final class Flavours implements ArbitrarySupplier<Flavour> {
        @Override
        public Arbitrary<Flavour> get() {
            return Combinators.combine(Arbitraries.integers().between(0, FILTERS.length - 1),
                    Arbitraries.of(0, 2, 3, 4, 6), Arbitraries.of(8, 16), Arbitraries.of(false, true),
                    Arbitraries.integers().between(1, 150), Arbitraries.integers().between(1, 100),
                    Arbitraries.integers().between(0, 5))
                    .as((filter, colour, depth, transparency, width, height, step) -> new Flavour(filter, colour,
                            colour == 3 ? 8 : depth, transparency, width, height, step));
        }
    }

    /**
     * Writes a picture with flat areas, gradients and noise (so that every predictor wins somewhere).
     *
     * @param colour 0 grey, 2 RGB, 3 indexed, 4 grey+alpha, 6 RGBA
     */
    public static void write(Path file, int width, int height, int colour, int depth, FilterType filter,
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
}
