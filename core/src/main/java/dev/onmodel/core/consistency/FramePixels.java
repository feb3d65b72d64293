package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.Raster;

/**
 * A frame at working resolution reduced to colour bins, computed once and shared by every character scored in it.
 *
 * @param width     working width
 * @param height    working height
 * @param bins      colour bin of each pixel, row-major
 * @param histogram share of the frame's pixels in each colour bin
 */
record FramePixels(int width, int height, short[] bins, double[] histogram) {

    /** @param frame not modified */
    static FramePixels of(Raster frame) {
        int[] px = frame.argb();
        short[] bins = new short[px.length];
        int[] counts = new int[ColourSpace.BINS];
        for (int i = 0; i < px.length; i++) {
            int bin = ColourSpace.bin(px[i]);
            bins[i] = (short) bin;
            counts[bin]++;
        }
        double[] histogram = new double[ColourSpace.BINS];
        for (int i = 0; i < counts.length; i++) {
            histogram[i] = counts[i] / (double) px.length;
        }
        return new FramePixels(frame.width(), frame.height(), bins, histogram);
    }
}
