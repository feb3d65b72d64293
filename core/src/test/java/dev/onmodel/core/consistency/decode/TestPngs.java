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
