package dev.onmodel.core.consistency.decode;

/**
 * Receives a frame reduced to 12-bit colour codes ({@link #code}), and the number of its pixels of each code, from
 * {@link FrameDecoder#readColourCodes}.
 *
 * <p>Why: the analysis only ever looks at a pixel's colour code and the frame's count of each code, so scoring reads
 * frames this way instead of through an ARGB {@link Raster} that is written once and read once more to code it. The
 * decoder writes the codes of each sampled row straight into the receiver's buffer and counts them as it goes: for
 * the rows whose filter is a chain from pixel to pixel, inside the loop that undoes the filter ({@code RowFilters}),
 * otherwise right after the row, while it is still in the cache.
 */
public interface ColourCodeRows {

    /**
     * The colour code of a packed {@code 0xAARRGGBB} pixel: the high 4 bits of red, green and blue, red highest (alpha
     * is ignored). Decoding a file through {@link FrameDecoder#readColourCodes} gives, pixel for pixel, the code of what
     * {@link FrameDecoder#readSubsampled} gives.
     */
    static int code(int argb) {
        return (argb >> 12 & 0xF00) | (argb >> 8 & 0xF0) | (argb >> 4 & 0xF);
    }

    /**
     * Called once, when the working size is known and before any code is written; the tables {@link #counts} returns
     * must be all zero when it returns.
     *
     * @return a buffer of exactly {@code width * height} entries to receive the codes, row-major (its contents may be
     *         anything: every entry is written)
     */
    int[] begin(int width, int height);

    /**
     * {@link #TABLES} tables of 4096 entries, one per code, into which the decoder counts every code it writes, each
     * into any one of the tables: the number of pixels of a code is the sum of its entries. (Several tables, because a
     * frame repeats one colour pixel after pixel, and each increment of a single entry would wait for the one before
     * it.) Asked for after {@link #begin}.
     */
    int[][] counts();

    /** How many tables {@link #counts} holds. */
    int TABLES = 4;

    /**
     * Counts {@code codes[from, to)} into {@code tables} ({@link #counts}), the four of them in turn (measured when
     * the whole frame was counted in one pass, on the development and noisy frames: 0.13 and 0.10 ms a frame against
     * 0.16 and 0.20 with one table, 0.15 with two).
     */
    static void count(int[] codes, int from, int to, int[][] tables) {
        int[] first = tables[0];
        int[] second = tables[1];
        int[] third = tables[2];
        int[] fourth = tables[3];
        int i = from;
        for (; i + 3 < to; i += 4) {
            first[codes[i]]++;
            second[codes[i + 1]]++;
            third[codes[i + 2]]++;
            fourth[codes[i + 3]]++;
        }
        for (; i < to; i++) {
            first[codes[i]]++;
        }
    }
}
