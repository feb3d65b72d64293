package dev.onmodel.core.consistency.decode;

/**
 * Receives a frame reduced to 12-bit colour codes ({@link #code}), one sampled row at a time, from
 * {@link FrameDecoder#readColourCodes}.
 *
 * <p>Why: the analysis only ever looks at a pixel's colour code, so scoring reads frames this way instead of through an
 * ARGB {@link Raster} that is written once and read once more to code it. The decoder writes the codes of each sampled
 * row straight into the receiver's buffer and hands the row over while it is still in the cache.
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
     * Called once, when the working size is known and before any row.
     *
     * @return a buffer of exactly {@code width * height} entries to receive the codes, row-major (its contents may be
     *         anything: every entry is written)
     */
    int[] begin(int width, int height);

    /** The codes of one row are in {@code codes[from, to)} of the buffer {@link #begin} returned, just written. */
    void row(int[] codes, int from, int to);
}
