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
 * patch.</li>
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
     * @param step   working-to-frame pixel scale, for the box
     */
    static CharacterAnalysis analyze(FramePixels pixels, int step, CharacterModel model) {
        int w = pixels.width();
        int h = pixels.height();
        short[] bins = pixels.bins();
        float[] likelihood = new float[ColourSpace.BINS];
        for (int c = 0; c < likelihood.length; c++) {
            double frameShare = pixels.histogram()[c];
            likelihood[c] = frameShare == 0 ? 0 : (float) Math.min(1.0, model.colourModel()[c] / frameShare);
        }
        // Evidence at the frame's average level is what a background sharing the character's colours (a purple
        // sunset behind a purple coat) gives everywhere: only evidence above it may pull the window.
        double average = 0;
        for (int c = 0; c < likelihood.length; c++) {
            average += pixels.histogram()[c] * likelihood[c] * likelihood[c];
        }
        // The window is searched on every other pixel in each direction: a quarter of the work, and 2-pixel
        // precision is plenty for a box that is refined from the figure's own pixels afterwards.
        int grid = w >= 256 && h >= 128 ? 2 : 1;
        int gw = w / grid;
        int gh = h / grid;
        float[] squared = new float[ColourSpace.BINS];
        for (int c = 0; c < squared.length; c++) {
            squared[c] = likelihood[c] * likelihood[c];
        }
        float[] density = localDensity(bins, w, grid, gw, gh, squared);
        double floor = Math.max(average, densityQuantile(density, BACKGROUND_QUANTILE));
        int[] found = searchWindow(integrate(density, gw, gh, floor), gw, gh);
        if (found == null && floor > average) {
            // The character fills most of the frame evenly: nothing stands above the percentile, the average will do.
            found = searchWindow(integrate(density, gw, gh, average), gw, gh);
        }
        if (found == null) {
            return notFound(model, w, h, step);
        }
        int[] window = {found[0] * grid, found[1] * grid, found[2] * grid, found[3] * grid};
        return measure(pixels, step, model, likelihood, window);
    }

    /** Summed-area table of the evidence: the local density above {@code floor}. */
    private static double[] integrate(float[] density, int gw, int gh, double floor) {
        double[] integral = new double[(gw + 1) * (gh + 1)];
        for (int gy = 0; gy < gh; gy++) {
            double rowSum = 0;
            int out = (gy + 1) * (gw + 1);
            int above = gy * (gw + 1);
            for (int gx = 0; gx < gw; gx++) {
                rowSum += Math.max(0, density[gy * gw + gx] - floor);
                integral[out + gx + 1] = integral[above + gx + 1] + rowSum;
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

    /** The {@code quantile} of the densities (0..1), to 1/256. */
    private static double densityQuantile(float[] density, double quantile) {
        int[] counts = new int[257];
        for (float v : density) {
            counts[Math.max(0, Math.min(256, (int) (v * 256)))]++;
        }
        int needed = (int) Math.ceil(quantile * density.length);
        int seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
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
     */
    private static float[] localDensity(short[] bins, int w, int grid, int gw, int gh, float[] squared) {
        float[] rows = new float[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            int rowBase = gy * grid * w;
            float left = 0;
            float here = squared[bins[rowBase]];
            for (int gx = 0; gx < gw; gx++) {
                float right = gx + 1 < gw ? squared[bins[rowBase + (gx + 1) * grid]] : 0;
                int n = (gx > 0 ? 1 : 0) + 1 + (gx + 1 < gw ? 1 : 0);
                rows[gy * gw + gx] = (left + here + right) / n;
                left = here;
                here = right;
            }
        }
        float[] density = new float[gw * gh];
        for (int gy = 0; gy < gh; gy++) {
            int n = (gy > 0 ? 1 : 0) + 1 + (gy + 1 < gh ? 1 : 0);
            for (int gx = 0; gx < gw; gx++) {
                float sum = rows[gy * gw + gx];
                if (gy > 0) {
                    sum += rows[(gy - 1) * gw + gx];
                }
                if (gy + 1 < gh) {
                    sum += rows[(gy + 1) * gw + gx];
                }
                density[gy * gw + gx] = sum / n;
            }
        }
        return density;
    }

    /**
     * Exponent of the area in the window objective {@code S^2 / area^k}. With k = 1 a faint haze of evidence over a
     * background that shares some of the character's colours can outweigh the character itself once it covers the
     * whole frame; a little above 1 favours the compact, dense window (the figure's extent is recovered afterwards).
     */
    private static final double COMPACTNESS = 1.3;

    /** Side of the blocks the coarse search runs on: 3 x 3 search-grid cells (6 x 6 working pixels). */
    private static final int BLOCK = 3;

    /**
     * Coarse-to-fine: the full search runs on 4 x 4 blocks (9 times fewer windows), then the best window is
     * refined in working pixels around it.
     */
    private static int[] searchWindow(double[] integral, int w, int h) {
        int cw = w / BLOCK;
        int ch = h / BLOCK;
        if (cw < 8 || ch < 8) {
            return search(integral, w, h, 1, 0, 0, w, h, null);
        }
        int[] coarse = search(integral, w, h, BLOCK, 0, 0, w, h, null);
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
    private static int[] search(double[] integral, int w, int h, int unit, int boundX0, int boundY0, int boundX1,
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

    private static CharacterAnalysis measure(FramePixels pixels, int step, CharacterModel model, float[] likelihood,
                                             int[] window) {
        int w = pixels.width();
        int h = pixels.height();
        short[] bins = pixels.bins();
        int[] region = expand(window, REGION, w, h);
        int[] outer = expand(window, RING, w, h);
        int[] inside = new int[ColourSpace.BINS];
        int[] ring = new int[ColourSpace.BINS];
        int insideArea = 0;
        int ringArea = 0;
        for (int y = outer[1]; y < outer[1] + outer[3]; y++) {
            for (int x = outer[0]; x < outer[0] + outer[2]; x++) {
                int bin = bins[y * w + x];
                if (contains(region, x, y)) {
                    inside[bin]++;
                    insideArea++;
                } else {
                    ring[bin]++;
                    ringArea++;
                }
            }
        }
        float[] figure = new float[ColourSpace.BINS];
        boolean ringUsable = ringArea >= insideArea / 20 && ringArea > 0;
        for (int c = 0; c < figure.length; c++) {
            if (inside[c] == 0) {
                continue;
            }
            float byContrast = 0;
            if (ringUsable) {
                double densityInside = inside[c] / (double) insideArea;
                double densityRing = ring[c] / (double) ringArea;
                byContrast = (float) Math.max(0, Math.min(1, 1 - FIGURE_CONTRAST * densityRing / densityInside));
            }
            figure[c] = Math.max(byContrast, likelihood[c]);
        }
        int[] box = figureExtent(bins, w, region, figure);
        if (box == null) {
            return notFound(model, w, h, step);
        }
        double[] found = new double[ColourSpace.BINS];
        double[][] bandFound = new double[ViewModel.BANDS][ColourSpace.BINS];
        double[] bandTotal = new double[ViewModel.BANDS];
        double total = 0;
        long area = 0;
        PartMoments parts = new PartMoments();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        for (int y = box[1]; y < box[1] + box[3]; y++) {
            for (int x = box[0]; x < box[0] + box[2]; x++) {
                int bin = bins[y * w + x];
                float weight = figure[bin];
                if (weight > 0) {
                    found[bin] += weight;
                    total += weight;
                    int band = Math.min(ViewModel.BANDS - 1, (y - box[1]) * ViewModel.BANDS / box[3]);
                    bandFound[band][bin] += weight;
                    bandTotal[band] += weight;
                }
                if (weight >= 0.5f) {
                    area++;
                    parts.add(bin, x, y);
                    sx += x;
                    sy += y;
                    sxx += (double) x * x;
                    syy += (double) y * y;
                }
            }
        }
        if (total <= 0 || area < 8) {
            return notFound(model, w, h, step);
        }
        ViewModel.Grain grain = new ViewModel.Grain();
        int boxRight = box[0] + box[2];
        int boxBottom = box[1] + box[3];
        for (int y = box[1]; y < boxBottom; y++) {
            for (int x = box[0]; x < boxRight; x++) {
                int bin = bins[y * w + x];
                if (figure[bin] < 0.5f) {
                    continue;
                }
                if (x + 1 < boxRight && figure[bins[y * w + x + 1]] >= 0.5f) {
                    grain.horizontal(bin != bins[y * w + x + 1]);
                }
                if (y + 1 < boxBottom && figure[bins[(y + 1) * w + x]] >= 0.5f) {
                    grain.vertical(bin != bins[(y + 1) * w + x]);
                }
            }
        }
        double frameGrain = grain.logRatio();
        // Pairs of the character's own colours only: a colour it does not have (an occluding object, a foreign
        // hat) is the colour precision's business; here what counts is whether its colours border each other as
        // in the sheet.
        ColourAdjacency adjacency = new ColourAdjacency();
        int d = ColourAdjacency.distance(box[3]);
        for (int y = box[1]; y < boxBottom; y++) {
            for (int x = box[0]; x < boxRight; x++) {
                int bin = bins[y * w + x];
                if (likelihood[bin] < 0.5f) {
                    continue;
                }
                if (x + d < boxRight && likelihood[bins[y * w + x + d]] >= 0.5f) {
                    adjacency.add(bin, bins[y * w + x + d]);
                }
                if (y + d < boxBottom && likelihood[bins[(y + d) * w + x]] >= 0.5f) {
                    adjacency.add(bin, bins[(y + d) * w + x]);
                }
            }
        }
        ColourAdjacency.Signature frameAdjacency = adjacency.signature();
        for (int c = 0; c < found.length; c++) {
            found[c] /= total;
        }
        double fatness = area / ((double) box[3] * box[3]);
        double varX = sxx / area - (sx / area) * (sx / area);
        double varY = syy / area - (sy / area) * (sy / area);
        double spread = Math.sqrt(Math.max(varX, 1e-9) / Math.max(varY, 1e-9));
        int[] foundPalette = ViewModel.paletteOf(found);
        int[][] bandPalettes = new int[ViewModel.BANDS][];
        for (int b = 0; b < ViewModel.BANDS; b++) {
            for (int c = 0; c < ColourSpace.BINS; c++) {
                bandFound[b][c] = bandTotal[b] > 0 ? bandFound[b][c] / bandTotal[b] : 0;
            }
            bandPalettes[b] = ViewModel.paletteOf(bandFound[b]);
        }
        double[] core = new double[ColourSpace.BINS];
        double coreTotal = 0;
        for (int y = window[1]; y < window[1] + window[3]; y++) {
            for (int x = window[0]; x < window[0] + window[2]; x++) {
                int bin = bins[y * w + x];
                if (figure[bin] > 0) {
                    core[bin] += figure[bin];
                    coreTotal += figure[bin];
                }
            }
        }
        for (int c = 0; c < core.length; c++) {
            core[c] = coreTotal > 0 ? core[c] / coreTotal : 0;
        }
        int[] corePalette = ViewModel.paletteOf(core);
        List<CharacterAnalysis.ViewSignals> signals = new ArrayList<>();
        for (int v = 0; v < model.views().size(); v++) {
            ViewModel view = model.views().get(v);
            signals.add(new CharacterAnalysis.ViewSignals(view.name(),
                    precision(found, model.paletteDistance().get(v)),
                    recall(view.histogram(), view.palette(), foundPalette),
                    overlap(found, view.histogram()),
                    Math.abs(Math.log(fatness / view.fatness())),
                    Math.abs(Math.log(spread / view.spread())),
                    parts.stretchAgainst(view.parts()),
                    precision(core, model.paletteDistance().get(v)),
                    recall(view.histogram(), view.palette(), corePalette),
                    bandPrecision(bandFound, view),
                    bandRecall(bandPalettes, view),
                    frameGrain - view.grain(),
                    adjacency(frameAdjacency, view.adjacencyAt(box[3]))));
        }
        Box frameBox = new Box(box[0] * step, box[1] * step, box[2] * step, box[3] * step);
        return new CharacterAnalysis(model.name(), true, frameBox, signals, coarseSignature(found),
                box[3] / (double) h, fatness);
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

    private static CharacterAnalysis notFound(CharacterModel model, int w, int h, int step) {
        List<CharacterAnalysis.ViewSignals> signals = model.views().stream()
                .map(v -> new CharacterAnalysis.ViewSignals(v.name(), 0, 0, 0, 0, 0, Double.NaN, 0, 0, 0, 0,
                        Double.NaN, 0)).toList();
        return new CharacterAnalysis(model.name(), false, new Box(0, 0, w * step, h * step), signals, new float[64], 1,
                Double.NaN);
    }

    /** Trimmed extent (1st to 99th percentile in x and y) of the figure pixels in {@code region}. */
    private static int[] figureExtent(short[] bins, int w, int[] region, float[] figure) {
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

    private static int lowerCut(int[] counts, int trim) {
        int seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen > trim) {
                return i;
            }
        }
        return 0;
    }

    private static int upperCut(int[] counts, int trim) {
        int seen = 0;
        for (int i = counts.length - 1; i >= 0; i--) {
            seen += counts[i];
            if (seen > trim) {
                return i;
            }
        }
        return counts.length - 1;
    }

    private static double precision(double[] found, float[] distanceToPalette) {
        double sum = 0;
        double k = -1 / (2 * SIGMA_DELTA_E * SIGMA_DELTA_E);
        for (int c = 0; c < found.length; c++) {
            if (found[c] > 0) {
                sum += found[c] * Math.exp(distanceToPalette[c] * k);
            }
        }
        return sum;
    }

    private static double bandPrecision(double[][] bandFound, ViewModel view) {
        double sum = 0;
        for (int b = 0; b < ViewModel.BANDS; b++) {
            sum += precision(bandFound[b], view.bandDistance()[b]);
        }
        return sum / ViewModel.BANDS;
    }

    private static double bandRecall(int[][] bandPalettes, ViewModel view) {
        double sum = 0;
        for (int b = 0; b < ViewModel.BANDS; b++) {
            double[] histogram = view.bands()[b];
            sum += recall(histogram, ViewModel.paletteOf(histogram), bandPalettes[b]);
        }
        return sum / ViewModel.BANDS;
    }

    private static double recall(double[] histogram, int[] palette, int[] foundPalette) {
        double k = -1 / (2 * SIGMA_DELTA_E * SIGMA_DELTA_E);
        double sum = 0;
        double mass = 0;
        for (int s : palette) {
            float best = Float.MAX_VALUE;
            for (int f : foundPalette) {
                best = Math.min(best, ColourSpace.distanceSquared(s, f));
            }
            double share = histogram[s];
            mass += share;
            sum += share * (foundPalette.length == 0 ? 0 : Math.exp(best * k));
        }
        return mass == 0 ? 0 : sum / mass;
    }

    /** Histogram intersection (Swain and Ballard [1]) on 512 bins of 3 bits per channel. */
    private static double overlap(double[] found, double[] view) {
        double[] a = new double[512];
        double[] b = new double[512];
        for (int c = 0; c < found.length; c++) {
            int coarse = (c >> 9 & 7) << 6 | (c >> 5 & 7) << 3 | (c >> 1 & 7);
            a[coarse] += found[c];
            b[coarse] += view[c];
        }
        double sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += Math.min(a[i], b[i]);
        }
        return sum;
    }

    private static float[] coarseSignature(double[] found) {
        float[] signature = new float[64];
        for (int c = 0; c < found.length; c++) {
            int coarse = (c >> 10 & 3) << 4 | (c >> 6 & 3) << 2 | (c >> 2 & 3);
            signature[coarse] += (float) found[c];
        }
        return signature;
    }

    private static int[] expand(int[] window, double by, int w, int h) {
        int dx = (int) Math.round(window[2] * by);
        int dy = (int) Math.round(window[3] * by);
        int x0 = Math.max(0, window[0] - dx);
        int y0 = Math.max(0, window[1] - dy);
        int x1 = Math.min(w, window[0] + window[2] + dx);
        int y1 = Math.min(h, window[1] + window[3] + dy);
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }

    private static boolean contains(int[] r, int x, int y) {
        return x >= r[0] && y >= r[1] && x < r[0] + r[2] && y < r[1] + r[3];
    }
}
