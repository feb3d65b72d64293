package dev.onmodel.core.consistency.decode;

import java.io.IOException;

/**
 * The PNG row filters undone (W3C PNG Specification, Third Edition, section 9), in place, row by row; and for the rows
 * a subsampled read keeps, the same loops handing out every {@code step}-th pixel as they go.
 *
 * <p>Why the handing out is fused into the filter: Sub, Average and Paeth are chains in which each pixel needs the one
 * to its left, so their loop spends most of its time waiting for the previous pixel's result. Turning a sampled pixel
 * into an ARGB value or a colour code, and counting the code, needs none of that chain's results but the pixel's own,
 * so done in the same loop it runs in the cycles the chain leaves idle; done in a second pass over the row it costs
 * its own time. (Measured on the development frames, every row Paeth-filtered, 1280x720 read at step 2: unfiltering
 * alone 4.95 ms a frame, then converting and counting in a second pass 5.86, fused 5.18; fused ARGB 5.30 against 5.40
 * unfiltering alone in a second run; docs/performance.md, Speed, fifth session.) Up and None rows keep the two
 * passes: Up runs vectorised, and None has no chain to hide in.
 */
final class RowFilters {

    /** Filter type byte of Sub (each byte adds the one a pixel to its left). */
    static final byte SUB = 1;
    /** Filter type byte of Average (the mean of the bytes to the left and above). */
    static final byte AVERAGE = 3;
    /** Filter type byte of Paeth. */
    static final byte PAETH = 4;

    private RowFilters() {
    }

    /**
     * Undoes the row filter in place. {@code row} and {@code above} hold the row's bytes from index {@code bpp}
     * on, with {@code bpp} zero bytes in front: "left of the first pixel" reads as 0, as the filters define.
     */
    static void unfilter(byte filter, byte[] row, byte[] above, int bpp, int rowBytes, int y)
            throws IOException {
        int end = bpp + rowBytes;
        switch (filter) {
            case 0 -> {
            }
            case 1 -> {
                if (bpp == 3) {
                    subSampled(row, end, 0, null);
                } else if (bpp == 4) {
                    subFourBytes(row, end);
                } else {
                    for (int i = bpp; i < end; i++) {
                        row[i] += row[i - bpp];
                    }
                }
            }
            case 2 -> {
                for (int i = bpp; i < end; i++) {
                    row[i] += above[i];
                }
            }
            case 3 -> {
                if (bpp == 3) {
                    averageSampled(row, above, end, 0, null);
                } else if (bpp == 4) {
                    averageFourBytes(row, above, end);
                } else {
                    for (int i = bpp; i < end; i++) {
                        row[i] += (byte) (((row[i - bpp] & 0xFF) + (above[i] & 0xFF)) >>> 1);
                    }
                }
            }
            case 4 -> {
                if (bpp == 3) {
                    paethSampled(row, above, end, 0, null);
                } else if (bpp == 4) {
                    paethFourBytes(row, above, end);
                } else {
                    for (int i = bpp; i < end; i++) {
                        row[i] += (byte) paeth(row[i - bpp] & 0xFF, above[i] & 0xFF, above[i - bpp] & 0xFF);
                    }
                }
            }
            default -> throw new IOException("damaged image data: unknown filter type " + (filter & 0xFF)
                    + " in row " + y);
        }
    }

    /** Paeth for 8-bit RGBA and 16-bit grey+alpha; see {@link #paethSampled}. */
    private static void paethFourBytes(byte[] row, byte[] above, int end) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        int c3 = 0;
        for (int i = 4; i + 3 < end; i += 4) {
            int b0 = above[i] & 0xFF;
            int b1 = above[i + 1] & 0xFF;
            int b2 = above[i + 2] & 0xFF;
            int b3 = above[i + 3] & 0xFF;
            if (b0 == c0 && b1 == c1 && b2 == c2 && b3 == c3) {
                a0 = (row[i] + a0) & 0xFF;
                a1 = (row[i + 1] + a1) & 0xFF;
                a2 = (row[i + 2] + a2) & 0xFF;
                a3 = (row[i + 3] + a3) & 0xFF;
            } else {
                a0 = (row[i] + paeth(a0, b0, c0)) & 0xFF;
                a1 = (row[i + 1] + paeth(a1, b1, c1)) & 0xFF;
                a2 = (row[i + 2] + paeth(a2, b2, c2)) & 0xFF;
                a3 = (row[i + 3] + paeth(a3, b3, c3)) & 0xFF;
            }
            row[i] = (byte) a0;
            row[i + 1] = (byte) a1;
            row[i + 2] = (byte) a2;
            row[i + 3] = (byte) a3;
            c0 = b0;
            c1 = b1;
            c2 = b2;
            c3 = b3;
        }
    }

    /**
     * The Paeth predictor of left {@code a}, above {@code b} and upper left {@code c}. Written with the
     * differences to {@code c} (p - a = b - c, p - b = a - c) and an early answer when above and upper left are
     * equal, the common case on flat backgrounds. A branch-free select was measured slower: on real frames the
     * branches are predictable.
     */
    private static int paeth(int a, int b, int c) {
        int towardsB = b - c;
        if (towardsB == 0) {
            return a;
        }
        int towardsA = a - c;
        int pa = Math.abs(towardsB);
        int pb = Math.abs(towardsA);
        int pc = Math.abs(towardsA + towardsB);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /** Sub for 4-byte pixels; see {@link #subSampled}. */
    private static void subFourBytes(byte[] row, int end) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        for (int i = 4; i + 3 < end; i += 4) {
            a0 = (row[i] + a0) & 0xFF;
            a1 = (row[i + 1] + a1) & 0xFF;
            a2 = (row[i + 2] + a2) & 0xFF;
            a3 = (row[i + 3] + a3) & 0xFF;
            row[i] = (byte) a0;
            row[i + 1] = (byte) a1;
            row[i + 2] = (byte) a2;
            row[i + 3] = (byte) a3;
        }
    }

    /** Average for 4-byte pixels; see {@link #averageSampled}. */
    private static void averageFourBytes(byte[] row, byte[] above, int end) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        for (int i = 4; i + 3 < end; i += 4) {
            a0 = (row[i] + ((a0 + (above[i] & 0xFF)) >>> 1)) & 0xFF;
            a1 = (row[i + 1] + ((a1 + (above[i + 1] & 0xFF)) >>> 1)) & 0xFF;
            a2 = (row[i + 2] + ((a2 + (above[i + 2] & 0xFF)) >>> 1)) & 0xFF;
            a3 = (row[i + 3] + ((a3 + (above[i + 3] & 0xFF)) >>> 1)) & 0xFF;
            row[i] = (byte) a0;
            row[i + 1] = (byte) a1;
            row[i + 2] = (byte) a2;
            row[i + 3] = (byte) a3;
        }
    }

    /**
     * Undoes the filter of a row a subsampled read keeps, for 8-bit RGB ({@code bpp} 3), handing the pixels at byte
     * offsets {@code 3, 3 + stride, 3 + 2 * stride, ...} to {@code pixels} as it goes when the filter is Sub, Average
     * or Paeth (the filters whose loop is a chain from pixel to pixel).
     *
     * @return false when the filter is None or Up, which are left to the caller ({@link #unfilter}, then a pass over
     *         the row): they have no chain to hide the handing out in, and Up runs vectorised
     */
    static boolean unfilterSampled(byte filter, byte[] row, byte[] above, int end, int stride, SampledPixels pixels) {
        switch (filter) {
            case SUB -> subSampled(row, end, stride, pixels);
            case AVERAGE -> averageSampled(row, above, end, stride, pixels);
            case PAETH -> paethSampled(row, above, end, stride, pixels);
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Sub for 3-byte pixels, the left pixel carried in registers: read back from the row just written, each byte
     * waited for the store three bytes earlier (a 1280-pixel row of sparse detail, measured in one JVM: 9.1 us before,
     * 2.4 us now; Average 17.3 us before, 4.1 us now; Paeth, which carried them already, 5.3 us). With {@code pixels}
     * null it only unfilters: the test for a sampled pixel is then never true, and costs nothing beside the chain.
     */
    private static void subSampled(byte[] row, int end, int stride, SampledPixels pixels) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        // No pixels: a position the loop never reaches (the last pixel starts at end - 3).
        int sample = pixels == null ? end : 3;
        for (int i = 3; i + 2 < end; i += 3) {
            a0 = (row[i] + a0) & 0xFF;
            a1 = (row[i + 1] + a1) & 0xFF;
            a2 = (row[i + 2] + a2) & 0xFF;
            row[i] = (byte) a0;
            row[i + 1] = (byte) a1;
            row[i + 2] = (byte) a2;
            if (i == sample) {
                pixels.add(a0, a1, a2);
                sample += stride;
            }
        }
    }

    /** Average for 3-byte pixels, the left pixel carried in registers; see {@link #subSampled}. */
    private static void averageSampled(byte[] row, byte[] above, int end, int stride, SampledPixels pixels) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        // No pixels: a position the loop never reaches (the last pixel starts at end - 3).
        int sample = pixels == null ? end : 3;
        for (int i = 3; i + 2 < end; i += 3) {
            a0 = (row[i] + ((a0 + (above[i] & 0xFF)) >>> 1)) & 0xFF;
            a1 = (row[i + 1] + ((a1 + (above[i + 1] & 0xFF)) >>> 1)) & 0xFF;
            a2 = (row[i + 2] + ((a2 + (above[i + 2] & 0xFF)) >>> 1)) & 0xFF;
            row[i] = (byte) a0;
            row[i + 1] = (byte) a1;
            row[i + 2] = (byte) a2;
            if (i == sample) {
                pixels.add(a0, a1, a2);
                sample += stride;
            }
        }
    }

    /**
     * Paeth for 3-byte pixels: the left and upper-left samples stay in registers instead of being read back from the
     * row just written, which shortens the dependency chain from one pixel to the next (the filter's cost is that
     * chain: each pixel's prediction needs the previous pixel's result). See {@link #subSampled} for {@code pixels}.
     */
    private static void paethSampled(byte[] row, byte[] above, int end, int stride, SampledPixels pixels) {
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        // No pixels: a position the loop never reaches (the last pixel starts at end - 3).
        int sample = pixels == null ? end : 3;
        for (int i = 3; i + 2 < end; i += 3) {
            int b0 = above[i] & 0xFF;
            int b1 = above[i + 1] & 0xFF;
            int b2 = above[i + 2] & 0xFF;
            if (b0 == c0 && b1 == c1 && b2 == c2) {
                a0 = (row[i] + a0) & 0xFF;
                a1 = (row[i + 1] + a1) & 0xFF;
                a2 = (row[i + 2] + a2) & 0xFF;
            } else {
                a0 = (row[i] + paeth(a0, b0, c0)) & 0xFF;
                a1 = (row[i + 1] + paeth(a1, b1, c1)) & 0xFF;
                a2 = (row[i + 2] + paeth(a2, b2, c2)) & 0xFF;
            }
            row[i] = (byte) a0;
            row[i + 1] = (byte) a1;
            row[i + 2] = (byte) a2;
            c0 = b0;
            c1 = b1;
            c2 = b2;
            if (i == sample) {
                pixels.add(a0, a1, a2);
                sample += stride;
            }
        }
    }

    /**
     * Where the sampled pixels of a row go: ARGB values into a raster, or colour codes ({@link ColourCodeRows#code})
     * into a buffer, each counted.
     */
    static final class SampledPixels {
        private final int[] out;
        private final boolean coded;
        private final int key;
        private final int[] even;
        private final int[] odd;
        private int o;

        private SampledPixels(int[] out, boolean coded, int key, int[] even, int[] odd) {
            this.out = out;
            this.coded = coded;
            this.key = key;
            this.even = even;
            this.odd = odd;
        }

        /**
         * ARGB values, opaque but for the pixels of the tRNS chunk's colour.
         *
         * @param key the 24-bit RGB value the tRNS chunk makes transparent, or -1: such pixels get alpha 0
         */
        static SampledPixels argb(int[] out, int key) {
            return new SampledPixels(out, false, key, null, null);
        }

        /**
         * Colour codes, counted: a code written at an even position of {@code codes} into {@code even}, the others
         * into {@code odd} (two tables, so that a run of one colour does not make each increment wait for the one
         * before).
         */
        static SampledPixels codes(int[] codes, int[] even, int[] odd) {
            return new SampledPixels(codes, true, -1, even, odd);
        }

        /** The next pixel handed out goes to {@code position} of the output. */
        void moveTo(int position) {
            o = position;
        }

        void add(int red, int green, int blue) {
            if (coded) {
                int code = (red & 0xF0) << 4 | green & 0xF0 | blue >> 4;
                out[o] = code;
                ((o & 1) == 0 ? even : odd)[code]++;
            } else {
                int rgb = red << 16 | green << 8 | blue;
                out[o] = rgb == key ? rgb : 0xFF000000 | rgb;
            }
            o++;
        }
    }
}
