package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.Raster;

/**
 * The classic 64-bit DCT perceptual hash (pHash) of a whole image [1]: luma reduced to 32x32 by area averaging, 2-D
 * DCT-II, the 8x8 lowest frequencies without the DC term compared to their median.
 *
 * <p>OnModel's scoring does not use it; it is the naive baseline the evaluation and benchmark compare against,
 * because it is what "perceptual hash against the sheet" means in most tools.
 *
 * <p>[1] C. Zauner, "Implementation and Benchmarking of Perceptual Image Hash Functions", Upper Austria University of
 * Applied Sciences, 2010, section 3.2.
 */
public final class PerceptualHash {

    private static final int SIZE = 32;
    private static final double[][] COSINES = new double[8][SIZE];

    static {
        for (int u = 0; u < 8; u++) {
            for (int x = 0; x < SIZE; x++) {
                COSINES[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIZE));
            }
        }
    }

    private PerceptualHash() {
    }

    /**
     * @param image not modified; transparent pixels are composited over mid grey
     */
    public static long of(Raster image) {
        double[] luma = new double[SIZE * SIZE];
        double[] weight = new double[SIZE * SIZE];
        int w = image.width();
        int h = image.height();
        for (int y = 0; y < h; y++) {
            int cy = y * SIZE / h;
            for (int x = 0; x < w; x++) {
                int p = image.argb()[y * w + x];
                double a = (p >>> 24) / 255.0;
                double l = 0.299 * (p >> 16 & 255) + 0.587 * (p >> 8 & 255) + 0.114 * (p & 255);
                int cell = cy * SIZE + x * SIZE / w;
                luma[cell] += a * l + (1 - a) * 128;
                weight[cell]++;
            }
        }
        for (int i = 0; i < luma.length; i++) {
            luma[i] = weight[i] == 0 ? 128 : luma[i] / weight[i];
        }
        double[] coefficients = new double[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    double rowSum = 0;
                    for (int x = 0; x < SIZE; x++) {
                        rowSum += luma[y * SIZE + x] * COSINES[u][x];
                    }
                    sum += rowSum * COSINES[v][y];
                }
                coefficients[v * 8 + u] = sum;
            }
        }
        double[] sorted = java.util.Arrays.copyOfRange(coefficients, 1, 64);
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        long hash = 0;
        for (int i = 0; i < 64; i++) {
            if (i > 0 && coefficients[i] > median) {
                hash |= 1L << i;
            }
        }
        return hash;
    }

    /** Similarity 0-100: 100 minus the Hamming distance in percent of the 63 used bits. */
    public static double similarity(long a, long b) {
        return 100.0 * (1 - Long.bitCount(a ^ b) / 63.0);
    }
}
