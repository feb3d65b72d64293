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
 * signature is kept sparse (an open-addressing count table while counting, sorted pairs afterwards).
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
