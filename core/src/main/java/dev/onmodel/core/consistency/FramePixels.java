package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.ColourCodeRows;
import dev.onmodel.core.consistency.decode.FrameDecoder;
import dev.onmodel.core.consistency.decode.Raster;

import java.util.Arrays;

/**
 * A frame at working resolution reduced to colour bins, computed once and shared by every character scored in it.
 *
 * <p>A colour bin is the decoder's colour code ({@link ColourCodeRows#code}, the same function as
 * {@link ColourSpace#bin}), so a frame read for scoring is decoded straight into bins ({@link Binning}) and never
 * exists as ARGB pixels.
 *
 * @param width     working width
 * @param height    working height
 * @param bins      colour bin of each pixel, row-major; a per-thread buffer ({@link AnalysisScratch}), valid only
 *                  until the thread analyses its next frame
 * @param counts    number of the frame's pixels in each colour bin (a per-thread buffer too); a bin's share of the
 *                  frame is {@link #share}
 */
record FramePixels(int width, int height, int[] bins, int[] counts) {

    /**
     * Share of the frame's pixels in colour bin {@code bin}. Computed where it is needed, for the few bins a
     * character's colours cover, rather than divided out for all 4096 bins of every frame.
     */
    double share(int bin) {
        return counts[bin] / (double) (width * height);
    }

    /** @param frame not modified */
    static FramePixels of(Raster frame, AnalysisScratch scratch) {
        Binning binning = new Binning(scratch);
        FrameDecoder.writeColourCodes(frame, binning);
        return binning.pixels();
    }

    /**
     * Lends the decoder the thread's bins buffer and count tables: it writes each sampled pixel's colour code and
     * counts it while the pixel is at hand (the whole frame's bins, about 1 MB at 640x360, would have left the L1/L2
     * caches before a second pass over them).
     */
    static final class Binning implements ColourCodeRows {
        private final AnalysisScratch scratch;
        private int width;
        private int height;
        private int[] bins;
        private int[][] tables;

        Binning(AnalysisScratch scratch) {
            this.scratch = scratch;
        }

        @Override
        public int[] begin(int width, int height) {
            this.width = width;
            this.height = height;
            bins = scratch.bins(Math.multiplyExact(width, height));
            // Zeroed here rather than left zero by the last frame: a frame that failed halfway leaves them dirty.
            tables = scratch.binCounts();
            for (int[] table : tables) {
                Arrays.fill(table, 0);
            }
            return bins;
        }

        @Override
        public int[][] counts() {
            return tables;
        }

        /** The frame, once every row has been received. */
        FramePixels pixels() {
            int[] counts = tables[0];
            int[] second = tables[1];
            int[] third = tables[2];
            int[] fourth = tables[3];
            for (int c = 0; c < counts.length; c++) {
                counts[c] += second[c] + third[c] + fourth[c];
            }
            return new FramePixels(width, height, bins, counts);
        }
    }
}
