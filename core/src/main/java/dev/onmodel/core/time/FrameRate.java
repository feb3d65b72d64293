package dev.onmodel.core.time;

import java.util.List;
import java.util.Objects;

/**
 * A frame rate as an exact rational number of frames per second ({@code 24000/1001}, never {@code 23.976}).
 *
 * <p>Rates are kept in lowest terms so that two spellings of one rate ({@code 48/2} and {@code 24/1}) are
 * equal. Time in OnModel is counted in integer frames at such a rate; seconds appear only when talking to a
 * format that insists on them, and then as exact fractions.
 */
public final class FrameRate {

    public static final FrameRate FPS_23_976 = new FrameRate(24000, 1001);
    public static final FrameRate FPS_24 = new FrameRate(24, 1);
    public static final FrameRate FPS_25 = new FrameRate(25, 1);
    public static final FrameRate FPS_29_97 = new FrameRate(30000, 1001);
    public static final FrameRate FPS_30 = new FrameRate(30, 1);
    public static final FrameRate FPS_48 = new FrameRate(48, 1);
    public static final FrameRate FPS_50 = new FrameRate(50, 1);
    public static final FrameRate FPS_59_94 = new FrameRate(60000, 1001);
    public static final FrameRate FPS_60 = new FrameRate(60, 1);

    /** The rates editorial tools agree on; every exporter and the timecode maths are tested at each. */
    public static final List<FrameRate> STANDARD =
            List.of(FPS_23_976, FPS_24, FPS_25, FPS_29_97, FPS_30, FPS_48, FPS_50, FPS_59_94, FPS_60);

    private final long numerator;
    private final long denominator;

    private FrameRate(long numerator, long denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /**
     * The rate {@code numerator/denominator} frames per second, reduced to lowest terms.
     *
     * @throws IllegalArgumentException when either part is not positive
     */
    public static FrameRate of(long numerator, long denominator) {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("frame rate must be positive, got " + numerator + "/" + denominator);
        }
        long gcd = gcd(numerator, denominator);
        return new FrameRate(numerator / gcd, denominator / gcd);
    }

    /** A whole number of frames per second. */
    public static FrameRate of(int framesPerSecond) {
        return of(framesPerSecond, 1);
    }

    /**
     * Reads a rate the way people and pipelines write it: {@code 24}, {@code 24000/1001}, {@code 23.976},
     * {@code 29.97}, {@code 59.94} (the three NTSC decimals map to their exact /1001 rates), or a whole decimal
     * such as {@code 25.0}.
     *
     * @throws IllegalArgumentException naming the text when it is not a rate
     */
    public static FrameRate parse(String text) {
        String t = Objects.requireNonNull(text, "rate").trim();
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                return of(Long.parseLong(t.substring(0, slash).trim()), Long.parseLong(t.substring(slash + 1).trim()));
            }
            switch (t) {
                case "23.976": case "23.98": return FPS_23_976;
                case "29.97": return FPS_29_97;
                case "59.94": return FPS_59_94;
                default: break;
            }
            java.math.BigDecimal value = new java.math.BigDecimal(t);
            if (value.stripTrailingZeros().scale() <= 0) {
                return of(value.longValueExact(), 1);
            }
            // Any other decimal is taken as exactly what it says (e.g. 12.5 = 25/2).
            java.math.BigDecimal unscaled = new java.math.BigDecimal(value.unscaledValue());
            return of(unscaled.longValueExact(), java.math.BigInteger.TEN.pow(value.scale()).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a frame rate: '" + text
                    + "' (use e.g. 24, 25, 23.976, 29.97 or 24000/1001)", e);
        }
    }

    public long numerator() {
        return numerator;
    }

    public long denominator() {
        return denominator;
    }

    /** The whole number of frames per second a timecode counts at: 24 for 23.976, 30 for 29.97, 60 for 59.94. */
    public int nominalFramesPerSecond() {
        return (int) Math.round((double) numerator / denominator);
    }

    /** True for the rates that SMPTE allows to be labelled drop-frame: 29.97 and 59.94. */
    public boolean supportsDropFrame() {
        return denominator == 1001 && (numerator == 30000 || numerator == 60000);
    }

    /** True for the NTSC-style rates {@code N*1000/1001}. */
    public boolean isNtsc() {
        return denominator == 1001 && numerator % 1000 == 0;
    }

    /** The rate as a decimal, for display and for formats that only accept floats (OTIO); never for maths. */
    public double toDouble() {
        return (double) numerator / denominator;
    }

    /** The duration of one frame in seconds, as the exact fraction {@code denominator/numerator} ("1001/24000s"). */
    public String frameDurationFraction() {
        return denominator + "/" + numerator + "s";
    }

    /**
     * The rate as people say it: "24", "23.976", "29.97".
     */
    public String displayName() {
        if (denominator == 1) {
            return Long.toString(numerator);
        }
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(numerator)
                .divide(java.math.BigDecimal.valueOf(denominator), 3, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return value.toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameRate other && other.numerator == numerator && other.denominator == denominator;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(numerator) * 31 + Long.hashCode(denominator);
    }

    /** The exact form, {@code 24000/1001} or {@code 24}, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
