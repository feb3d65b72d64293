package dev.onmodel.core.consistency;

import java.util.ArrayList;
import java.util.List;

/**
 * Locates one character in a frame and measures its colour and proportion signals against each sheet view.
 *
 * <ol>
 * <li><b>Back-projection</b> (Swain and Ballard's ratio histogram [1]): every pixel gets the likelihood that its colour
 * belongs to the character, {@code min(1, sheet share / frame share)} of its colour bin, so that colours frequent in
 * the background count little even when the character also wears them.</li>
 * <li><b>Window search</b>: over windows of 8-100% of the frame height and six aspect ratios, on an integral image
 * [2] of the evidence (squared likelihood averaged over each cell's 3 x 3 neighbourhood, above its frame average:
 * a figure is a compact region of its colours, a textured background holding some of them is a scatter), the window
 * maximising
 * {@code S^2 / area^1.3} (S = summed evidence) is kept: the evidence it holds times its density, slightly favouring
 * compact windows, so it neither grows into a background sharing the character's colours nor shrinks to one colour
 * patch. Windows that cannot win are skipped by bounding their evidence with that of a larger rectangle, as in
 * branch-and-bound window search [3] (the same window is found; see {@link CoarseSearch}).</li>
 * <li><b>Figure/ground</b>: around the window, a colour counts as figure when it is at least four times as frequent inside
 * the region as in the ring of background around it. This does not depend on the sheet, so a recoloured figure is
 * still cut out and its foreign colours are seen. The box is the trimmed extent of the figure pixels.</li>
 * <li><b>Signals</b> per view: colour precision and recall with a CIELAB tolerance, coarse histogram intersection,
 * two mirror- and scale-invariant proportion measures (area over height squared, horizontal over vertical
 * spread), the detail's anisotropy ({@link ViewModel.Grain}) and the colour adjacency ({@link ColourAdjacency}).</li>
 * </ol>
 *
 * <p>[1] M. J. Swain, D. H. Ballard, "Color Indexing", International Journal of Computer Vision 7(1), 1991.
 * <br>[2] F. C. Crow, "Summed-area tables for texture mapping", SIGGRAPH 1984.
 * <br>[3] C. H. Lampert, M. B. Blaschko, T. Hofmann, "Beyond Sliding Windows: Object Localization by Efficient
 * Subwindow Search", CVPR 2008.
 */
final class FrameAnalyzer {

    private static final double[] ASPECTS = {0.22, 0.35, 0.55, 0.8, 1.15, 1.6};
    private static final double MIN_WINDOW_HEIGHT = 0.08;
    private static final double SIZE_STEP = 1.18;
    /** Colour tolerance of precision and recall, in CIELAB units (a just-noticeable difference is about 2.3). */
    private static final double SIGMA_DELTA_E = 10;
    /** A colour is figure when its density inside exceeds this multiple of its density in the surrounding ring. */
    private static final double FIGURE_CONTRAST = 4;
    /** The figure is looked for this much (share of the window size) around the window, on each side. */
    private static final double REGION = 0.3;
    /** The background ring reaches this far around the window. */
    private static final double RING = 0.9;

    private FrameAnalyzer() {
    }

    /**
     * @param pixels the frame at working resolution; not modified
     * @param scale  working-to-frame pixel scale, for the box
     */
    static CharacterAnalysis analyze(FramePixels pixels, FrameScale scale, CharacterModel model,
                                     AnalysisScratch scratch) {
        int w = pixels.width();
        int h = pixels.height();
        int[] bins = pixels.bins();
        float[] likelihood = new float[ColourSpace.BINS];
        float[] squared = new float[ColourSpace.BINS];
        double average = likelihoods(pixels, model, likelihood, squared);
        // The window is searched on every other pixel in each direction: a quarter of the work, and 2-pixel
        // precision is plenty for a box that is refined from the figure's own pixels afterwards.
        int grid = w >= 256 && h >= 128 ? 2 : 1;
        int gw = w / grid;
        int gh = h / grid;
        int[] buckets = new int[257];
        float[] rowMax = scratch.rowMax(gh);
        float[] density = localDensity(bins, w, grid, gw, gh, squared, scratch, buckets, rowMax);
        double floor = Math.max(average, quantile(buckets, gw * gh, BACKGROUND_QUANTILE));
        int[] found = searchWindow(integrate(density, rowMax, gw, gh, floor, scratch), gw, gh, scratch);
        if (found == null && floor > average) {
            // The character fills most of the frame evenly: nothing stands above the percentile, the average will do.
            found = searchWindow(integrate(density, rowMax, gw, gh, average, scratch), gw, gh, scratch);
        }
        if (found == null) {
            return notFound(model, w, h, scale);
        }
        int[] window = {found[0] * grid, found[1] * grid, found[2] * grid, found[3] * grid};
        return measure(pixels, scale, model, likelihood, window);
    }

    /**
     * Summed-area table of the evidence: the local density above {@code floor}. Each row's running sum is taken
     * first and added to the row above in a second loop, which has no dependency from one cell to the next and runs
     * vectorised. A row whose densest cell ({@code rowMax}) is at or below the floor adds nothing and is not read:
     * {@link #localDensity} does not even write the rows that are all 0.
     */
    static double[] integrate(float[] density, float[] rowMax, int gw, int gh, double floor,
                              AnalysisScratch scratch) {
        double[] integral = scratch.integral(gw, gh);
        double[] prefix = scratch.prefix(gw);
        for (int gy = 0; gy < gh; gy++) {
            if (rowMax[gy] <= floor) {
                // No cell above the floor (about half the rows): the row of the table is the one above.
                System.arraycopy(integral, gy * (gw + 1) + 1, integral, (gy + 1) * (gw + 1) + 1, gw);
                continue;
            }
            double rowSum = 0;
            int in = gy * gw;
            for (int gx = 0; gx < gw; gx++) {
                // Adding nothing leaves the sum as it is: skipping the cells at or below the floor (most of them)
                // shortens the chain of dependent additions without changing a bit.
                double evidence = density[in + gx] - floor;
                if (evidence > 0) {
                    rowSum += evidence;
                }
                prefix[gx] = rowSum;
            }
            int out = (gy + 1) * (gw + 1) + 1;
            int above = gy * (gw + 1) + 1;
            if (rowSum == 0) {
                // Nothing above the floor in this row (a good share of rows): adding zeros would copy the row above.
                System.arraycopy(integral, above, integral, out, gw);
                continue;
            }
            for (int gx = 0; gx < gw; gx++) {
                integral[out + gx] = integral[above + gx] + prefix[gx];
            }
        }
        return integral;
    }

    /**
     * Share of the search cells whose local evidence density the evidence must exceed to count (besides the frame
     * average). A background region full of the character's colours (dark noisy terrain behind a dark figure) can hold
     * a fair density over a fifth of the frame or more; only what stands above it pulls the window. A character
     * covering more than a fifth of the frame still has its densest parts above that level, and the figure's full
     * extent is recovered around the window afterwards. (Development set: 0.7 gives a pooled AUC of 0.969, 0.8 and
     * 0.85 0.972, 0.9 0.970 with more false alarms on large figures.)
     */
    private static final double BACKGROUND_QUANTILE = 0.8;

    /**
     * The {@code quantile} of the densities (0..1), to 1/256, from their counts per 1/256 ({@code buckets}, the last
     * one holding densities of 1).
     */
    private static double quantile(int[] buckets, int total, double quantile) {
        int needed = (int) Math.ceil(quantile * total);
        int seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= needed) {
                return i / 256.0;
            }
        }
        return 1;
    }

    /**
     * The squared likelihood of each search-grid cell averaged over its 3 x 3 neighbourhood (fewer at the border). A
     * character is a compact region of its colours; a textured background that happens to hold some of them (noisy
     * terrain) is a scatter of isolated pixels, whose local average stays low, while inside the figure it stays high.
     *
     * <p>The sums are taken in the same order as a plain 3 x 3 loop ((left + here) + right, then (here + above) +
     * below), so the result is the same to the last bit. The work is arranged for the JIT's vectoriser, which (in
     * Java 17) only handles loops whose reads of one array all use the same index: each row is gathered once, copied
     * shifted by one cell either way, and averaged from the three copies; the vertical average reads three separate
     * row buffers that roll down the grid. Each density row is counted per 1/256 into {@code buckets}
     * ({@link #countBuckets}) while it is still in the first-level cache.
     *
     * <p>Most of a frame holds none of the character's colours (over a third of the grid rows, in the development
     * frames): a row of cells that are all 0 averages to 0 across, and where it and its neighbours above and below
     * are all 0 the density row is all 0 too. Such a row is neither averaged nor stored (its cells count in the
     * first bucket and its {@code rowMax} is 0, and {@link #integrate} reads only rows whose maximum is above the
     * floor), which leaves every value read the same as averaging it would have.
     *
     * @param rowMax receives each density row's largest value
     * @return the density grid; the rows whose {@code rowMax} is 0 are left as they were (contents undefined)
     */
    static float[] localDensity(int[] bins, int w, int grid, int gw, int gh, float[] squared,
                                AnalysisScratch scratch, int[] buckets, float[] rowMax) {
        float[] density = scratch.density(gw * gh);
        float[] above = scratch.row(0, gw);
        float[] here = scratch.row(1, gw);
        float[] below = scratch.row(2, gw);
        boolean aboveZero = true;
        boolean hereZero = averageRow(bins, w, grid, 0, gw, squared, scratch, here);
        boolean belowZero = gh <= 1 || averageRow(bins, w, grid, 1, gw, squared, scratch, below);
        float[] line = scratch.line(gw);
        int first = 0;
        for (int gy = 0; gy < gh; gy++) {
            boolean zero = hereZero && (gy == 0 || aboveZero) && (gy + 1 == gh || belowZero);
            if (zero) {
                first += gw;
                rowMax[gy] = 0;
            } else {
                // Into a one-row buffer and then copied: the vectoriser leaves a loop storing at an offset into the
                // large grid alone.
                averageColumns(above, here, below, gy, gh, gw, line);
                System.arraycopy(line, 0, density, gy * gw, gw);
                first += countBuckets(line, gw, buckets, rowMax, gy);
            }
            float[] free = above;
            above = here;
            here = below;
            below = free;
            aboveZero = hereZero;
            hereZero = belowZero;
            belowZero = gy + 2 >= gh || averageRow(bins, w, grid, gy + 2, gw, squared, scratch, below);
        }
        buckets[0] += first;
        return density;
    }

    /** Density row {@code gy} from the rows averaged across: the average of each cell and those above and below it. */
    private static void averageColumns(float[] above, float[] here, float[] below, int gy, int gh, int gw,
                                       float[] line) {
        if (gh == 1) {
            System.arraycopy(here, 0, line, 0, gw);
        } else if (gy == 0) {
            for (int gx = 0; gx < gw; gx++) {
                line[gx] = (here[gx] + below[gx]) / 2;
            }
        } else if (gy + 1 == gh) {
            for (int gx = 0; gx < gw; gx++) {
                line[gx] = (here[gx] + above[gx]) / 2;
            }
        } else {
            for (int gx = 0; gx < gw; gx++) {
                line[gx] = (here[gx] + above[gx] + below[gx]) / 3;
            }
        }
    }

    /**
     * Counts a row of densities per 1/256. Nearly all cells (95% in the development frames, in runs of a few dozen)
     * fall in the first bucket, the background holding none of the character's colours: they are counted in a local
     * variable, and the table, whose increments of one entry wait for each other, only sees the rest.
     *
     * The row's largest value goes to {@code rowMax[gy]}.
     *
     * @return how many cells fell in the first bucket (below 1/256), not counted in {@code buckets}
     */
    private static int countBuckets(float[] line, int n, int[] buckets, float[] rowMax, int gy) {
        int first = 0;
        float max = 0;
        for (int i = 0; i < n; i++) {
            float v = line[i];
            if (v > max) {
                max = v;
            }
            if (v < 1f / 256) {
                first++;
            } else {
                buckets[Math.max(0, Math.min(256, (int) (v * 256)))]++;
            }
        }
        rowMax[gy] = max;
        return first;
    }

    /**
     * Grid row {@code gy}'s squared likelihoods averaged over 3 cells across (2 at either end) into {@code out}.
     *
     * @return true when every cell of the row is 0 (and so is the average)
     */
    private static boolean averageRow(int[] bins, int w, int grid, int gy, int gw, float[] squared,
                                      AnalysisScratch scratch, float[] out) {
        float[] cells = scratch.cells(gw);
        int rowBase = gy * grid * w;
        // The squared likelihoods are never negative: a cell is 0 exactly when its bits are.
        int bits = 0;
        for (int gx = 0; gx < gw; gx++) {
            float v = squared[bins[rowBase + gx * grid]];
            cells[gx] = v;
            bits |= Float.floatToRawIntBits(v);
        }
        if (bits == 0) {
            java.util.Arrays.fill(out, 0, gw, 0f);
            return true;
        }
        if (gw == 1) {
            out[0] = cells[0];
            return false;
        }
        float[] left = scratch.left(gw);
        float[] right = scratch.right(gw);
        System.arraycopy(cells, 0, left, 1, gw - 1);
        System.arraycopy(cells, 1, right, 0, gw - 1);
        out[0] = (cells[0] + cells[1]) / 2;
        for (int gx = 1; gx + 1 < gw; gx++) {
            out[gx] = (left[gx] + cells[gx] + right[gx]) / 3;
        }
        out[gw - 1] = (cells[gw - 2] + cells[gw - 1]) / 2;
        return false;
    }

    /**
     * Exponent of the area in the window objective {@code S^2 / area^k}. With k = 1 a faint haze of evidence over a
     * background that shares some of the character's colours can outweigh the character itself once it covers the
     * whole frame; a little above 1 favours the compact, dense window (the figure's extent is recovered afterwards).
     */
    private static final double COMPACTNESS = 1.3;

    /** Side of the blocks the coarse search runs on: 3 x 3 search-grid cells (6 x 6 working pixels). */
    static final int BLOCK = 3;

    /**
     * Coarse-to-fine: the full search runs on 3 x 3 blocks (9 times fewer windows), then the best window is
     * refined in search-grid cells around it.
     */
    private static int[] searchWindow(double[] integral, int w, int h, AnalysisScratch scratch) {
        int cw = w / BLOCK;
        int ch = h / BLOCK;
        if (cw < 8 || ch < 8) {
            return search(integral, w, h, 1, 0, 0, w, h, null);
        }
        int[] coarse = new CoarseSearch(integral, blockIntegral(integral, w, h, scratch), w, h).run();
        if (coarse == null) {
            return null;
        }
        return search(integral, w, h, 1, coarse[0] - 2 * BLOCK, coarse[1] - 2 * BLOCK, coarse[0] + coarse[2] + 2 * BLOCK,
                coarse[1] + coarse[3] + 2 * BLOCK, coarse);
    }

    /**
     * Finds the window maximising S^2 / area^{@link #COMPACTNESS} whose corners lie on multiples of {@code unit} pixels. With a
     * {@code seed} window, only sizes within about 20% of it and positions inside the given bounds are tried.
     */
    static int[] search(double[] integral, int w, int h, int unit, int boundX0, int boundY0, int boundX1,
                                int boundY1, int[] seed) {
        double bestObjective = 0;
        int[] best = null;
        int stride1 = w + 1;
        int x0 = Math.max(0, boundX0);
        int y0 = Math.max(0, boundY0);
        int x1 = Math.min(w, boundX1);
        int y1 = Math.min(h, boundY1);
        double minHeight = seed == null ? Math.max(2 * unit, MIN_WINDOW_HEIGHT * h) : seed[3] / 1.25;
        double maxHeight = seed == null ? h + 0.5 : seed[3] * 1.25;
        double[] aspects = seed == null ? ASPECTS : new double[] {
            seed[2] / (double) seed[3] / 1.15, seed[2] / (double) seed[3], seed[2] / (double) seed[3] * 1.15};
        double sizeStep = seed == null ? SIZE_STEP : 1.06;
        for (double wh = minHeight; wh <= maxHeight; wh *= sizeStep) {
            int hh = Math.min(y1 - y0, (int) Math.round(wh / unit) * unit);
            for (double aspect : aspects) {
                int ww = (int) Math.round(aspect * hh / unit) * unit;
                if (ww > x1 - x0 || ww < 2 || hh < 2) {
                    continue;
                }
                int stride = seed == null ? Math.max(unit, Math.min(ww, hh) / 6 / unit * unit) : 1;
                double norm = 1 / Math.pow((double) ww * hh, COMPACTNESS);
                for (int y = y0; y + hh <= y1; y += stride) {
                    int top = y * stride1;
                    int bottom = (y + hh) * stride1;
                    for (int x = x0; x + ww <= x1; x += stride) {
                        double s = integral[bottom + x + ww] - integral[bottom + x] - integral[top + x + ww]
                                + integral[top + x];
                        double objective = s * s * norm;
                        if (objective > bestObjective) {
                            bestObjective = objective;
                            best = new int[] {x, y, ww, hh};
                        }
                    }
                }
            }
        }
        return best;
    }

    /**
     * The coarse step of the window search: the window {@link #search} finds on {@link #BLOCK}-cell units over the
     * whole grid, found by {@link CoarseSearch}.
     *
     * @param integral summed-area table of a {@code w} x {@code h} grid of non-negative evidence
     */
    static int[] coarseWindow(double[] integral, int w, int h) {
        return new CoarseSearch(integral, w, h).run();
    }

    /** {@link #blockIntegral} into a buffer of the calling thread's (every entry is written). */
    private static double[] blockIntegral(double[] integral, int w, int h, AnalysisScratch scratch) {
        int cw = w / BLOCK;
        int rows = h / BLOCK + 1 + (h % BLOCK == 0 ? 0 : 1);
        return blockIntegral(integral, w, h, scratch.blocks((cw + 1) * rows));
    }

    /**
     * The entries of a summed-area table of a {@code w} x {@code h} grid at multiples of {@link #BLOCK} in both
     * directions: a table of the grid's {@code w / BLOCK} x {@code h / BLOCK} blocks, the same values. When {@code h}
     * is not a multiple of the block, one more row holds the grid's last row (a window of the grid's full height
     * ends there).
     */
    static double[] blockIntegral(double[] integral, int w, int h) {
        int cw = w / BLOCK;
        int rows = h / BLOCK + 1 + (h % BLOCK == 0 ? 0 : 1);
        return blockIntegral(integral, w, h, new double[(cw + 1) * rows]);
    }

    private static double[] blockIntegral(double[] integral, int w, int h, double[] blocks) {
        int cw = w / BLOCK;
        int rows = blocks.length / (cw + 1);
        for (int r = 0; r < rows; r++) {
            int from = Math.min(h, r * BLOCK) * (w + 1);
            int to = r * (cw + 1);
            for (int c = 0; c <= cw; c++) {
                blocks[to + c] = integral[from + c * BLOCK];
            }
        }
        return blocks;
    }

    /**
     * The coarse window search over the whole grid ({@link #search} on {@link #BLOCK}-cell units, the same windows in
     * the same order, so the same window wins, ties included), skipping windows that provably cannot beat the best
     * found.
     *
     * <p>Most windows of the full search lie where there is little evidence, and a window can hold no more evidence
     * than a larger rectangle containing it. So a lower bound {@code L} on the best objective is taken first, from
     * every {@link #PILOT}th row and column of positions, and then per window shape, per row of positions and per
     * run of {@link #RUN} positions, the evidence of the rectangle covering them all bounds every window's
     * objective; where that bound is below {@code L} (raised as better windows are found) the windows are not
     * evaluated. Skipping only windows whose objective is below one actually reached leaves the first window
     * reaching the maximum, the one the full search returns, unchanged. (Development frames: about 6,000 windows and
     * 11,000 bounds evaluated instead of 282,000 windows.) The bounds allow for rounding: sums taken from the
     * summed-area table are off by far less than the margin {@link #slack}.
     *
     * <p>Every corner of these windows lies on a block corner, so the search reads a table of the block corners'
     * entries only ({@link #blockIntegral}: the same values, a ninth of the size), which stays in the cache where
     * the grid's table (half a megabyte) did not. Shapes, strides and the objective's normalisation are still taken
     * in grid cells, as {@link #search} takes them.
     */
    private static final class CoarseSearch {

        /** Positions evaluated together under one bound. */
        private static final int RUN = 8;
        /**
         * The lower bound is taken from every this many positions in each direction: a sparser pilot costs less and
         * finds nearly as good a bound, since the best window's neighbours hold nearly as much (16 evaluates 1,500
         * windows on the development frames, 4 evaluated 18,000 and left only 10% fewer to the search).
         */
        private static final int PILOT = 16;

        /** The summed-area table at block corners ({@link #blockIntegral}). */
        private final double[] integral;
        /** The grid's size in cells. */
        private final int w;
        private final int h;
        /** The grid's size in blocks. */
        private final int cw;
        private final int ch;
        private final int stride1;
        /** Margin for rounding on any sum taken from the table (generous: the error is below 1e-12 of the total). */
        private final double slack;
        private double bestObjective;
        private double lowerBound;
        private int[] best;

        CoarseSearch(double[] integral, int w, int h) {
            this(integral, blockIntegral(integral, w, h), w, h);
        }

        /** @param blocks {@link #blockIntegral} of {@code integral} */
        CoarseSearch(double[] integral, double[] blocks, int w, int h) {
            this.integral = blocks;
            this.w = w;
            this.h = h;
            this.cw = w / BLOCK;
            this.ch = h / BLOCK;
            this.stride1 = cw + 1;
            this.slack = 1e-8 * Math.abs(integral[h * (w + 1) + w]) + Double.MIN_NORMAL;
        }

        int[] run() {
            forEachShape(true);
            forEachShape(false);
            return best;
        }

        /** The shapes of {@link #search} without a seed, in its order, on the whole grid. */
        private void forEachShape(boolean pilot) {
            int unit = BLOCK;
            double minHeight = Math.max(2 * unit, MIN_WINDOW_HEIGHT * h);
            double maxHeight = h + 0.5;
            for (double wh = minHeight; wh <= maxHeight; wh *= SIZE_STEP) {
                int hh = Math.min(h, (int) Math.round(wh / unit) * unit);
                for (double aspect : ASPECTS) {
                    int ww = (int) Math.round(aspect * hh / unit) * unit;
                    if (ww > w || ww < 2 || hh < 2) {
                        continue;
                    }
                    int stride = Math.max(unit, Math.min(ww, hh) / 6 / unit * unit);
                    double norm = 1 / Math.pow((double) ww * hh, COMPACTNESS);
                    // Shapes and strides are multiples of the block (but for a window of the grid's full height when
                    // that is not: it ends on the block table's extra last row): on to block units.
                    int blockHeight = hh % unit == 0 ? hh / unit : ch + 1;
                    int lastRow = hh % unit == 0 ? ch : ch + 1;
                    if (pilot) {
                        pilot(ww / unit, blockHeight, lastRow, stride / unit * PILOT, norm);
                    } else {
                        shape(ww / unit, blockHeight, lastRow, stride / unit, norm);
                    }
                }
            }
        }

        /** True when no window of sum at most {@code sum} (plus rounding) can reach the lower bound. */
        private boolean below(double sum, double norm) {
            double bound = Math.abs(sum) + 3 * slack;
            return bound * bound * norm < lowerBound;
        }

        private double rectangle(int x, int y, int width, int height) {
            int top = y * stride1;
            int bottom = (y + height) * stride1;
            return integral[bottom + x + width] - integral[bottom + x] - integral[top + x + width] + integral[top + x];
        }

        /**
         * The pilot's windows of one shape, in block units (as are the arguments of the methods below): windows end
         * at most at block table row {@code lastRow}.
         */
        private void pilot(int ww, int hh, int lastRow, int stride, double norm) {
            // A window fits the grid when it fits its whole blocks: the corners lie on block corners.
            for (int y = 0; y + hh <= lastRow; y += stride) {
                for (int x = 0; x + ww <= cw; x += stride) {
                    double s = rectangle(x, y, ww, hh);
                    lowerBound = Math.max(lowerBound, s * s * norm);
                }
            }
        }

        private void shape(int ww, int hh, int lastRow, int stride, double norm) {
            int lastX = (cw - ww) / stride * stride;
            for (int y = 0; y + hh <= lastRow; y += stride) {
                if (below(rectangle(0, y, lastX + ww, hh), norm)) {
                    continue;
                }
                for (int runX = 0; runX <= lastX; runX += RUN * stride) {
                    int runEnd = Math.min(lastX, runX + (RUN - 1) * stride);
                    if (below(rectangle(runX, y, runEnd - runX + ww, hh), norm)) {
                        continue;
                    }
                    int top = y * stride1;
                    int bottom = (y + hh) * stride1;
                    for (int x = runX; x <= runEnd; x += stride) {
                        double s = integral[bottom + x + ww] - integral[bottom + x] - integral[top + x + ww]
                                + integral[top + x];
                        double objective = s * s * norm;
                        if (objective > bestObjective) {
                            bestObjective = objective;
                            lowerBound = Math.max(lowerBound, objective);
                            best = new int[] {x * BLOCK, y * BLOCK, ww * BLOCK, lastRow == ch ? hh * BLOCK : h};
                        }
                    }
                }
            }
        }
    }

    /**
     * Each colour's likelihood of being the character's, by Swain and Ballard's ratio histogram, and its square; in
     * its own method, not in {@link #analyze}, for the reason given at {@link #measure}.
     *
     * @return the squared likelihood averaged over the frame's pixels. Evidence at that level is what a background
     *         sharing the character's colours (a purple sunset behind a purple coat) gives everywhere: only evidence
     *         above it may pull the window. Outside the model's support the likelihood is 0 and adds nothing to it.
     */
    private static double likelihoods(FramePixels pixels, CharacterModel model, float[] likelihood, float[] squared) {
        double[] colourModel = model.colourModel();
        double average = 0;
        int[] counts = pixels.counts();
        for (int c : model.support()) {
            if (counts[c] == 0) {
                // No pixel of this colour: likelihood 0, nothing to add.
                continue;
            }
            double frameShare = pixels.share(c);
            float l = frameShare == 0 ? 0 : (float) Math.min(1.0, colourModel[c] / frameShare);
            likelihood[c] = l;
            squared[c] = l * l;
            average += frameShare * l * l;
        }
        return average;
    }

    /**
     * Cuts the figure out around the window and measures its signals against every view. Split into one method per
     * pass so that each stays small enough for the JIT to compile quickly and well (as one method it was compiled
     * three times over, at about 200 ms each), and without a loop of its own: C2 inlines nearly every pass into it
     * (4-6 KB of bytecode), and each loop of its own that grew hot while it still ran in C1 code got an
     * on-stack-replacement compile of all of that. A project's first scoring (5,632 frames, 11th session) compiled it
     * six times at 1.0-1.6 s each, 7.8 s of one of two cores, while the scoring threads ran the profiled C1 code: two
     * threads scored only 1.39x as fast as one (1.53x with the loops in {@link #presentBins}, {@link FigureShares}
     * and {@link #viewSignals}).
     */
    private static CharacterAnalysis measure(FramePixels pixels, FrameScale scale, CharacterModel model,
                                             float[] likelihood, int[] window) {
        int w = pixels.width();
        int h = pixels.height();
        int[] bins = pixels.bins();
        int[] region = expand(window, REGION, w, h);
        int[] windowCounts = new int[ColourSpace.BINS];
        FigureWeights weights = figureWeights(bins, w, window, region, expand(window, RING, w, h), likelihood,
                windowCounts);
        float[] figure = weights.weight();
        int[] box = figureExtent(bins, w, region, figure);
        if (box == null) {
            return notFound(model, w, h, scale);
        }
        FigureColours colours = new FigureColours();
        colours.collect(bins, w, box, figure);
        if (colours.total <= 0 || colours.area < 8) {
            return notFound(model, w, h, scale);
        }
        double frameGrain = grain(bins, w, box, figure);
        ColourAdjacency.Signature frameAdjacency = adjacency(bins, w, box, likelihood, weights);
        double coreTotal = coreTotal(bins, w, window, figure);
        int[] present = presentBins(weights, colours, windowCounts, figure);
        FigureShares shares = FigureShares.of(present, figure, colours, windowCounts, coreTotal);
        double area = colours.area;
        double fatness = area / ((double) box[3] * box[3]);
        double varX = colours.sxx / area - (colours.sx / area) * (colours.sx / area);
        double varY = colours.syy / area - (colours.sy / area) * (colours.sy / area);
        double spread = Math.sqrt(Math.max(varX, 1e-9) / Math.max(varY, 1e-9));
        List<CharacterAnalysis.ViewSignals> signals = viewSignals(model, shares, colours.parts, fatness, spread,
                frameGrain, frameAdjacency, box[3]);
        // Colours this far off mean a drift or another character: the measured figure may be only the part still in
        // the sheet's colours, so the box shown takes in what stands out around it too. On-model frames (recall under
        // 0.9 or precision under 0.8 in 1 of 10 on the development set) keep the measured box and cost nothing more.
        int[] shown = box;
        if (bestRecall(signals) < SHOWN_BOX_RECALL || bestPrecision(signals) < SHOWN_BOX_PRECISION) {
            int[] reached = new int[ColourSpace.BINS];
            shown = FigureSurroundings.join(bins, w, h, box, figure, reached);
            if (!java.util.Arrays.equals(shown, box)) {
                signals = namedInSurroundings(signals, model, reached,
                        paletteOf(shares.found(), shares.present(), shares.count()));
            }
        }
        return new CharacterAnalysis(model.name(), true, scale.box(shown), signals, coarseSignature(shares.found(),
                shares.present(), shares.count()), box[3] / (double) h, fatness, box[3] * scale.step());
    }

    /**
     * The bins the figure or the window hold, ascending: every later pass over colours needs only these, and visits
     * them in the same order as a pass over all bins would; shares are kept per present bin. The box and the window
     * lie inside the region, so only the region's bins need looking at.
     *
     * @return the present bins, exactly as many as there are (the array's length is their count)
     */
    private static int[] presentBins(FigureWeights weights, FigureColours colours, int[] windowCounts, float[] figure) {
        int[] present = new int[weights.regionCount()];
        int count = 0;
        for (int i = 0; i < weights.regionCount(); i++) {
            int c = weights.regionBins()[i];
            if (colours.counts[0][c] != 0 || colours.counts[1][c] != 0 || colours.counts[2][c] != 0
                    || windowCounts[c] != 0 && figure[c] > 0) {
                present[count++] = c;
            }
        }
        return count == present.length ? present : java.util.Arrays.copyOf(present, count);
    }

    /**
     * The figure's colour shares per present bin: over the whole figure, per third of it, and over the core window.
     *
     * @param present the bins present ({@link #presentBins}), ascending
     * @param found   per present bin, its share of the figure's weight
     * @param bandFound per third, per present bin, its share of that third's weight
     * @param core    per present bin, its share of the core window's figure weight
     */
    record FigureShares(int[] present, double[] found, double[][] bandFound, double[] core) {

        int count() {
            return present.length;
        }

        static FigureShares of(int[] present, float[] figure, FigureColours colours, int[] windowCounts,
                               double coreTotal) {
            int count = present.length;
            // Every pixel of a bin adds the same weight, and a float weight (24-bit mantissa) added up to 2^29 times
            // is exact in a double (53 bits): a bin's sum is its count times its weight, to the last bit.
            double[] found = new double[count];
            double[][] bandFound = new double[ViewModel.BANDS][count];
            double[] core = new double[count];
            for (int i = 0; i < count; i++) {
                int c = present[i];
                double weight = figure[c];
                int inBox = colours.counts[0][c] + colours.counts[1][c] + colours.counts[2][c];
                found[i] = inBox * weight / colours.total;
                for (int b = 0; b < ViewModel.BANDS; b++) {
                    bandFound[b][i] = colours.bandTotal[b] > 0 ? colours.counts[b][c] * weight / colours.bandTotal[b]
                            : 0;
                }
                // A bin without figure weight adds nothing to the core (its weight is 0).
                core[i] = coreTotal > 0 ? windowCounts[c] * weight / coreTotal : 0;
            }
            return new FigureShares(present, found, bandFound, core);
        }
    }

    /** The figure's signals against one view. */
    private static CharacterAnalysis.ViewSignals signalsAgainst(ViewModel view, ViewTables tables,
                                                                FigureShares shares, FoundPalette foundPalette,
                                                                FoundPalette corePalette, FoundPalette[] bandPalettes,
                                                                double[] coarse, PartMoments parts, double fatness,
                                                                double spread, double frameGrain,
                                                                ColourAdjacency.Signature frameAdjacency,
                                                                int boxHeight) {
        int[] present = shares.present();
        int count = shares.count();
        double bandPrecision = 0;
        double bandRecall = 0;
        for (int b = 0; b < ViewModel.BANDS; b++) {
            bandPrecision += precision(shares.bandFound()[b], tables.bandCloseness()[b], present, count);
            bandRecall += recall(view.bands()[b], tables.bandPalettes()[b], tables.bandPaletteSlots()[b],
                    bandPalettes[b]);
        }
        return new CharacterAnalysis.ViewSignals(view.name(),
                precision(shares.found(), tables.closeness(), present, count),
                recall(view.histogram(), view.palette(), tables.paletteSlots(), foundPalette),
                overlap(coarse, tables.coarseHistogram()),
                Math.abs(Math.log(fatness / view.fatness())),
                Math.abs(Math.log(spread / view.spread())),
                parts.stretchAgainst(view.parts()),
                precision(shares.core(), tables.closeness(), present, count),
                recall(view.histogram(), view.palette(), tables.paletteSlots(), corePalette),
                bandPrecision / ViewModel.BANDS,
                bandRecall / ViewModel.BANDS,
                frameGrain - view.grain(),
                adjacency(frameAdjacency, view.adjacencyAt(boxHeight)),
                mostMissing(view.histogram(), view.palette(), tables.paletteSlots(), foundPalette),
                mostForeign(shares.found(), tables.closeness(), present, count));
    }

    /**
     * Least share of colour mass (of the view's palette, or of the figure) that one colour must miss, or bring, to be
     * named in the explanation: below it, the colour is a trace (an outline's shade, a few resampled border pixels),
     * and naming it would send the reviewer looking for nothing.
     */
    static final double NAMED_COLOUR_MASS = 0.03;

    /**
     * The view's colour most missing from the figure, as the bin that misses most within the colour name
     * ({@link ColourNames#group}) that misses most: each palette colour's share of the view's palette times how far
     * its nearest found colour is ({@code 1 - closeness}), summed per name, since a textured coat spreads its red over
     * many bins, each small alone. -1 when no name misses {@link #NAMED_COLOUR_MASS}.
     */
    private static int mostMissing(double[] histogram, int[] palette, int[] slots, FoundPalette found) {
        double mass = 0;
        for (int bin : palette) {
            mass += histogram[bin];
        }
        NamedMass missing = new NamedMass();
        for (int i = 0; i < palette.length; i++) {
            missing.add(palette[i], histogram[palette[i]] * (1 - found.closeness(palette[i], slots[i])));
        }
        return missing.most(NAMED_COLOUR_MASS * mass);
    }

    /**
     * The figure's colour least like the view's, as {@link #mostMissing} takes it: each found colour's share of the
     * figure times how far it is from the view's palette ({@code 1 - closeness}), summed per colour name. -1 when no
     * name brings {@link #NAMED_COLOUR_MASS}.
     *
     * @param shares share of bin {@code present[i]} at {@code i}
     */
    private static int mostForeign(double[] shares, double[] closeness, int[] present, int count) {
        NamedMass foreign = new NamedMass();
        for (int i = 0; i < count; i++) {
            foreign.add(present[i], shares[i] * (1 - closeness[present[i]]));
        }
        return foreign.most(NAMED_COLOUR_MASS);
    }

    /**
     * The signals with the colours to name taken over the whole grown figure ({@link FigureSurroundings}), where it
     * has one. The figure measured holds the character's colours only: a coat turned teal has no weight as the
     * character's, so the figure measured is the rest of it, and the teal is in the parts grown around it; and the
     * trousers it kept may lie outside the figure measured (the head, when the rest drifted), so a colour counts as
     * missing only when the grown figure lacks it too. (Only too: the growing erodes the figure's outermost pixels
     * away, so an outline's colour would be missing from the grown figure alone.)
     *
     * @param reached         per colour bin, the grown figure's pixels
     * @param measuredPalette the figure measured's palette colours
     */
    private static List<CharacterAnalysis.ViewSignals> namedInSurroundings(
            List<CharacterAnalysis.ViewSignals> signals, CharacterModel model, int[] reached, int[] measuredPalette) {
        // The bins the grown figure holds, listed once for all views.
        int[] held = new int[reached.length];
        int count = 0;
        double total = 0;
        for (int bin = 0; bin < reached.length; bin++) {
            if (reached[bin] > 0) {
                held[count++] = bin;
                total += reached[bin];
            }
        }
        if (count == 0) {
            return signals;
        }
        // Either figure's palette colours: a sheet colour is as close as the nearer of the two has it.
        int[] palette = java.util.Arrays.copyOf(measuredPalette, measuredPalette.length + count);
        int colours = measuredPalette.length;
        for (int i = 0; i < count; i++) {
            if (reached[held[i]] / total >= ViewModel.PALETTE_MIN_SHARE) {
                palette[colours++] = held[i];
            }
        }
        FoundPalette either = new FoundPalette(java.util.Arrays.copyOf(palette, colours),
                new SheetColours(model.sheetColours()));
        List<CharacterAnalysis.ViewSignals> named = new ArrayList<>(signals.size());
        for (int v = 0; v < signals.size(); v++) {
            ViewModel view = model.views().get(v);
            ViewTables tables = model.tables().get(v);
            double[] closeness = tables.closeness();
            NamedMass foreign = new NamedMass();
            for (int i = 0; i < count; i++) {
                int bin = held[i];
                foreign.add(bin, reached[bin] / total * (1 - closeness[bin]));
            }
            // A foreign colour of the figure measured stays named when the grown figure dilutes it below the floor.
            int foreignColour = foreign.most(NAMED_COLOUR_MASS);
            CharacterAnalysis.ViewSignals measured = signals.get(v);
            named.add(measured.withNamedColours(
                    mostMissing(view.histogram(), view.palette(), tables.paletteSlots(), either),
                    foreignColour < 0 ? measured.foreignColour() : foreignColour));
        }
        return named;
    }

    /** Colour mass summed per colour name, keeping the bin that brought most to each. */
    private static final class NamedMass {
        private final double[] sum = new double[ColourNames.count()];
        private final double[] largest = new double[ColourNames.count()];
        private final int[] bin = new int[ColourNames.count()];

        void add(int colour, double mass) {
            int name = ColourNames.group(colour);
            sum[name] += mass;
            if (mass > largest[name]) {
                largest[name] = mass;
                bin[name] = colour;
            }
        }

        /** The bin that brought most to the name with the most mass, or -1 when no name reaches {@code least}. */
        int most(double least) {
            int most = -1;
            double mostMass = least;
            for (int name = 0; name < sum.length; name++) {
                if (sum[name] > mostMass) {
                    mostMass = sum[name];
                    most = bin[name];
                }
            }
            return most;
        }
    }

    /** The figure's signals against each view of the character, in the views' order. */
    private static List<CharacterAnalysis.ViewSignals> viewSignals(CharacterModel model, FigureShares shares,
                                                                   PartMoments parts, double fatness, double spread,
                                                                   double frameGrain,
                                                                   ColourAdjacency.Signature frameAdjacency,
                                                                   int boxHeight) {
        int[] present = shares.present();
        int count = shares.count();
        double[] found = shares.found();
        double[][] bandFound = shares.bandFound();
        double[] core = shares.core();
        SheetColours sheetColours = new SheetColours(model.sheetColours());
        FoundPalette foundPalette = new FoundPalette(paletteOf(found, present, count), sheetColours);
        FoundPalette corePalette = new FoundPalette(paletteOf(core, present, count), sheetColours);
        FoundPalette[] bandPalettes = new FoundPalette[ViewModel.BANDS];
        for (int b = 0; b < ViewModel.BANDS; b++) {
            bandPalettes[b] = new FoundPalette(paletteOf(bandFound[b], present, count), sheetColours);
        }
        double[] coarse = coarseHistogram(found, present, count);
        List<CharacterAnalysis.ViewSignals> signals = new ArrayList<>();
        for (int v = 0; v < model.views().size(); v++) {
            signals.add(signalsAgainst(model.views().get(v), model.tables().get(v), shares, foundPalette, corePalette,
                    bandPalettes, coarse, parts, fatness, spread, frameGrain, frameAdjacency, boxHeight));
        }
        return signals;
    }

    /**
     * The figure weight of each colour bin ({@link #figureWeights}).
     *
     * @param weight      per bin, how much it counts as the figure's
     * @param regionBins  the bins present in the region, ascending (the first {@code regionCount})
     * @param regionCount how many
     */
    record FigureWeights(float[] weight, int[] regionBins, int regionCount) {
    }

    /**
     * Per colour bin, how much it counts as the figure's: by contrast, when it is much denser in {@code region} than
     * in the ring between it and {@code outer}, and at least its likelihood of being the character's.
     *
     * @param windowCounts receives the number of pixels of each bin inside {@code window} (inside the region)
     */
    private static FigureWeights figureWeights(int[] bins, int w, int[] window, int[] region, int[] outer,
                                               float[] likelihood, int[] windowCounts) {
        // Two tables per count, for pixels at even and odd positions (see count()).
        int[] inside = new int[ColourSpace.BINS];
        int[] ring = new int[ColourSpace.BINS];
        int[] insideOdd = new int[ColourSpace.BINS];
        int[] ringOdd = new int[ColourSpace.BINS];
        int[] windowOdd = new int[ColourSpace.BINS];
        int regionTop = region[1];
        int regionBottom = region[1] + region[3];
        int windowTop = window[1];
        int windowBottom = window[1] + window[3];
        int outerLeft = outer[0];
        int outerRight = outer[0] + outer[2];
        int regionLeft = region[0];
        int regionRight = region[0] + region[2];
        int windowLeft = window[0];
        int windowRight = window[0] + window[2];
        // The window lies inside the region and the region inside the outer rectangle (each is the window grown and
        // clipped to the frame), so each row is ring, region, ring, and the region's rows through the window are
        // region, window, region.
        for (int y = outer[1]; y < outer[1] + outer[3]; y++) {
            int base = y * w;
            if (y < regionTop || y >= regionBottom) {
                count(bins, base + outerLeft, base + outerRight, ring, ringOdd);
            } else {
                count(bins, base + outerLeft, base + regionLeft, ring, ringOdd);
                if (y < windowTop || y >= windowBottom) {
                    count(bins, base + regionLeft, base + regionRight, inside, insideOdd);
                } else {
                    count(bins, base + regionLeft, base + windowLeft, inside, insideOdd);
                    count(bins, base + windowLeft, base + windowRight, windowCounts, windowOdd);
                    count(bins, base + windowRight, base + regionRight, inside, insideOdd);
                }
                count(bins, base + regionRight, base + outerRight, ring, ringOdd);
            }
        }
        for (int c = 0; c < inside.length; c++) {
            windowCounts[c] += windowOdd[c];
            inside[c] += insideOdd[c] + windowCounts[c];
            ring[c] += ringOdd[c];
        }
        int insideArea = region[2] * region[3];
        int ringArea = outer[2] * outer[3] - insideArea;
        float[] figure = new float[ColourSpace.BINS];
        int[] regionBins = new int[ColourSpace.BINS];
        int regionCount = 0;
        boolean ringUsable = ringArea >= insideArea / 20 && ringArea > 0;
        for (int c = 0; c < figure.length; c++) {
            if (inside[c] == 0) {
                continue;
            }
            regionBins[regionCount++] = c;
            float byContrast = 0;
            if (ringUsable) {
                double densityInside = inside[c] / (double) insideArea;
                double densityRing = ring[c] / (double) ringArea;
                byContrast = (float) Math.max(0, Math.min(1, 1 - FIGURE_CONTRAST * densityRing / densityInside));
            }
            figure[c] = Math.max(byContrast, likelihood[c]);
        }
        return new FigureWeights(figure, regionBins, regionCount);
    }

    /**
     * Counts the bins of {@code bins[from, to)}, pixels at even positions into {@code even} and odd ones into
     * {@code odd}: neighbouring pixels mostly share a colour, and each increment of one table entry would wait for the
     * one before it.
     */
    private static void count(int[] bins, int from, int to, int[] even, int[] odd) {
        int i = from;
        for (; i + 1 < to; i += 2) {
            even[bins[i]]++;
            odd[bins[i + 1]]++;
        }
        if (i < to) {
            even[bins[i]]++;
        }
    }

    /**
     * The colours, bands, area and moments of the figure pixels in the box: per band, how many pixels of each bin
     * have a figure weight; the weights' totals, added in raster order; the figure pixels' count and coordinate sums
     * (integers, exact).
     */
    private static final class FigureColours {
        final int[][] counts = new int[ViewModel.BANDS][ColourSpace.BINS];
        final double[] bandTotal = new double[ViewModel.BANDS];
        final PartMoments parts = new PartMoments();
        double total;
        long area;
        long sx;
        long sy;
        long sxx;
        long syy;

        void collect(int[] bins, int w, int[] box, float[] figure) {
            // Pixels at odd offsets in a row are counted apart and added at the end (integer sums, so the order does
            // not matter): neighbouring pixels mostly share a colour, and each increment of one table entry would
            // wait for the one before it.
            int[][] oddCounts = new int[ViewModel.BANDS][ColourSpace.BINS];
            PartMoments oddParts = new PartMoments();
            int left = box[0];
            int right = box[0] + box[2];
            for (int y = box[1]; y < box[1] + box[3]; y++) {
                int band = Math.min(ViewModel.BANDS - 1, (y - box[1]) * ViewModel.BANDS / box[3]);
                int[] inBand = counts[band];
                int[] inBandOdd = oddCounts[band];
                double rowTotal = total;
                double rowBandTotal = bandTotal[band];
                int base = y * w;
                for (int x = left; x < right; x += 2) {
                    int bin = bins[base + x];
                    float weight = figure[bin];
                    // The totals are added in raster order; a weight of 0 adds nothing.
                    rowTotal += weight;
                    rowBandTotal += weight;
                    if (weight > 0) {
                        inBand[bin]++;
                    }
                    if (weight >= 0.5f) {
                        addFigurePixel(parts, bin, x, y);
                    }
                    if (x + 1 == right) {
                        break;
                    }
                    int nextBin = bins[base + x + 1];
                    float nextWeight = figure[nextBin];
                    rowTotal += nextWeight;
                    rowBandTotal += nextWeight;
                    if (nextWeight > 0) {
                        inBandOdd[nextBin]++;
                    }
                    if (nextWeight >= 0.5f) {
                        addFigurePixel(oddParts, nextBin, x + 1, y);
                    }
                }
                total = rowTotal;
                bandTotal[band] = rowBandTotal;
            }
            for (int b = 0; b < ViewModel.BANDS; b++) {
                for (int c = 0; c < ColourSpace.BINS; c++) {
                    counts[b][c] += oddCounts[b][c];
                }
            }
            parts.add(oddParts);
        }

        private void addFigurePixel(PartMoments into, int bin, int x, int y) {
            area++;
            into.add(bin, x, y);
            sx += x;
            sy += y;
            sxx += (long) x * x;
            syy += (long) y * y;
        }
    }

    /**
     * {@link ViewModel.Grain#logRatio()} of the figure pixels in the box. Each pixel's bin and figure test are carried
     * over as the left one of the next pair, and the counts are added without branches (whether a pixel is figure or
     * not follows no pattern a branch predictor could learn).
     */
    static double grain(int[] bins, int w, int[] box, float[] figure) {
        int boxLeft = box[0];
        int boxRight = box[0] + box[2];
        int boxBottom = box[1] + box[3];
        long horizontalPairs = 0;
        long horizontalChanges = 0;
        long verticalPairs = 0;
        long verticalChanges = 0;
        for (int y = box[1]; y < boxBottom; y++) {
            int base = y * w;
            boolean belowInBox = y + 1 < boxBottom;
            int bin = bins[base + boxLeft];
            boolean isFigure = figure[bin] >= 0.5f;
            for (int x = boxLeft; x < boxRight; x++) {
                int right = x + 1 < boxRight ? bins[base + x + 1] : 0;
                boolean rightFigure = x + 1 < boxRight && figure[right] >= 0.5f;
                int pair = isFigure & rightFigure ? 1 : 0;
                horizontalPairs += pair;
                horizontalChanges += bin != right ? pair : 0;
                if (belowInBox) {
                    int below = bins[base + w + x];
                    int verticalPair = isFigure & figure[below] >= 0.5f ? 1 : 0;
                    verticalPairs += verticalPair;
                    verticalChanges += bin != below ? verticalPair : 0;
                }
                bin = right;
                isFigure = rightFigure;
            }
        }
        ViewModel.Grain grain = new ViewModel.Grain();
        grain.add(horizontalPairs, horizontalChanges, verticalPairs, verticalChanges);
        return grain.logRatio();
    }

    /**
     * The adjacency signature of the box's pixels of the character's own colours only: a colour it does not have (an
     * occluding object, a foreign hat) is the colour precision's business; here what counts is whether its colours
     * border each other as in the sheet.
     *
     * <p>Each bin's coarse colour is looked up once, for the region's bins (the box lies inside the region), in a
     * table that also says whether the bin is one of the character's colours: a pixel then costs one lookup instead of
     * a likelihood test and a coarse colour computed again for every pair.
     */
    static ColourAdjacency.Signature adjacency(int[] bins, int w, int[] box, float[] likelihood,
                                               FigureWeights weights) {
        // The character's own coarse colours among the region's bins, ascending, and per bin its index among them
        // + 1 (0 for the other bins): pairs are then counted in a small dense table indexed by the two indices, and
        // ascending indices give ascending pair keys.
        boolean[] own = new boolean[ColourAdjacency.COLOURS];
        int distinct = 0;
        for (int i = 0; i < weights.regionCount(); i++) {
            int c = weights.regionBins()[i];
            if (likelihood[c] >= 0.5f && !own[ColourAdjacency.coarse(c)]) {
                own[ColourAdjacency.coarse(c)] = true;
                distinct++;
            }
        }
        int[] coarseColours = new int[distinct];
        int[] indexOfCoarse = new int[ColourAdjacency.COLOURS];
        for (int coarse = 0, k = 0; coarse < own.length; coarse++) {
            if (own[coarse]) {
                coarseColours[k] = coarse;
                indexOfCoarse[coarse] = ++k;
            }
        }
        int[] colour = new int[ColourSpace.BINS];
        for (int i = 0; i < weights.regionCount(); i++) {
            int c = weights.regionBins()[i];
            if (likelihood[c] >= 0.5f) {
                colour[c] = indexOfCoarse[ColourAdjacency.coarse(c)];
            }
        }
        ColourAdjacency.PairCounts pairs = new ColourAdjacency.PairCounts(coarseColours);
        int d = ColourAdjacency.distance(box[3]);
        int boxRight = box[0] + box[2];
        int boxBottom = box[1] + box[3];
        for (int y = box[1]; y < boxBottom; y++) {
            int base = y * w;
            boolean belowInBox = y + d < boxBottom;
            for (int x = box[0]; x < boxRight; x++) {
                int here = colour[bins[base + x]];
                if (here == 0) {
                    continue;
                }
                if (x + d < boxRight) {
                    int right = colour[bins[base + x + d]];
                    if (right != 0 && right != here) {
                        pairs.add(here - 1, right - 1);
                    }
                }
                if (belowInBox) {
                    int below = colour[bins[base + d * w + x]];
                    if (below != 0 && below != here) {
                        pairs.add(here - 1, below - 1);
                    }
                }
            }
        }
        return pairs.signature();
    }

    /**
     * The sum of the figure weights of the window's pixels, added in raster order. Pixels without weight add 0, which
     * changes no sum, so every pixel is added and the loop has no branch.
     */
    private static double coreTotal(int[] bins, int w, int[] window, float[] figure) {
        double coreTotal = 0;
        for (int y = window[1]; y < window[1] + window[3]; y++) {
            int base = y * w;
            for (int x = window[0]; x < window[0] + window[2]; x++) {
                coreTotal += figure[bins[base + x]];
            }
        }
        return coreTotal;
    }

    /**
     * The figure's adjacency signature against the view's at the figure's size, relative to how well the view's own
     * signature survives a halving of resolution: a drawing with thin outlines changes its borders' pairs with the
     * resolution alone, and a frame cannot be expected to agree with the sheet better than the sheet with itself.
     */
    private static double adjacency(ColourAdjacency.Signature frame, ColourAdjacency.Scaled view) {
        double agreement = frame.intersection(view.signature());
        return Math.min(1, agreement / Math.max(0.1, view.reliability()));
    }

    /** Below this best recall over the views, the box shown is joined to the figure's surroundings. */
    static final double SHOWN_BOX_RECALL = 0.9;
    /** Below this best precision over the views, likewise. */
    static final double SHOWN_BOX_PRECISION = 0.8;

    private static double bestRecall(List<CharacterAnalysis.ViewSignals> signals) {
        double best = 0;
        for (CharacterAnalysis.ViewSignals v : signals) {
            best = Math.max(best, Math.max(v.colourRecall(), v.coreRecall()));
        }
        return best;
    }

    private static double bestPrecision(List<CharacterAnalysis.ViewSignals> signals) {
        double best = 0;
        for (CharacterAnalysis.ViewSignals v : signals) {
            best = Math.max(best, v.colourPrecision());
        }
        return best;
    }

    private static CharacterAnalysis notFound(CharacterModel model, int w, int h, FrameScale scale) {
        List<CharacterAnalysis.ViewSignals> signals = model.views().stream()
                .map(v -> new CharacterAnalysis.ViewSignals(v.name(), 0, 0, 0, 0, 0, Double.NaN, 0, 0, 0, 0,
                        Double.NaN, 0)).toList();
        Box frame = scale.box(new int[] {0, 0, w, h});
        return new CharacterAnalysis(model.name(), false, frame, signals, new float[64], 1, Double.NaN, frame.height());
    }

    /** Trimmed extent (1st to 99th percentile in x and y) of the figure pixels in {@code region}. */
    private static int[] figureExtent(int[] bins, int w, int[] region, float[] figure) {
        int[] columns = new int[region[2]];
        int[] rows = new int[region[3]];
        int count = 0;
        for (int y = 0; y < region[3]; y++) {
            int base = (region[1] + y) * w + region[0];
            for (int x = 0; x < region[2]; x++) {
                if (figure[bins[base + x]] >= 0.5f) {
                    columns[x]++;
                    rows[y]++;
                    count++;
                }
            }
        }
        if (count < 8) {
            return null;
        }
        int[] side = largerSideOfGap(columns, count);
        if (side != null) {
            // Two figures side by side (two characters sharing colours, or the same character twice): keep one.
            int[] narrowed = {region[0] + side[0], region[1], side[1] - side[0] + 1, region[3]};
            return figureExtent(bins, w, narrowed, figure);
        }
        int trim = count / 100;
        int x0 = lowerCut(columns, trim);
        int x1 = upperCut(columns, trim);
        int y0 = lowerCut(rows, trim);
        int y1 = upperCut(rows, trim);
        return new int[] {region[0] + x0, region[1] + y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    /**
     * The column range [first, last] of the side holding more figure pixels when a gap of nearly empty columns (under
     * an eighth of the fullest column: a fence or shadow may cross it; at least
     * 4% of the width, each side holding at least 20% of the pixels) splits them; null when there is no such gap.
     */
    private static int[] largerSideOfGap(int[] columns, int count) {
        int max = 0;
        for (int c : columns) {
            max = Math.max(max, c);
        }
        int empty = Math.max(0, max / 8);
        int minGap = Math.max(2, columns.length / 25);
        int bestStart = -1;
        int bestLength = 0;
        int runStart = -1;
        for (int i = 0; i <= columns.length; i++) {
            boolean isEmpty = i < columns.length && columns[i] <= empty;
            if (isEmpty && runStart < 0) {
                runStart = i;
            } else if (!isEmpty && runStart >= 0) {
                if (runStart > 0 && i < columns.length && i - runStart > bestLength) {
                    bestStart = runStart;
                    bestLength = i - runStart;
                }
                runStart = -1;
            }
        }
        if (bestLength < minGap) {
            return null;
        }
        int left = 0;
        for (int i = 0; i < bestStart; i++) {
            left += columns[i];
        }
        int right = count - left;
        if (left < count / 5 || right < count / 5) {
            return null;
        }
        return left >= right ? new int[] {0, bestStart - 1} : new int[] {bestStart + bestLength, columns.length - 1};
    }

    /** The first index after which more than {@code trim} of the counts lie before it (a trimmed lower end). */
    static int lowerCut(int[] counts, int trim) {
        int seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen > trim) {
                return i;
            }
        }
        return 0;
    }

    /** The last index with more than {@code trim} of the counts from it on (a trimmed upper end). */
    static int upperCut(int[] counts, int trim) {
        int seen = 0;
        for (int i = counts.length - 1; i >= 0; i--) {
            seen += counts[i];
            if (seen > trim) {
                return i;
            }
        }
        return counts.length - 1;
    }

    /** Colour tolerance as a weight: 1 for a distance of 0, falling off as a Gaussian of {@link #SIGMA_DELTA_E}. */
    static double closeness(float distanceSquared) {
        return Math.exp(distanceSquared * CLOSENESS_RATE);
    }

    private static final double CLOSENESS_RATE = -1 / (2 * SIGMA_DELTA_E * SIGMA_DELTA_E);

    /**
     * The share of the colours close to a view's palette ({@code closeness}: {@link ViewTables#closeness()}).
     *
     * @param shares share of bin {@code present[i]} at {@code i}
     */
    private static double precision(double[] shares, double[] closeness, int[] present, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (shares[i] > 0) {
                sum += shares[i] * closeness[present[i]];
            }
        }
        return sum;
    }

    /**
     * The bins holding at least {@link ViewModel#PALETTE_MIN_SHARE}, ascending.
     *
     * @param shares share of bin {@code present[i]} at {@code i}
     */
    private static int[] paletteOf(double[] shares, int[] present, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (shares[i] >= ViewModel.PALETTE_MIN_SHARE) {
                n++;
            }
        }
        int[] palette = new int[n];
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (shares[i] >= ViewModel.PALETTE_MIN_SHARE) {
                palette[k++] = present[i];
            }
        }
        return palette;
    }

    /**
     * The share of a view's (or a view's third's) palette whose colour is present among the found colours, each sheet
     * colour weighted by its {@link #closeness} to the nearest found one.
     */
    private static double recall(double[] histogram, int[] palette, int[] slots, FoundPalette found) {
        double sum = 0;
        double mass = 0;
        for (int i = 0; i < palette.length; i++) {
            double share = histogram[palette[i]];
            mass += share;
            sum += share * found.closeness(palette[i], slots[i]);
        }
        return mass == 0 ? 0 : sum / mass;
    }

    /** The CIELAB coordinates of a character's sheet colours ({@link CharacterModel#sheetColours()}), one array each. */
    static final class SheetColours {
        final float[] lightness;
        final float[] a;
        final float[] b;

        SheetColours(int[] bins) {
            lightness = new float[bins.length];
            a = new float[bins.length];
            b = new float[bins.length];
            for (int i = 0; i < bins.length; i++) {
                lightness[i] = ColourSpace.lightness(bins[i]);
                a[i] = ColourSpace.a(bins[i]);
                b[i] = ColourSpace.b(bins[i]);
            }
        }
    }

    /**
     * A palette of found colours, answering how close a sheet colour ({@link CharacterModel#sheetColours()}) is to its
     * nearest one. The distances of all sheet colours to their nearest found colour are taken at once, found colour
     * after found colour, each a step over all sheet colours that runs vectorised (several sheet colours at a time),
     * each distance exactly as {@link ColourSpace#distanceSquared} takes it; the minimum does not depend on the order
     * the distances are taken in. (Before, each sheet colour looked for its nearest colour when first asked, in order of
     * lightness outwards and stopping early: fewer distances, but one at a time and on branches that went either way.)
     * The closeness is kept per sheet colour once asked for, since every view asks about mostly the same colours.
     */
    static final class FoundPalette {
        private final boolean empty;
        private final float[] nearest;
        private final double[] known;

        FoundPalette(int[] palette, SheetColours sheet) {
            int n = sheet.lightness.length;
            empty = palette.length == 0;
            nearest = new float[n];
            java.util.Arrays.fill(nearest, Float.MAX_VALUE);
            for (int colour : palette) {
                float l = ColourSpace.lightness(colour);
                float colourA = ColourSpace.a(colour);
                float colourB = ColourSpace.b(colour);
                for (int s = 0; s < n; s++) {
                    float dl = sheet.lightness[s] - l;
                    float da = sheet.a[s] - colourA;
                    float db = sheet.b[s] - colourB;
                    nearest[s] = Math.min(nearest[s], dl * dl + da * da + db * db);
                }
            }
            known = new double[n];
            java.util.Arrays.fill(known, Double.NaN);
        }

        /** {@link #closeness} of sheet colour {@code bin} (at {@code slot} of the sheet colours) to its nearest one. */
        double closeness(int bin, int slot) {
            double value = known[slot];
            if (Double.isNaN(value)) {
                value = empty ? 0 : FrameAnalyzer.closeness(nearest[slot]);
                known[slot] = value;
            }
            return value;
        }

        /** The squared CIELAB distance from the sheet colour at {@code slot} to the nearest palette colour. */
        float nearest(int slot) {
            return nearest[slot];
        }
    }

    /** A colour histogram on 512 coarse bins (3 bits per channel), for {@link #overlap}. */
    static double[] coarseHistogram(double[] histogram) {
        double[] coarse = new double[512];
        for (int c = 0; c < histogram.length; c++) {
            coarse[coarse512(c)] += histogram[c];
        }
        return coarse;
    }

    /**
     * {@link #coarseHistogram} of shares given per present bin (share of {@code present[i]} at {@code i}); the bins
     * left out hold nothing, and adding nothing changes no sum.
     */
    private static double[] coarseHistogram(double[] shares, int[] present, int count) {
        double[] coarse = new double[512];
        for (int i = 0; i < count; i++) {
            coarse[coarse512(present[i])] += shares[i];
        }
        return coarse;
    }

    private static int coarse512(int bin) {
        return (bin >> 9 & 7) << 6 | (bin >> 5 & 7) << 3 | (bin >> 1 & 7);
    }

    /** Histogram intersection (Swain and Ballard [1]) of two {@link #coarseHistogram}s. */
    private static double overlap(double[] found, double[] view) {
        double sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += Math.min(found[i], view[i]);
        }
        return sum;
    }

    /** The found colours on 64 coarse bins: share of bin {@code present[i]} at {@code i}. */
    private static float[] coarseSignature(double[] found, int[] present, int count) {
        float[] signature = new float[64];
        for (int i = 0; i < count; i++) {
            signature[PartMoments.coarse(present[i])] += (float) found[i];
        }
        return signature;
    }

    static int[] expand(int[] window, double by, int w, int h) {
        int dx = (int) Math.round(window[2] * by);
        int dy = (int) Math.round(window[3] * by);
        int x0 = Math.max(0, window[0] - dx);
        int y0 = Math.max(0, window[1] - dy);
        int x1 = Math.min(w, window[0] + window[2] + dx);
        int y1 = Math.min(h, window[1] + window[3] + dy);
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }
}
