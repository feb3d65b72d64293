package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.Raster;

/**
 * One sheet view prepared for comparison: the colours of the character's pixels (transparent or plain background
 * masked out) and the proportions of its silhouette.
 *
 * @param name        the view name ({@code front}, {@code side}, ...)
 * @param histogram   share of the character's pixels in each colour bin (sums to 1)
 * @param palette     the bins holding at least {@link #PALETTE_MIN_SHARE} of the pixels
 * @param fatness     silhouette area divided by its height squared: stretching changes it, mirroring and
 *                    scaling do not
 * @param spread      horizontal over vertical standard deviation of the silhouette's pixels
 * @param parts       per coarse colour ({@link PartMoments#coarse}), the spatial moments of the pixels of that colour
 * @param bands       the colour histograms of the top, middle and bottom thirds of the silhouette (each sums to 1)
 * @param bandDistance per third, each bin's squared CIELAB distance to that third's nearest palette colour
 * @param grain       {@link #grain} of the silhouette's inside: how much finer its detail is across than along
 * @param adjacency   {@link ColourAdjacency} signatures of the silhouette, at its own size and shrunk to smaller
 *                    heights ({@link #adjacencyAt})
 */
record ViewModel(String name, double[] histogram, int[] palette, double fatness, double spread,
                 PartMoments parts, double[][] bands, float[][] bandDistance, double grain,
                 ColourAdjacency.Scaled[] adjacency) {

    /** Horizontal bands the silhouette is cut into for the colour layout (head, body, legs in a standing figure). */
    static final int BANDS = 3;

    /** A colour must cover this share of a view to count as one of its palette colours. */
    static final double PALETTE_MIN_SHARE = 0.002;

    /**
     * Prepares a view from its full-resolution image.
     *
     * @param image the sheet view; not modified
     * @throws IllegalArgumentException when no character pixels are found (fully transparent or uniform image)
     */
    static ViewModel of(String name, Raster image) {
        boolean[] mask = SheetMask.characterPixels(image);
        double[] histogram = new double[ColourSpace.BINS];
        PartMoments parts = new PartMoments();
        int w = image.width();
        int h = image.height();
        int count = 0;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y * w + x]) {
                    int bin = ColourSpace.bin(image.argb()[y * w + x]);
                    histogram[bin]++;
                    parts.add(bin, x, y);
                    count++;
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    sx += x;
                    sy += y;
                    sxx += (double) x * x;
                    syy += (double) y * y;
                }
            }
        }
        if (count < 16) {
            throw new IllegalArgumentException("no character pixels found (image is empty, fully transparent or one "
                    + "flat colour)");
        }
        for (int i = 0; i < histogram.length; i++) {
            histogram[i] /= count;
        }
        double height = maxY - minY + 1;
        double[][] bands = new double[BANDS][ColourSpace.BINS];
        int[] bandCounts = new int[BANDS];
        for (int y = minY; y <= maxY; y++) {
            int band = Math.min(BANDS - 1, (int) ((y - minY) * BANDS / height));
            for (int x = minX; x <= maxX; x++) {
                if (mask[y * w + x]) {
                    bands[band][ColourSpace.bin(image.argb()[y * w + x])]++;
                    bandCounts[band]++;
                }
            }
        }
        float[][] bandDistance = new float[BANDS][];
        for (int b = 0; b < BANDS; b++) {
            for (int i = 0; i < ColourSpace.BINS; i++) {
                bands[b][i] /= Math.max(1, bandCounts[b]);
            }
            bandDistance[b] = distanceToPalette(paletteOf(bands[b]));
        }
        double varX = sxx / count - (sx / count) * (sx / count);
        double varY = syy / count - (sy / count) * (sy / count);
        Grain grain = new Grain();
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                if (!mask[y * w + x]) {
                    continue;
                }
                int bin = ColourSpace.bin(image.argb()[y * w + x]);
                if (x + 1 < w && mask[y * w + x + 1]) {
                    grain.horizontal(bin != ColourSpace.bin(image.argb()[y * w + x + 1]));
                }
                if (y + 1 < h && mask[(y + 1) * w + x]) {
                    grain.vertical(bin != ColourSpace.bin(image.argb()[(y + 1) * w + x]));
                }
            }
        }
        ColourAdjacency.Scaled[] adjacency = ColourAdjacency.pyramid(image.argb(), mask, w, minX, minY,
                maxX - minX + 1, maxY - minY + 1);
        return new ViewModel(name, histogram, paletteOf(histogram), count / (height * height),
                Math.sqrt(Math.max(varX, 1e-9) / Math.max(varY, 1e-9)), parts, bands, bandDistance, grain.logRatio(),
                adjacency);
    }

    /**
     * The adjacency signature of this view shrunk to the height closest to {@code figureHeight} (in log scale): a
     * figure drawn small loses its thin lines and small parts to resampling, and must be compared with the sheet as it
     * looks at that size.
     */
    ColourAdjacency.Scaled adjacencyAt(int figureHeight) {
        ColourAdjacency.Scaled best = adjacency[0];
        for (ColourAdjacency.Scaled s : adjacency) {
            if (Math.abs(Math.log(s.height() / (double) figureHeight))
                    < Math.abs(Math.log(best.height() / (double) figureHeight))) {
                best = s;
            }
        }
        return best;
    }

    /**
     * Counts colour changes between horizontally and vertically neighbouring pixels inside a figure. The log ratio of
     * the two change rates measures how much finer the figure's detail is across than along: stretching a figure
     * by s in one direction makes its detail s times coarser in that direction and moves the ratio by log s, while
     * mirroring, uniform scaling, a change of pose (the same costume parts) and occlusion (a smaller sample of the
     * same detail) leave it about where it was. It is the discrete counterpart of the anisotropy of the gradient
     * structure tensor (J. Bigun, G. H. Granlund, "Optimal orientation detection of linear symmetry", ICCV 1987).
     */
    static final class Grain {
        /** Below this share of neighbour pairs changing colour (in either direction) a figure counts as flat. */
        static final double MIN_DETAIL_RATE = 0.02;

        private long horizontalPairs;
        private long horizontalChanges;
        private long verticalPairs;
        private long verticalChanges;

        void horizontal(boolean changes) {
            horizontalPairs++;
            if (changes) {
                horizontalChanges++;
            }
        }

        void vertical(boolean changes) {
            verticalPairs++;
            if (changes) {
                verticalChanges++;
            }
        }

        /** Adds pairs counted elsewhere: as many {@link #horizontal} and {@link #vertical} calls. */
        void add(long horizontal, long horizontallyChanging, long vertical, long verticallyChanging) {
            horizontalPairs += horizontal;
            horizontalChanges += horizontallyChanging;
            verticalPairs += vertical;
            verticalChanges += verticallyChanging;
        }

        /**
         * log(horizontal change rate / vertical change rate); NaN when the figure has too little detail to tell. A
         * figure of flat colours changes colour at under 1% of its neighbour pairs (only at its parts' borders), and
         * then the changes a frame shows are mostly resampling blur and compression noise, not the figure's detail;
         * drawn or pixel-art characters with texture change at 5-70% of them.
         */
        double logRatio() {
            if (horizontalChanges < 8 || verticalChanges < 8) {
                return Double.NaN;
            }
            double horizontalRate = horizontalChanges / (double) horizontalPairs;
            double verticalRate = verticalChanges / (double) verticalPairs;
            if (Math.min(horizontalRate, verticalRate) < MIN_DETAIL_RATE) {
                return Double.NaN;
            }
            return Math.log(horizontalRate / verticalRate);
        }
    }

    /** Each bin's squared CIELAB distance to the nearest colour of {@code palette}. */
    static float[] distanceToPalette(int[] palette) {
        float[] d = new float[ColourSpace.BINS];
        for (int bin = 0; bin < d.length; bin++) {
            float best = palette.length == 0 ? 1e6f : Float.MAX_VALUE;
            for (int p : palette) {
                best = Math.min(best, ColourSpace.distanceSquared(bin, p));
            }
            d[bin] = best;
        }
        return d;
    }

    static int[] paletteOf(double[] histogram) {
        int n = 0;
        for (double v : histogram) {
            if (v >= PALETTE_MIN_SHARE) {
                n++;
            }
        }
        int[] palette = new int[n];
        int k = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] >= PALETTE_MIN_SHARE) {
                palette[k++] = i;
            }
        }
        return palette;
    }
}
