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
     * Receives a frame's colour codes row by row into the thread's bins buffer and counts each row while it is still
     * in the cache (the whole frame's bins, about 1 MB at 640x360, would have left the L1/L2 caches before a second
     * pass over them).
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

        /**
         * Counts into four tables, for the pixels at positions 0, 1, 2 and 3 modulo 4 of the row: a drawn frame repeats
         * one colour pixel after pixel, and each increment of a single table entry would wait for the one before it
         * (measured when the whole frame was counted in one pass, on the development and noisy frames: 0.13 and 0.10 ms
         * a frame against 0.16 and 0.20 with one table, 0.15 with two).
         */
        @Override
        public void row(int[] codes, int from, int to) {
            int[] first = tables[0];
            int[] second = tables[1];
            int[] third = tables[2];
            int[] fourth = tables[3];
            int i = from;
            for (; i + 3 < to; i += 4) {
                first[codes[i]]++;
                second[codes[i + 1]]++;
                third[codes[i + 2]]++;
                fourth[codes[i + 3]]++;
            }
            for (; i < to; i++) {
                first[codes[i]]++;
            }
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
