package dev.onmodel.core.consistency;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The frame analysis' passes, arranged for speed (rows skipped, tables looked up once, branches avoided), give
 * exactly what the plain loops they replace give, to the last bit, on random frames.
 */
class FrameAnalyzerPassesTest {

    /**
     * The local density and its summed-area table against a plain 3 x 3 average and a plain table: rows of all-zero
     * cells (which the pass neither averages nor stores) are common in the random frames, as in real ones.
     */
    @Property(tries = 80)
    void densityAndTableMatchPlainLoops(@ForAll @IntRange(min = 1, max = 90) int gw,
                                        @ForAll @IntRange(min = 1, max = 60) int gh,
                                        @ForAll @IntRange(min = 1, max = 2) int grid, @ForAll long seed) {
        Random random = new Random(seed);
        float[] squared = new float[ColourSpace.BINS];
        int[] colours = new int[8];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = random.nextInt(ColourSpace.BINS);
            // About half the colours are the character's (a likelihood above 0), the others background.
            squared[colours[i]] = random.nextBoolean() ? random.nextFloat() : 0;
        }
        int w = gw * grid;
        int h = gh * grid;
        int[] bins = new int[w * h];
        for (int y = 0; y < h; y++) {
            // Some rows of background only, some mixed.
            boolean background = random.nextInt(3) == 0;
            for (int x = 0; x < w; x++) {
                int c = colours[random.nextInt(colours.length)];
                bins[y * w + x] = background && squared[c] != 0 ? backgroundColour(colours, squared) : c;
            }
        }
        AnalysisScratch scratch = AnalysisScratch.get();
        int[] buckets = new int[257];
        float[] rowMax = new float[gh];
        float[] density = FrameAnalyzer.localDensity(bins, w, grid, gw, gh, squared, scratch, buckets, rowMax)
                .clone();

        float[] expected = plainDensity(bins, w, grid, gw, gh, squared);
        int[] expectedBuckets = new int[257];
        for (int gy = 0; gy < gh; gy++) {
            float max = 0;
            for (int gx = 0; gx < gw; gx++) {
                float v = expected[gy * gw + gx];
                max = Math.max(max, v);
                expectedBuckets[v < 1f / 256 ? 0 : Math.max(0, Math.min(256, (int) (v * 256)))]++;
            }
            assertEquals(max, rowMax[gy], "row maximum of row " + gy);
            if (max > 0) {
                // Rows whose maximum is 0 are left unwritten, by contract.
                assertArrayEquals(Arrays.copyOfRange(expected, gy * gw, (gy + 1) * gw),
                        Arrays.copyOfRange(density, gy * gw, (gy + 1) * gw), "density row " + gy);
            }
        }
        assertArrayEquals(expectedBuckets, buckets);

        double floor = random.nextBoolean() ? 0 : random.nextDouble() * 0.3;
        double[] integral = FrameAnalyzer.integrate(density, rowMax, gw, gh, floor, scratch).clone();
        assertArrayEquals(plainIntegral(expected, gw, gh, floor), integral);
    }

    private static int backgroundColour(int[] colours, float[] squared) {
        for (int c : colours) {
            if (squared[c] == 0) {
                return c;
            }
        }
        // No background colour among them: bin 0 is given none of the character's likelihood below.
        return squared[0] == 0 ? 0 : colours[0];
    }

    /** The 3 x 3 average as a plain loop: across ((left + here) + right), then down ((here + above) + below). */
    private static float[] plainDensity(int[] bins, int w, int grid, int gw, int gh, float[] squared) {
        float[] across = new float[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                float here = squared[bins[gy * grid * w + gx * grid]];
                if (gw == 1) {
                    across[gy * gw + gx] = here;
                } else if (gx == 0) {
                    across[gy * gw + gx] = (here + squared[bins[gy * grid * w + (gx + 1) * grid]]) / 2;
                } else if (gx + 1 == gw) {
                    across[gy * gw + gx] = (squared[bins[gy * grid * w + (gx - 1) * grid]] + here) / 2;
                } else {
                    across[gy * gw + gx] = (squared[bins[gy * grid * w + (gx - 1) * grid]] + here
                            + squared[bins[gy * grid * w + (gx + 1) * grid]]) / 3;
                }
            }
        }
        float[] density = new float[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                float here = across[gy * gw + gx];
                if (gh == 1) {
                    density[gy * gw + gx] = here;
                } else if (gy == 0) {
                    density[gy * gw + gx] = (here + across[(gy + 1) * gw + gx]) / 2;
                } else if (gy + 1 == gh) {
                    density[gy * gw + gx] = (here + across[(gy - 1) * gw + gx]) / 2;
                } else {
                    density[gy * gw + gx] = (here + across[(gy - 1) * gw + gx] + across[(gy + 1) * gw + gx]) / 3;
                }
            }
        }
        return density;
    }

    /** The summed-area table of the density above the floor: row sums, each added to the row above. */
    private static double[] plainIntegral(float[] density, int gw, int gh, double floor) {
        double[] integral = new double[(gw + 1) * (gh + 1)];
        for (int gy = 0; gy < gh; gy++) {
            double rowSum = 0;
            for (int gx = 0; gx < gw; gx++) {
                double evidence = density[gy * gw + gx] - floor;
                if (evidence > 0) {
                    rowSum += evidence;
                }
                integral[(gy + 1) * (gw + 1) + gx + 1] = integral[gy * (gw + 1) + gx + 1] + rowSum;
            }
        }
        return integral;
    }

    /**
     * Each sheet colour's distance to the nearest found colour is the smallest {@link ColourSpace#distanceSquared},
     * exactly, and its closeness the one of that distance.
     */
    @Property(tries = 200)
    void nearestFoundColourIsTheClosestOfAll(@ForAll @IntRange(min = 0, max = 70) int size,
                                             @ForAll @IntRange(min = 1, max = 200) int sheetSize,
                                             @ForAll long seed) {
        Random random = new Random(seed);
        int[] colours = distinctBins(random, size);
        int[] sheet = distinctBins(random, sheetSize);
        FrameAnalyzer.FoundPalette found = new FrameAnalyzer.FoundPalette(colours,
                new FrameAnalyzer.SheetColours(sheet));
        for (int slot = 0; slot < sheet.length; slot++) {
            float expected = Float.MAX_VALUE;
            for (int c : colours) {
                expected = Math.min(expected, ColourSpace.distanceSquared(sheet[slot], c));
            }
            assertEquals(expected, found.nearest(slot));
            assertEquals(size == 0 ? 0 : FrameAnalyzer.closeness(expected), found.closeness(sheet[slot], slot));
        }
    }

    private static int[] distinctBins(Random random, int size) {
        TreeSet<Integer> bins = new TreeSet<>();
        while (bins.size() < size) {
            bins.add(random.nextInt(ColourSpace.BINS));
        }
        return bins.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The adjacency signature from the coarse-colour table against the plain loop over likelihoods. */
    @Property(tries = 80)
    void adjacencyMatchesThePlainLoop(@ForAll @IntRange(min = 4, max = 80) int w,
                                      @ForAll @IntRange(min = 4, max = 80) int h, @ForAll long seed) {
        Random random = new Random(seed);
        int[] bins = patchyFrame(random, w, h);
        float[] likelihood = new float[ColourSpace.BINS];
        for (int c : bins) {
            likelihood[c] = random.nextInt(3) == 0 ? random.nextFloat() * 0.5f : 0.5f + random.nextFloat() * 0.5f;
        }
        int[] box = randomBox(random, w, h);
        FrameAnalyzer.FigureWeights weights = regionOf(bins, w, h);

        ColourAdjacency.Signature actual = FrameAnalyzer.adjacency(bins, w, box, likelihood, weights);

        ColourAdjacency plain = new ColourAdjacency();
        int d = ColourAdjacency.distance(box[3]);
        int boxRight = box[0] + box[2];
        int boxBottom = box[1] + box[3];
        for (int y = box[1]; y < boxBottom; y++) {
            for (int x = box[0]; x < boxRight; x++) {
                int bin = bins[y * w + x];
                if (likelihood[bin] < 0.5f) {
                    continue;
                }
                if (x + d < boxRight && likelihood[bins[y * w + x + d]] >= 0.5f) {
                    plain.add(bin, bins[y * w + x + d]);
                }
                if (y + d < boxBottom && likelihood[bins[(y + d) * w + x]] >= 0.5f) {
                    plain.add(bin, bins[(y + d) * w + x]);
                }
            }
        }
        ColourAdjacency.Signature expected = plain.signature();
        assertArrayEquals(expected.pairs(), actual.pairs());
        assertArrayEquals(expected.shares(), actual.shares());
    }

    /** The branch-free grain count against the plain loop over figure pixels. */
    @Property(tries = 80)
    void grainMatchesThePlainLoop(@ForAll @IntRange(min = 2, max = 80) int w,
                                  @ForAll @IntRange(min = 2, max = 80) int h, @ForAll long seed) {
        Random random = new Random(seed);
        int[] bins = patchyFrame(random, w, h);
        float[] figure = new float[ColourSpace.BINS];
        for (int c : bins) {
            figure[c] = random.nextInt(4) == 0 ? random.nextFloat() * 0.5f : 0.5f + random.nextFloat() * 0.5f;
        }
        int[] box = randomBox(random, w, h);

        ViewModel.Grain plain = new ViewModel.Grain();
        int boxRight = box[0] + box[2];
        int boxBottom = box[1] + box[3];
        for (int y = box[1]; y < boxBottom; y++) {
            for (int x = box[0]; x < boxRight; x++) {
                int bin = bins[y * w + x];
                if (figure[bin] < 0.5f) {
                    continue;
                }
                if (x + 1 < boxRight && figure[bins[y * w + x + 1]] >= 0.5f) {
                    plain.horizontal(bin != bins[y * w + x + 1]);
                }
                if (y + 1 < boxBottom && figure[bins[(y + 1) * w + x]] >= 0.5f) {
                    plain.vertical(bin != bins[(y + 1) * w + x]);
                }
            }
        }
        assertEquals(plain.logRatio(), FrameAnalyzer.grain(bins, w, box, figure));
    }

    /** A frame of rectangular patches of a few colours with some noise: colours border each other in runs. */
    private static int[] patchyFrame(Random random, int w, int h) {
        int[] colours = new int[2 + random.nextInt(10)];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = random.nextInt(ColourSpace.BINS);
        }
        int[] bins = new int[w * h];
        Arrays.fill(bins, colours[0]);
        for (int p = 0; p < 12; p++) {
            int pw = 1 + random.nextInt(w);
            int ph = 1 + random.nextInt(h);
            int x0 = random.nextInt(w - pw + 1);
            int y0 = random.nextInt(h - ph + 1);
            int c = colours[random.nextInt(colours.length)];
            for (int y = y0; y < y0 + ph; y++) {
                Arrays.fill(bins, y * w + x0, y * w + x0 + pw, c);
            }
        }
        for (int i = 0; i < w * h / 10; i++) {
            bins[random.nextInt(w * h)] = colours[random.nextInt(colours.length)];
        }
        return bins;
    }

    private static int[] randomBox(Random random, int w, int h) {
        int bw = 1 + random.nextInt(w);
        int bh = 1 + random.nextInt(h);
        return new int[] {random.nextInt(w - bw + 1), random.nextInt(h - bh + 1), bw, bh};
    }

    /** The whole frame as the region: its bins, ascending. */
    private static FrameAnalyzer.FigureWeights regionOf(int[] bins, int w, int h) {
        int[] distinct = Arrays.stream(bins).distinct().sorted().toArray();
        return new FrameAnalyzer.FigureWeights(new float[ColourSpace.BINS], distinct, distinct.length);
    }
}
