package dev.onmodel.core.consistency;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The colour adjacency signature: invariant to mirroring and scale, sensitive to where the colours sit. */
class ColourAdjacencyTest {

    private static final int[] PALETTE = {0xFF5A3214, 0xFFF0C8AA, 0xFFC81E28, 0xFF283C96, 0xFF1E1E1E, 0xFFE6E65A};

    /** A figure of random coloured cells (cell x cell pixels), {@code cols} x {@code rows} cells, fully opaque. */
    private static int[] blocky(long seed, int cols, int rows, int cell) {
        Random random = new Random(seed);
        int w = cols * cell;
        int[] argb = new int[w * rows * cell];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int colour = PALETTE[random.nextInt(PALETTE.length)];
                for (int y = r * cell; y < (r + 1) * cell; y++) {
                    for (int x = c * cell; x < (c + 1) * cell; x++) {
                        argb[y * w + x] = colour;
                    }
                }
            }
        }
        return argb;
    }

    private static boolean[] all(int n) {
        boolean[] mask = new boolean[n];
        java.util.Arrays.fill(mask, true);
        return mask;
    }

    private static ColourAdjacency.Signature signature(int[] argb, int w, int h) {
        return ColourAdjacency.of(argb, all(argb.length), w, 0, 0, w, h);
    }

    @Property(tries = 30)
    void aFigureMatchesItselfAndItsMirrorImage(@ForAll long seed, @ForAll @IntRange(min = 3, max = 12) int cols) {
        int cell = 8;
        int rows = 12;
        int w = cols * cell;
        int h = rows * cell;
        int[] figure = blocky(seed, cols, rows, cell);
        int[] mirrored = new int[figure.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mirrored[y * w + x] = figure[y * w + (w - 1 - x)];
            }
        }
        ColourAdjacency.Signature self = signature(figure, w, h);
        assertEquals(1.0, self.intersection(self), 1e-4);
        assertEquals(1.0, self.intersection(signature(mirrored, w, h)), 1e-4);
    }

    @Property(tries = 20)
    void scalingTheFigureKeepsItsSignature(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int factor) {
        // 8 rows of 8-pixel cells: 64 pixels tall, so the pair distance (1/32 of the height) scales exactly.
        int cell = 8;
        int w = 6 * cell;
        int h = 8 * cell;
        int[] figure = blocky(seed, 6, 8, cell);
        int bw = w * factor;
        int bh = h * factor;
        int[] big = new int[bw * bh];
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                big[y * bw + x] = figure[(y / factor) * w + x / factor];
            }
        }
        assertTrue(signature(figure, w, h).intersection(signature(big, bw, bh)) > 0.99);
    }

    @Property(tries = 30)
    void theIntersectionIsSymmetricAndBetweenZeroAndOne(@ForAll long seed1, @ForAll long seed2) {
        ColourAdjacency.Signature a = signature(blocky(seed1, 5, 10, 6), 30, 60);
        ColourAdjacency.Signature b = signature(blocky(seed2, 5, 10, 6), 30, 60);
        double ab = a.intersection(b);
        assertEquals(ab, b.intersection(a), 1e-9);
        assertTrue(ab >= 0 && ab <= 1 + 1e-6, "intersection " + ab);
    }

    @Test
    void theSameColoursArrangedOtherwiseMatchLess() {
        // Three bands of equal height: hat over hair over face, against face over hat over hair. The colour shares are
        // equal; only which colour borders which differs.
        int w = 40;
        int h = 96;
        int[] character = new int[w * h];
        int[] impostor = new int[w * h];
        int hat = PALETTE[0];
        int hair = PALETTE[5];
        int face = PALETTE[1];
        for (int y = 0; y < h; y++) {
            int band = y * 3 / h;
            for (int x = 0; x < w; x++) {
                character[y * w + x] = band == 0 ? hat : band == 1 ? hair : face;
                impostor[y * w + x] = band == 0 ? face : band == 1 ? hat : hair;
            }
        }
        ColourAdjacency.Signature a = signature(character, w, h);
        assertEquals(1.0, a.intersection(a), 1e-4);
        assertTrue(a.intersection(signature(impostor, w, h)) < 0.6, "hat-hair and hair-face against face-hat, hat-hair");
    }

    @Test
    void thePyramidHalvesDownToTheSmallestHeightWithReliabilitiesInRange() {
        int cell = 20;
        int w = 10 * cell;
        int h = 20 * cell;
        int[] figure = blocky(42, 10, 20, cell);
        ColourAdjacency.Scaled[] levels = ColourAdjacency.pyramid(figure, all(figure.length), w, 0, 0, w, h);
        assertEquals(h, levels[0].height());
        for (int i = 1; i < levels.length; i++) {
            assertEquals(levels[i - 1].height() / 2, levels[i].height());
        }
        assertTrue(levels[levels.length - 1].height() >= ColourAdjacency.SMALLEST_HEIGHT);
        assertTrue(levels[levels.length - 1].height() / 2 < ColourAdjacency.SMALLEST_HEIGHT);
        for (ColourAdjacency.Scaled level : levels) {
            assertTrue(level.reliability() >= 0 && level.reliability() <= 1 + 1e-6, level.toString());
        }
        // Cells of 20 pixels survive halving twice (to 5-pixel cells) intact.
        assertTrue(levels[1].reliability() > 0.95, "reliability " + levels[1].reliability());
    }

    @Test
    void pairsOfOneColourAreNotCounted() {
        int[] flat = new int[32 * 64];
        java.util.Arrays.fill(flat, PALETTE[2]);
        ColourAdjacency.Signature s = signature(flat, 32, 64);
        assertEquals(0, s.pairs().length);
        assertEquals(0, s.intersection(s), 1e-9);
    }

    /**
     * A frame's pairs are counted in a dense table over the figure's own colours; the signature must be the one the
     * sheet's open-addressing table gives for the same pairs, to the bit (the score compares the two).
     */
    @Property(tries = 200)
    void denseAndSparseCountsGiveTheSameSignature(@ForAll long seed, @ForAll @IntRange(min = 2, max = 300) int colours,
                                                  @ForAll @IntRange(min = 1, max = 3000) int pairs) {
        Random random = new Random(seed);
        // Distinct coarse colours, ascending, as the analysis hands them over.
        int[] coarse = random.ints(0, ColourAdjacency.COLOURS).distinct().limit(colours).sorted().toArray();
        ColourAdjacency.PairCounts dense = new ColourAdjacency.PairCounts(coarse);
        ColourAdjacency sparse = new ColourAdjacency();
        for (int p = 0; p < pairs; p++) {
            int i = random.nextInt(coarse.length);
            int j = random.nextInt(coarse.length);
            if (i == j) {
                continue;
            }
            dense.add(i, j);
            sparse.addCoarse(coarse[i], coarse[j]);
        }
        ColourAdjacency.Signature expected = sparse.signature();
        ColourAdjacency.Signature actual = dense.signature();
        assertTrue(java.util.Arrays.equals(expected.pairs(), actual.pairs()), "pair keys");
        assertTrue(java.util.Arrays.equals(expected.shares(), actual.shares()), "shares");
    }
}
