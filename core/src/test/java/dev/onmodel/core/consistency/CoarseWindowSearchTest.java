package dev.onmodel.core.consistency;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pruned coarse window search returns exactly the window of the exhaustive search (ties included), on evidence
 * grids like the analysis makes: mostly empty, with blobs of evidence and some scattered cells.
 */
class CoarseWindowSearchTest {

    @Property(tries = 60)
    void findsTheSameWindowAsTheExhaustiveSearch(@ForAll @IntRange(min = 24, max = 160) int w,
                                                  @ForAll @IntRange(min = 24, max = 100) int h,
                                                  @ForAll long seed) {
        Random random = new Random(seed);
        float[] evidence = new float[w * h];
        int blobs = random.nextInt(4);
        for (int b = 0; b < blobs; b++) {
            int bw = 1 + random.nextInt(w / 2);
            int bh = 1 + random.nextInt(h / 2);
            int x0 = random.nextInt(w - bw + 1);
            int y0 = random.nextInt(h - bh + 1);
            // Constant blobs make many windows tie exactly; the first in the search order must win.
            float level = random.nextBoolean() ? 0.5f : random.nextFloat();
            for (int y = y0; y < y0 + bh; y++) {
                for (int x = x0; x < x0 + bw; x++) {
                    evidence[y * w + x] = random.nextBoolean() ? level : level * random.nextFloat();
                }
            }
        }
        int scattered = random.nextInt(w * h / 4 + 1);
        for (int i = 0; i < scattered; i++) {
            evidence[random.nextInt(w * h)] = random.nextFloat() * 0.3f;
        }
        double[] integral = integral(evidence, w, h);
        assertArrayEquals(FrameAnalyzer.search(integral, w, h, FrameAnalyzer.BLOCK, 0, 0, w, h, null),
                FrameAnalyzer.coarseWindow(integral, w, h));
    }

    /**
     * Evidence all over the grid, so that the largest window wins: at a height of 44 cells (not a multiple of the
     * block) the largest size rounds up past the grid and is cut to its full height, a window that ends on the block
     * table's extra last row.
     */
    @Property(tries = 20)
    void findsTheSameFullHeightWindow(@ForAll @IntRange(min = 72, max = 160) int w, @ForAll long seed) {
        int h = 44;
        Random random = new Random(seed);
        float[] evidence = new float[w * h];
        for (int i = 0; i < evidence.length; i++) {
            evidence[i] = 0.9f + 0.1f * random.nextFloat();
        }
        double[] integral = integral(evidence, w, h);
        int[] expected = FrameAnalyzer.search(integral, w, h, FrameAnalyzer.BLOCK, 0, 0, w, h, null);
        assertEquals(h, expected[3], "the full-height window wins");
        assertArrayEquals(expected, FrameAnalyzer.coarseWindow(integral, w, h));
    }

    /** The block table holds the grid table's entries at block corners, and its last row when that is not one. */
    @Property(tries = 30)
    void blockTableHoldsTheBlockCorners(@ForAll @IntRange(min = 3, max = 40) int w,
                                        @ForAll @IntRange(min = 3, max = 40) int h) {
        double[] integral = new double[(w + 1) * (h + 1)];
        for (int i = 0; i < integral.length; i++) {
            integral[i] = i;
        }
        double[] blocks = FrameAnalyzer.blockIntegral(integral, w, h);
        int cw = w / FrameAnalyzer.BLOCK;
        int rows = blocks.length / (cw + 1);
        for (int r = 0; r < rows; r++) {
            int y = Math.min(h, r * FrameAnalyzer.BLOCK);
            for (int c = 0; c <= cw; c++) {
                assertEquals(integral[y * (w + 1) + c * FrameAnalyzer.BLOCK],
                        blocks[r * (cw + 1) + c]);
            }
        }
        assertEquals(h % FrameAnalyzer.BLOCK == 0 ? h / 3 + 1 : h / 3 + 2, rows);
    }

    /** The summed-area table as the analysis builds it: row sums, then added to the row above. */
    private static double[] integral(float[] evidence, int w, int h) {
        double[] integral = new double[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            double rowSum = 0;
            for (int x = 0; x < w; x++) {
                rowSum += evidence[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + rowSum;
            }
        }
        return integral;
    }
}
