package dev.onmodel.core.consistency;

import java.util.Arrays;

/**
 * The whole figure around a measured one, for the box shown to reviewers when the figure's colours are off. A costume
 * drift that leaves only the head in the sheet's colours is measured as the head; the reviewer must be shown the whole
 * figure, drifted parts included.
 *
 * <p>The figure is grown from the measured figure's pixels over their neighbours that are not backdrop. What the
 * backdrop is, is read row by row from the region's left and right edges: backdrops are mostly layered across the
 * frame (sky, hills, ground) or textured, so a pixel whose colour is near one seen at the edges of its own rows (one
 * colour bin away in each channel) is backdrop, and so is one near the blend of the two edges' colours at its place (a
 * gradient across the frame). Statistics of colours over the region against a ring or strips around it were tried
 * first and ran into gradients and the slanted edges of hill layers (docs/consistency-scoring.md). The region is the
 * grown figure's box widened by its own size on each side; the growing repeats in a new region while the figure
 * reaches the old one's top or bottom, up to {@link #ROUNDS} times.
 */
final class FigureSurroundings {

    /** Regions looked at, each around the figure the one before gave: a head is about a quarter of a figure. */
    static final int ROUNDS = 3;
    /** Rows above and below whose edge colours count for a row too (a texture's colours vary from row to row). */
    private static final int EDGE_ROWS = 2;
    /** Columns of each edge read as backdrop. */
    private static final int EDGE_COLUMNS = 3;
    /** Times the figure is eroded before growing (on the grid of every other pixel: bridges up to 2 pixels wide). */
    static final int ERODE = 1;
    /** Smallest side, in grid pixels, worth growing on the coarser grid. */
    private static final int MIN_GRID_SIDE = 64;
    /**
     * Largest size, over the measured box's larger side, a grown figure may reach before it counts as a runaway. Six,
     * not four: a hue-drifted figure keeps the sheet's colours in a small part only (a leg, a fifth of its height).
     */
    static final double MAX_GROWTH = 6;

    private FigureSurroundings() {
    }

    /**
     * @param bins   the frame's colour bins at working size, {@code w} by {@code h}
     * @param box    the measured figure's box {x, y, width, height} in working pixels
     * @param figure  per bin, the measured figure's weight: the seeds are the box's pixels of weight 0.5 or more
     * @param reached filled with the number of the grown figure's pixels (on the grid grown on) in each colour bin:
     *                the drifted parts' colours, for the explanation; meaningful only when the box returned is not
     *                {@code box}
     * @return {@code box} joined to the grown figure's box; {@code box} itself when the region has no backdrop beside
     *         the figure, or when the growing ran away into the backdrop
     */
    static int[] join(int[] bins, int w, int h, int[] box, float[] figure, int[] reached) {
        if (w < 2 * MIN_GRID_SIDE || h < 2 * MIN_GRID_SIDE) {
            return joinOnGrid(bins, w, h, box, figure, reached);
        }
        // Grown on every other pixel of every other row: a quarter of the work (in a take of another character every
        // frame's colours are off), and a box to two working pixels is as much as the eye needs.
        int hw = w / 2;
        int hh = h / 2;
        int[] half = new int[hw * hh];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < hw; x++) {
                half[y * hw + x] = bins[2 * y * w + 2 * x];
            }
        }
        int x0 = (box[0] + 1) / 2;
        int y0 = (box[1] + 1) / 2;
        int x1 = Math.min(hw, (box[0] + box[2]) / 2);
        int y1 = Math.min(hh, (box[1] + box[3]) / 2);
        if (x1 <= x0 || y1 <= y0) {
            return box;
        }
        int[] halfBox = {x0, y0, x1 - x0, y1 - y0};
        int[] grown = joinOnGrid(half, hw, hh, halfBox, figure, reached);
        if (Arrays.equals(grown, halfBox)) {
            return box;
        }
        return union(box, new int[] {2 * grown[0], 2 * grown[1], 2 * grown[2], 2 * grown[3]});
    }

    /** {@link #join} on the pixels given, whatever their spacing. */
    private static int[] joinOnGrid(int[] bins, int w, int h, int[] box, float[] figure, int[] reached) {
        int[] joined = box;
        for (int round = 0; round < ROUNDS; round++) {
            int[] region = FrameAnalyzer.expand(joined, 1.0, w, h);
            if (region[2] < joined[2] + 2 * EDGE_COLUMNS + 2) {
                return joined;
            }
            int[] grown = grow(bins, w, region, box, figure, reached);
            if (grown == null) {
                return joined;
            }
            int[] next = union(joined, grown);
            if (next[2] > MAX_GROWTH * Math.max(box[2], box[3]) || next[3] > MAX_GROWTH * Math.max(box[2], box[3])
                    || next[0] <= region[0] && next[0] + next[2] >= region[0] + region[2]) {
                // Wider than the region's backdrop allows, or far beyond the part measured: the growing found the
                // backdrop, and the measured box is the better answer.
                return box;
            }
            boolean reachesEdge = next[1] <= region[1] && region[1] > 0
                    || next[1] + next[3] >= region[1] + region[3] && region[1] + region[3] < h;
            if (Arrays.equals(next, joined) || !reachesEdge) {
                return next;
            }
            joined = next;
        }
        return joined;
    }

    /**
     * The box of the pixels reached from the seeds over pixels that are not backdrop; null when no seed stands out.
     *
     * @param binCounts set to the number of reached pixels in each colour bin
     */
    private static int[] grow(int[] bins, int w, int[] region, int[] seedBox, float[] figure, int[] binCounts) {
        int rw = region[2];
        int rh = region[3];
        boolean[] backdrop = backdrop(bins, w, region);
        for (int i = 0; i < ERODE; i++) {
            backdrop = erodeFigure(backdrop, rw, rh);
        }
        boolean[] reached = new boolean[rw * rh];
        int[] queue = new int[rw * rh];
        int tail = 0;
        for (int y = seedBox[1]; y < seedBox[1] + seedBox[3]; y++) {
            for (int x = seedBox[0]; x < seedBox[0] + seedBox[2]; x++) {
                int local = (y - region[1]) * rw + (x - region[0]);
                if (figure[bins[y * w + x]] >= 0.5f && !backdrop[local]) {
                    reached[local] = true;
                    queue[tail++] = local;
                }
            }
        }
        if (tail == 0) {
            return null;
        }
        int[] columns = new int[rw];
        int[] rows = new int[rh];
        Arrays.fill(binCounts, 0);
        for (int head = 0; head < tail; head++) {
            int local = queue[head];
            int x = local % rw;
            int y = local / rw;
            columns[x]++;
            rows[y]++;
            binCounts[bins[(region[1] + y) * w + region[0] + x]]++;
            if (x > 0 && !reached[local - 1] && !backdrop[local - 1]) {
                reached[local - 1] = true;
                queue[tail++] = local - 1;
            }
            if (x + 1 < rw && !reached[local + 1] && !backdrop[local + 1]) {
                reached[local + 1] = true;
                queue[tail++] = local + 1;
            }
            if (y > 0 && !reached[local - rw] && !backdrop[local - rw]) {
                reached[local - rw] = true;
                queue[tail++] = local - rw;
            }
            if (y + 1 < rh && !reached[local + rw] && !backdrop[local + rw]) {
                reached[local + rw] = true;
                queue[tail++] = local + rw;
            }
        }
        // Trimmed like the measured figure's extent (1% of the pixels at each end): a stray line of pixels along an
        // edge does not stretch the box.
        int trim = tail / 100;
        // Wider by the erosion on each side: it took the figure's outermost pixels away with the bridges.
        int x0 = Math.max(0, FrameAnalyzer.lowerCut(columns, trim) - ERODE);
        int x1 = Math.min(rw - 1, FrameAnalyzer.upperCut(columns, trim) + ERODE);
        int y0 = Math.max(0, FrameAnalyzer.lowerCut(rows, trim) - ERODE);
        int y1 = Math.min(rh - 1, FrameAnalyzer.upperCut(rows, trim) + ERODE);
        return new int[] {region[0] + x0, region[1] + y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    /** Per pixel of the region, whether its colour is that of the backdrop at the region's left and right edges. */
    static boolean[] backdrop(int[] bins, int w, int[] region) {
        int rw = region[2];
        int rh = region[3];
        boolean[] backdrop = new boolean[rw * rh];
        // How many of the edge pixels of the rows in the window (this row ± EDGE_ROWS) lie within a bin of each
        // colour: the window slides down a row at a time, adding the row entering and removing the one leaving, so a
        // pixel's test is one look-up.
        int[] nearCount = new int[ColourSpace.BINS];
        long[] sums = new long[2];
        int sides = 0;
        int added = 0;
        int removed = 0;
        for (int y = 0; y < rh; y++) {
            for (; added < rh && added <= y + EDGE_ROWS; added++) {
                edgeRow(bins, w, region, added, nearCount, sums, 1);
                sides += EDGE_COLUMNS;
            }
            for (; removed < y - EDGE_ROWS; removed++) {
                edgeRow(bins, w, region, removed, nearCount, sums, -1);
                sides -= EDGE_COLUMNS;
            }
            int base = (region[1] + y) * w + region[0];
            double across = Math.max(1, rw - 1);
            for (int x = 0; x < rw; x++) {
                int bin = bins[base + x];
                backdrop[y * rw + x] = nearCount[bin] > 0 || nearBlend(bin, sums[0], sums[1], sides, x / across);
            }
        }
        return backdrop;
    }

    /**
     * Adds ({@code sign} 1) or removes (-1) the edge pixels of region row {@code row}: to the count of every bin within
     * one step of each, and to the left and right edges' channel sums.
     */
    private static void edgeRow(int[] bins, int w, int[] region, int row, int[] nearCount, long[] sums, int sign) {
        int base = (region[1] + row) * w + region[0];
        for (int k = 0; k < EDGE_COLUMNS; k++) {
            int left = bins[base + k];
            int right = bins[base + region[2] - 1 - k];
            addNear(nearCount, left, sign);
            addNear(nearCount, right, sign);
            sums[0] += sign * packed(left);
            sums[1] += sign * packed(right);
        }
    }

    /** Adds {@code sign} to the count of {@code bin} and of every bin one step from it in each channel. */
    private static void addNear(int[] nearCount, int bin, int sign) {
        int r = bin >> 8;
        int g = (bin >> 4) & 15;
        int b = bin & 15;
        for (int nr = Math.max(0, r - 1); nr <= Math.min(15, r + 1); nr++) {
            for (int ng = Math.max(0, g - 1); ng <= Math.min(15, g + 1); ng++) {
                for (int nb = Math.max(0, b - 1); nb <= Math.min(15, b + 1); nb++) {
                    nearCount[nr << 8 | ng << 4 | nb] += sign;
                }
            }
        }
    }

    /**
     * Marks as backdrop every pixel with a backdrop pixel beside it (4-neighbourhood): a line of in-between colours
     * along the edge of a backdrop layer (anti-aliasing, a blend of two layers) would otherwise be a bridge from the
     * figure into the layer.
     */
    static boolean[] erodeFigure(boolean[] backdrop, int rw, int rh) {
        boolean[] eroded = backdrop.clone();
        for (int y = 0; y < rh; y++) {
            for (int x = 0; x < rw; x++) {
                int i = y * rw + x;
                if (!backdrop[i] && (x > 0 && backdrop[i - 1] || x + 1 < rw && backdrop[i + 1]
                        || y > 0 && backdrop[i - rw] || y + 1 < rh && backdrop[i + rw])) {
                    eroded[i] = true;
                }
            }
        }
        return eroded;
    }

    /** A bin's channels packed 20 bits apart, so that the channel sums of up to 30 edge pixels add in one long. */
    private static long packed(int bin) {
        return ((long) (bin >> 8) << 40) + ((long) ((bin >> 4) & 15) << 20) + (bin & 15);
    }

    /** Whether {@code bin} lies within a bin of the edges' mean colours blended at {@code t} (0 left, 1 right). */
    private static boolean nearBlend(int bin, long leftSum, long rightSum, int n, double t) {
        for (int shift = 40; shift >= 0; shift -= 20) {
            double left = ((leftSum >> shift) & 0xFFFFF) / (double) n;
            double right = ((rightSum >> shift) & 0xFFFFF) / (double) n;
            int channel = (bin >> (shift / 20 * 4)) & 15;
            if (Math.abs(channel - (left + t * (right - left))) > 1.5) {
                return false;
            }
        }
        return true;
    }

    private static int[] union(int[] a, int[] b) {
        int x0 = Math.min(a[0], b[0]);
        int y0 = Math.min(a[1], b[1]);
        int x1 = Math.max(a[0] + a[2], b[0] + b[2]);
        int y1 = Math.max(a[1] + a[3], b[1] + b[3]);
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }
}
