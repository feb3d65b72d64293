package dev.onmodel.core.consistency;

/**
 * Spatial moments of a figure's pixels grouped by coarse colour (64 bins, 2 bits per sRGB channel): roughly one group
 * per costume part (hair, skin, coat, boots).
 *
 * <p>Why: a character in another pose moves its limbs, which changes the proportions of its whole silhouette, but
 * each part keeps its own proportions (a coat stays as wide relative to its height). A non-uniform stretch changes
 * every part's proportions by the same factor, so the median over parts of the change in horizontal-over-vertical
 * spread estimates the stretch while ignoring the parts that moved. Variances are unchanged by mirroring and their
 * ratio by uniform scaling.
 */
final class PartMoments {

    static final int PARTS = 64;

    // Integer sums: they are what the sums of integer coordinates in doubles were, to the last bit (all far below
    // 2^53), and an integer addition waits less for the one before it than a floating-point one.
    private final long[] n = new long[PARTS];
    private final long[] sx = new long[PARTS];
    private final long[] sy = new long[PARTS];
    private final long[] sxx = new long[PARTS];
    private final long[] syy = new long[PARTS];

    static int coarse(int bin) {
        return (bin >> 10 & 3) << 4 | (bin >> 6 & 3) << 2 | (bin >> 2 & 3);
    }

    void add(int bin, int x, int y) {
        int p = coarse(bin);
        n[p]++;
        sx[p] += x;
        sy[p] += y;
        sxx[p] += (long) x * x;
        syy[p] += (long) y * y;
    }

    /** Adds {@code other}'s pixels to these (integer sums: the result is as if they had been added one by one). */
    void add(PartMoments other) {
        for (int p = 0; p < PARTS; p++) {
            n[p] += other.n[p];
            sx[p] += other.sx[p];
            sy[p] += other.sy[p];
            sxx[p] += other.sxx[p];
            syy[p] += other.syy[p];
        }
    }

    private double total() {
        double t = 0;
        for (long v : n) {
            t += v;
        }
        return t;
    }

    /** log of (horizontal variance / vertical variance) of part {@code p}, NaN when it is too small or a line. */
    private double logAnisotropy(int p, double minPixels) {
        if (n[p] < minPixels) {
            return Double.NaN;
        }
        double count = n[p];
        double vx = sxx[p] / count - (sx[p] / count) * (sx[p] / count);
        double vy = syy[p] / count - (sy[p] / count) * (sy[p] / count);
        if (vx < 1 || vy < 1) {
            return Double.NaN;
        }
        return 0.5 * Math.log(vx / vy);
    }

    /**
     * The weighted median, over parts present in both, of log(this part's horizontal/vertical spread ratio over the
     * reference's): about log(1.5) for a figure stretched 1.5 times wider, 0 for the same figure at any size or
     * mirrored. NaN when fewer than two parts can be compared.
     */
    double stretchAgainst(PartMoments reference) {
        double totalHere = total();
        double totalThere = reference.total();
        double[] values = new double[PARTS];
        double[] weights = new double[PARTS];
        int k = 0;
        for (int p = 0; p < PARTS; p++) {
            double shareHere = n[p] / totalHere;
            double shareThere = reference.n[p] / totalThere;
            if (shareHere < 0.03 || shareThere < 0.03) {
                continue;
            }
            double here = logAnisotropy(p, 12);
            double there = reference.logAnisotropy(p, 12);
            if (Double.isNaN(here) || Double.isNaN(there)) {
                continue;
            }
            values[k] = here - there;
            weights[k] = Math.min(shareHere, shareThere);
            k++;
        }
        if (k < 2) {
            return Double.NaN;
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double half = 0;
        for (int i = 0; i < k; i++) {
            half += weights[i];
        }
        half /= 2;
        double seen = 0;
        for (Integer i : order) {
            seen += weights[i];
            if (seen >= half) {
                return values[i];
            }
        }
        return values[order[k - 1]];
    }
}
