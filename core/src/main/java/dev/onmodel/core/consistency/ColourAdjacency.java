package dev.onmodel.core.consistency;

import java.util.Arrays;

/**
 * Which colours border which inside a figure: a colour co-occurrence signature (a colour correlogram [1] restricted to
 * pairs of different colours) sampled at a distance proportional to the figure's height.
 *
 * <p>Two characters of one family (the same body, the same player colour, another hat or tool) wear nearly the same
 * colours in nearly the same amounts, so colour shares barely tell them apart; where the colours sit against each other
 * does (a brown hat on fair hair against brown hair on a fair face). Pairs are counted between a pixel and the pixel
 * {@link #distance} away to the right and below, unordered (mirroring keeps them) and only when the two colours
 * differ, so the signature describes the figure's part borders rather than its areas. The distance is a fixed share of
 * the figure's height, so that a figure and its sheet are compared at the same scale: a fixed distance of one pixel
 * would, in a small figure, mostly see the in-between colours that resampling puts along every border.
 *
 * <p>Colours are coarse (3 bits per sRGB channel, 512 colours): fine enough to keep a hat and the hair under it apart,
 * coarse enough that shading and compression noise do not split a part. A figure holds a few dozen of them, so the
 * signature is kept sparse (sorted pairs). A sheet's pairs are counted in an open-addressing table; a frame's, which
 * are counted for every frame, in a dense table over the figure's own colours ({@link PairCounts}).
 *
 * <p>[1] J. Huang, S. R. Kumar, M. Mitra, W.-J. Zhu, R. Zabih, "Image indexing using color correlograms", CVPR 1997.
 */
final class ColourAdjacency {

    /** Number of coarse colours (3 bits per channel). */
    static final int COLOURS = 512;

    /** The pair distance as a share of the figure's height. */
    static final double DISTANCE_SHARE = 1 / 32.0;

    private int[] keys = new int[256];
    private double[] counts = new double[256];
    private int size;
    private double total;

    ColourAdjacency() {
        Arrays.fill(keys, -1);
    }

    /** Distance between the two pixels of a pair, in pixels of a figure {@code figureHeight} pixels tall. */
    static int distance(int figureHeight) {
        return Math.max(1, (int) Math.round(figureHeight * DISTANCE_SHARE));
    }

    /** The coarse colour of a colour bin ({@link ColourSpace#bin}: 4 bits per channel). */
    static int coarse(int bin) {
        return (bin >> 9 & 7) << 6 | (bin >> 5 & 7) << 3 | (bin >> 1 & 7);
    }

    /** Counts the pair of two figure pixels' colour bins when their coarse colours differ. */
    void add(int bin1, int bin2) {
        int a = coarse(bin1);
        int b = coarse(bin2);
        if (a == b) {
            return;
        }
        addCoarse(a, b);
    }

    /** Counts the pair of two different coarse colours ({@link #coarse}). */
    void addCoarse(int a, int b) {
        int key = Math.min(a, b) * COLOURS + Math.max(a, b);
        int mask = keys.length - 1;
        int slot = (key * 0x9E3779B1 >>> 7) & mask;
        while (keys[slot] != -1 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == -1) {
            keys[slot] = key;
            size++;
        }
        counts[slot]++;
        total++;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        double[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new double[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1) {
                int slot = (oldKeys[i] * 0x9E3779B1 >>> 7) & mask;
                while (keys[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /** The counted pairs as shares summing to 1 (empty when no pair was counted). */
    Signature signature() {
        int[] pairKeys = new int[size];
        int n = 0;
        for (int key : keys) {
            if (key != -1) {
                pairKeys[n++] = key;
            }
        }
        Arrays.sort(pairKeys);
        float[] shares = new float[size];
        int mask = keys.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = (pairKeys[i] * 0x9E3779B1 >>> 7) & mask;
            while (keys[slot] != pairKeys[i]) {
                slot = (slot + 1) & mask;
            }
            shares[i] = (float) (counts[slot] / total);
        }
        return new Signature(pairKeys, shares);
    }

    /**
     * Pair counts over a known, small set of coarse colours (a figure's own colours: a few dozen), in a dense table
     * indexed by the two colours' places in that set: one increment per pair instead of a probe of the open-addressing
     * table. Gives the same signature as counting the same pairs with {@link #addCoarse}.
     */
    static final class PairCounts {
        private final int[] colours;
        private final int[] counts;

        /** @param colours the coarse colours pairs may have, ascending */
        PairCounts(int[] colours) {
            this.colours = colours;
            this.counts = new int[colours.length * colours.length];
        }

        /** Counts the pair of the {@code i}-th and {@code j}-th colours (different). */
        void add(int i, int j) {
            counts[Math.min(i, j) * colours.length + Math.max(i, j)]++;
        }

        /** The counted pairs as shares summing to 1, as {@link ColourAdjacency#signature()} gives them. */
        Signature signature() {
            int n = colours.length;
            int size = 0;
            long total = 0;
            for (int count : counts) {
                size += count != 0 ? 1 : 0;
                total += count;
            }
            int[] pairKeys = new int[size];
            float[] shares = new float[size];
            int k = 0;
            // Row i holds the pairs whose lower colour is colours[i]: ascending rows and columns give ascending keys.
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    int count = counts[i * n + j];
                    if (count != 0) {
                        pairKeys[k] = colours[i] * COLOURS + colours[j];
                        shares[k++] = (float) (count / (double) total);
                    }
                }
            }
            return new Signature(pairKeys, shares);
        }
    }

    /** Smallest figure height a sheet's signature is computed for; frames are compared with the nearest height. */
    static final int SMALLEST_HEIGHT = 40;

    /**
     * A signature of a figure of {@code height} pixels.
     *
     * @param height      the figure's height the signature was computed at
     * @param signature   its signature
     * @param reliability the intersection of this signature with the one a halving of resolution away (the next
     *                    larger level, or for the largest the next smaller): how much of the signature survives a
     *                    change of resolution alone; 1 when there is no other level
     */
    record Scaled(int height, Signature signature, double reliability) {
    }

    /**
     * Signatures of a sheet figure at its own size and shrunk by halves down to {@link #SMALLEST_HEIGHT}: each level
     * averages the colours of the figure's pixels in each cell (as a resampling renderer does, so that thin lines blend
     * into their neighbours) and keeps the cells at least half covered by the figure.
     *
     * @param argb the sheet image
     * @param mask the figure's pixels
     * @param w    the image width
     */
    static Scaled[] pyramid(int[] argb, boolean[] mask, int w, int x0, int y0, int width, int height) {
        java.util.List<Scaled> levels = new java.util.ArrayList<>();
        levels.add(new Scaled(height, of(argb, mask, w, x0, y0, width, height), 1));
        for (int target = height / 2; target >= SMALLEST_HEIGHT; target /= 2) {
            double scale = height / (double) target;
            int tw = Math.max(1, (int) Math.round(width / scale));
            int[] small = new int[tw * target];
            boolean[] smallMask = new boolean[tw * target];
            for (int ty = 0; ty < target; ty++) {
                int sy0 = y0 + (int) (ty * scale);
                int sy1 = Math.max(sy0 + 1, y0 + (int) ((ty + 1) * scale));
                for (int tx = 0; tx < tw; tx++) {
                    int sx0 = x0 + (int) (tx * scale);
                    int sx1 = Math.min(x0 + width, Math.max(sx0 + 1, x0 + (int) ((tx + 1) * scale)));
                    long r = 0;
                    long g = 0;
                    long b = 0;
                    int in = 0;
                    int all = 0;
                    for (int y = sy0; y < sy1; y++) {
                        for (int x = sx0; x < sx1; x++) {
                            all++;
                            if (mask[y * w + x]) {
                                int p = argb[y * w + x];
                                r += p >> 16 & 255;
                                g += p >> 8 & 255;
                                b += p & 255;
                                in++;
                            }
                        }
                    }
                    if (in * 2 >= all && in > 0) {
                        small[ty * tw + tx] = 0xFF000000 | (int) (r / in) << 16 | (int) (g / in) << 8 | (int) (b / in);
                        smallMask[ty * tw + tx] = true;
                    }
                }
            }
            levels.add(new Scaled(target, of(small, smallMask, tw, 0, 0, tw, target), 1));
        }
        Scaled[] out = new Scaled[levels.size()];
        for (int i = 0; i < out.length; i++) {
            Scaled level = levels.get(i);
            int other = i == 0 ? 1 : i - 1;
            double reliability = other < out.length
                    ? level.signature().intersection(levels.get(other).signature()) : 1;
            out[i] = new Scaled(level.height(), level.signature(), reliability);
        }
        return out;
    }

    /** The signature of the figure pixels ({@code mask}) inside the box (x0, y0, width, height) of an image. */
    static Signature of(int[] argb, boolean[] mask, int w, int x0, int y0, int width, int height) {
        ColourAdjacency adjacency = new ColourAdjacency();
        int d = distance(height);
        int x1 = x0 + width;
        int y1 = y0 + height;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int at = y * w + x;
                if (!mask[at]) {
                    continue;
                }
                int bin = ColourSpace.bin(argb[at]);
                if (x + d < x1 && mask[at + d]) {
                    adjacency.add(bin, ColourSpace.bin(argb[at + d]));
                }
                if (y + d < y1 && mask[at + d * w]) {
                    adjacency.add(bin, ColourSpace.bin(argb[at + d * w]));
                }
            }
        }
        return adjacency.signature();
    }

    /**
     * A sparse adjacency signature.
     *
     * @param pairs  pair keys ({@code low colour * COLOURS + high colour}), ascending
     * @param shares each pair's share of all counted pairs
     */
    record Signature(int[] pairs, float[] shares) {

        /** Histogram intersection (Swain and Ballard): 1 for equal signatures, 0 when no pair is shared. */
        double intersection(Signature other) {
            double sum = 0;
            int i = 0;
            int j = 0;
            while (i < pairs.length && j < other.pairs.length) {
                if (pairs[i] == other.pairs[j]) {
                    sum += Math.min(shares[i], other.shares[j]);
                    i++;
                    j++;
                } else if (pairs[i] < other.pairs[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return sum;
        }
    }
}
