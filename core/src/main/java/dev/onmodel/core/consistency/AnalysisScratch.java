package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.ColourCodeRows;

/**
 * Per-thread working buffers of one frame's analysis: the colour bins of the frame and the search grids, about 1.6 MB
 * for a 640x360 working frame, kept as long as the thread lives.
 *
 * <p>Why: they were allocated afresh for every frame, and the allocation (zeroing megabytes of fresh memory per frame)
 * stood out in the profiles. A buffer is only reallocated when the working size changes, which it does not within a
 * shot. Nothing of it outlives the analysis of a frame: {@link FramePixels} and the grids are dropped before
 * {@link ConsistencyEngine#analyze} returns, and only newly allocated results leave it, so reusing the buffers for
 * the thread's next frame is safe.
 */
final class AnalysisScratch {

    private static final ThreadLocal<AnalysisScratch> PER_THREAD = ThreadLocal.withInitial(AnalysisScratch::new);

    private int[] bins = new int[0];
    private final int[][] binCounts = new int[ColourCodeRows.TABLES][ColourSpace.BINS];
    private float[] cells = new float[0];
    private float[] left = new float[0];
    private float[] right = new float[0];
    private float[] line = new float[0];
    private final float[][] rows = {new float[0], new float[0], new float[0]};
    private float[] density = new float[0];
    private double[] prefix = new double[0];
    private double[] integral = new double[0];
    private int integralWidth;
    // Buffers of the per-character measurement (FrameAnalyzer).
    private float[] rowMax = new float[0];
    private double[] blocks = new double[0];

    private AnalysisScratch() {
    }

    /** The calling thread's buffers. */
    static AnalysisScratch get() {
        return PER_THREAD.get();
    }

    /** Colour bins of a frame of {@code n} pixels (contents left from the previous frame). */
    int[] bins(int n) {
        bins = bins.length == n ? bins : new int[n];
        return bins;
    }

    /**
     * Four count tables of {@link ColourSpace#BINS} entries for counting a frame's bins ({@link FramePixels.Binning});
     * contents left from the previous frame.
     */
    int[][] binCounts() {
        return binCounts;
    }

    /** One grid row's gathered evidence. */
    float[] cells(int n) {
        cells = sized(cells, n);
        return cells;
    }

    /** One grid row's gathered evidence shifted right by one cell. */
    float[] left(int n) {
        left = sized(left, n);
        return left;
    }

    /** One grid row's gathered evidence shifted left by one cell. */
    float[] right(int n) {
        right = sized(right, n);
        return right;
    }

    /** One row of the density grid. */
    float[] line(int n) {
        line = sized(line, n);
        return line;
    }

    /** Rolling buffer {@code k} (0..2) of grid rows averaged horizontally. */
    float[] row(int k, int n) {
        rows[k] = sized(rows[k], n);
        return rows[k];
    }

    /** The search grid's local evidence density. */
    float[] density(int n) {
        density = sized(density, n);
        return density;
    }

    /** One grid row's running sum. */
    double[] prefix(int n) {
        prefix = prefix.length == n ? prefix : new double[n];
        return prefix;
    }

    /**
     * The summed-area table of a {@code gw} x {@code gh} grid ({@code (gw + 1) * (gh + 1)} entries). Its first row and
     * column must be zero: they are never written, so a table reused for a grid of the same shape still has them zero
     * (a grid of another shape with as many entries gets a new one).
     */
    double[] integral(int gw, int gh) {
        int n = (gw + 1) * (gh + 1);
        if (integral.length != n || integralWidth != gw) {
            integral = new double[n];
            integralWidth = gw;
        }
        return integral;
    }

    // Buffers of the per-character measurement (FrameAnalyzer).

    /** The summed-area table at block corners, for the coarse window search (every entry is written before use). */
    double[] blocks(int n) {
        blocks = blocks.length == n ? blocks : new double[n];
        return blocks;
    }

    /** Each density row's largest value. */
    float[] rowMax(int n) {
        rowMax = sized(rowMax, n);
        return rowMax;
    }

    /** {@code buffer} when it has {@code n} entries, else a new one that has (contents are the caller's to write). */
    private static float[] sized(float[] buffer, int n) {
        return buffer.length == n ? buffer : new float[n];
    }
}
