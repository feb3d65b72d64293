package dev.onmodel.core.editorial.fcpxml;

import dev.onmodel.core.time.FrameRate;

/**
 * FCPXML rational time: a whole number of frames written as seconds, exact. Integer rates use FCP's own
 * hundredths ({@code 100/2400s} per frame at 24), NTSC rates their {@code 1001/N000s}; a whole second count is
 * written {@code 3600s}. Exact {@code long} maths: no time ever falls between frames.
 */
final class FcpxmlTime {

    private FcpxmlTime() {
    }

    /** {@code frames} at {@code rate} as an FCPXML time value. */
    static String of(long frames, FrameRate rate) {
        long perFrame;
        long denominator;
        if (rate.denominator() == 1) {
            perFrame = 100;
            denominator = Math.multiplyExact(rate.numerator(), 100L);
        } else {
            perFrame = rate.denominator();
            denominator = rate.numerator();
        }
        long numerator = Math.multiplyExact(frames, perFrame);
        if (numerator % denominator == 0) {
            return numerator / denominator + "s";
        }
        return numerator + "/" + denominator + "s";
    }

    /** The duration of one frame ({@code 100/2400s}, {@code 1001/24000s}). */
    static String frameDuration(FrameRate rate) {
        return rate.denominator() == 1 ? "100/" + rate.numerator() * 100 + "s" : rate.denominator() + "/" + rate.numerator() + "s";
    }
}
