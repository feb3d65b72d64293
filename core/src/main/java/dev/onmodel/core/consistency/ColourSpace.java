package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.ColourCodeRows;

/**
 * Colour quantisation and CIELAB conversion shared by the analysis.
 *
 * <p>Pixels are binned on 4 bits per sRGB channel (4096 bins): coarse enough to absorb compression noise and
 * anti-aliasing, fine enough that a costume recolour moves pixels to other bins. Distances between bins are
 * measured in CIELAB (CIE 1976, D65 white), where Euclidean distance approximates perceived difference [1].
 *
 * <p>[1] CIE 15:2004 Colorimetry, 3rd ed.; sRGB transfer function from IEC 61966-2-1:1999.
 */
final class ColourSpace {

    /** Number of colour bins. */
    static final int BINS = 4096;

    /** CIELAB L*, a*, b* of each bin's centre: {@code LAB[3 * bin + k]}. */
    private static final float[] LAB = new float[BINS * 3];

    static {
        for (int bin = 0; bin < BINS; bin++) {
            int r = ((bin >> 8) & 15) * 17;
            int g = ((bin >> 4) & 15) * 17;
            int b = (bin & 15) * 17;
            double[] lab = toLab(r, g, b);
            LAB[3 * bin] = (float) lab[0];
            LAB[3 * bin + 1] = (float) lab[1];
            LAB[3 * bin + 2] = (float) lab[2];
        }
    }

    private ColourSpace() {
    }

    /**
     * The bin of a packed RGB pixel (alpha ignored): the decoder's colour code, so that frames decoded straight into
     * codes ({@link dev.onmodel.core.consistency.decode.FrameDecoder#readColourCodes}) and rasters binned here agree.
     */
    static int bin(int argb) {
        return ColourCodeRows.code(argb);
    }

    static float lightness(int bin) {
        return LAB[3 * bin];
    }

    static float a(int bin) {
        return LAB[3 * bin + 1];
    }

    static float b(int bin) {
        return LAB[3 * bin + 2];
    }

    /** Squared CIELAB distance (Delta E 1976 squared) between two bins. */
    static float distanceSquared(int bin1, int bin2) {
        float dl = LAB[3 * bin1] - LAB[3 * bin2];
        float da = LAB[3 * bin1 + 1] - LAB[3 * bin2 + 1];
        float db = LAB[3 * bin1 + 2] - LAB[3 * bin2 + 2];
        return dl * dl + da * da + db * db;
    }

    /** sRGB (0-255) to CIELAB under D65. */
    static double[] toLab(int r, int g, int b) {
        double rl = linear(r / 255.0);
        double gl = linear(g / 255.0);
        double bl = linear(b / 255.0);
        double x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / 0.95047;
        double y = 0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl;
        double z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
