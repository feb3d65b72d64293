package dev.onmodel.app.ui.images;

import dev.onmodel.core.consistency.decode.Raster;

import java.util.Arrays;

/**
 * Shrinks a packed-ARGB raster with an area-averaging (box) filter: every output pixel is the mean of the source area
 * it covers, with partly covered source pixels weighted by the fraction covered. JavaFX's own smooth fit is a box
 * filter too (a slightly wider one, so its fit is a little softer), so a frame decoded by {@link PngFrameImages}
 * looks like one JavaFX fitted itself.
 *
 * <p>Colours are averaged weighted by alpha (premultiplied), so the invisible colour of a transparent pixel never
 * bleeds into its visible neighbours; an opaque frame skips that work.
 *
 * <p>Written here rather than taken from imgscalr: imgscalr has no area-averaging filter (its QUALITY method is
 * bilinear interpolation in halving steps, which at the viewer's 1.2-2x reductions is a single bilinear step that
 * skips source pixels), and shrinking a 1920x1080 frame to 1100x619 took it 47-50 ms (int[] in and out), more than
 * JavaFX's whole fitted decode (32-45 ms), against 12-14 ms here (FittedPngDecodeBenchmark, 2 shared cores, JDK 17). The JDK's own area average ({@code AreaAveragingScaleFilter}) gives the same pixels but works
 * through AWT's image producer pipeline on a BufferedImage; the tests use it as the reference.
 */
final class AreaAverageDownscale {

    /** What a column's sum of source rows may reach: whole rows weigh less than 256 when more would overflow it. */
    private static final long INT_SUM_LIMIT = Integer.MAX_VALUE;

    private AreaAverageDownscale() {
    }

    /**
     * The raster shrunk to {@code width} x {@code height}, each no larger than the source's.
     *
     * @return non-premultiplied ARGB, {@code width * height} pixels, row-major
     */
    static int[] downscale(Raster source, int width, int height) {
        int sourceWidth = source.width();
        int sourceHeight = source.height();
        if (width <= 0 || height <= 0 || width > sourceWidth || height > sourceHeight) {
            throw new IllegalArgumentException("cannot shrink " + sourceWidth + "x" + sourceHeight + " to " + width
                    + "x" + height);
        }
        int[] argb = source.argb();
        boolean opaque = isOpaque(argb);
        Span rows = new Span(sourceHeight, height);
        // Down: whole source rows weigh `unit`, partly covered ones their share of it, in integers, as large as keeps
        // a column's sum (255 * 255 * unit a row when premultiplied) within an int.
        long largestSample = opaque ? 255L : 255L * 255L;
        int unit = (int) Math.max(1, Math.min(256, INT_SUM_LIMIT / (largestSample * (rows.mostPixels + 1))));
        RowWeights rowWeights = new RowWeights(rows, unit);
        Across columns = new Across(sourceWidth, width);

        // Down first, then across: source rows are added, weighted by how much of the output row they cover, into
        // sums per source column; a finished output row is then shrunk across from running sums along it. The inner
        // loops are free of data-dependent branches, and the first keeps integer sums in one array a channel (in
        // isolation about twice as fast as float sums).
        ColumnSums current = new ColumnSums(sourceWidth);
        ColumnSums next = new ColumnSums(sourceWidth);
        int[] out = new int[width * height];
        int outputRow = 0;
        for (int y = 0; y < sourceHeight; y++) {
            int row = outputRow;
            boolean lastOfRow = rows.lastPixel[row] == y;
            int share = rows.firstPixel[row] == y ? rowWeights.first[row] : lastOfRow ? rowWeights.last[row] : unit;
            int start = y * sourceWidth;
            current.add(argb, start, share, opaque);
            if (lastOfRow && row + 1 < height && rows.firstPixel[row + 1] == y) {
                next.add(argb, start, rowWeights.first[row + 1], opaque); // the row straddles two output rows
            }
            if (lastOfRow) {
                columns.write(current, rowWeights.total[row], opaque, out, row * width);
                outputRow++;
                ColumnSums emptied = current;
                current = next;
                next = emptied;
                next.clear();
            }
        }
        return out;
    }

    private static boolean isOpaque(int[] argb) {
        int all = -1;
        for (int pixel : argb) {
            all &= pixel;
        }
        return all >>> 24 == 0xFF;
    }

    /**
     * Along one axis, for each output pixel: the first and last source pixel it covers and the fraction of each it
     * covers (the ones in between are covered whole). Output pixel {@code x} covers {@code [x * scale, (x + 1) *
     * scale)} in source pixels.
     */
    private static final class Span {
        final int[] firstPixel;
        final int[] lastPixel;
        final double[] firstWeight;
        final double[] lastWeight;
        /** The most source pixels one output pixel touches. */
        final int mostPixels;

        Span(int sourceSize, int size) {
            firstPixel = new int[size];
            lastPixel = new int[size];
            firstWeight = new double[size];
            lastWeight = new double[size];
            double scale = (double) sourceSize / size; // at least 1
            int most = 1;
            for (int x = 0; x < size; x++) {
                // The same expression for one pixel's end and the next one's start, so that they meet exactly.
                double from = x * scale;
                double to = x + 1 == size ? sourceSize : (x + 1) * scale;
                int first = Math.min(sourceSize - 1, (int) Math.floor(from));
                int last = Math.max(first, Math.min(sourceSize - 1, (int) Math.ceil(to) - 1));
                firstPixel[x] = first;
                lastPixel[x] = last;
                firstWeight[x] = Math.min(first + 1, to) - from;
                lastWeight[x] = to - Math.max(last, from);
                most = Math.max(most, last - first + 1);
            }
            mostPixels = most;
        }
    }

    /**
     * {@link Span}'s weights of the first and last source pixel of each output pixel in integer units of a whole
     * source pixel, a source pixel straddling two output pixels split so that its two parts add up to exactly one; and
     * each output pixel's total weight.
     */
    private static final class RowWeights {
        final int[] first;
        final int[] last;
        final int[] total;

        RowWeights(Span rows, int unit) {
            int size = rows.firstPixel.length;
            first = new int[size];
            last = new int[size];
            total = new int[size];
            for (int r = 0; r < size; r++) {
                boolean straddledFromAbove = r > 0 && rows.lastPixel[r - 1] == rows.firstPixel[r];
                first[r] = straddledFromAbove ? unit - last[r - 1] : (int) Math.round(rows.firstWeight[r] * unit);
                last[r] = rows.lastPixel[r] == rows.firstPixel[r] ? first[r]
                        : (int) Math.round(rows.lastWeight[r] * unit);
                int inBetween = Math.max(0, rows.lastPixel[r] - rows.firstPixel[r] - 1);
                total[r] = rows.lastPixel[r] == rows.firstPixel[r] ? first[r] : first[r] + last[r] + inBetween * unit;
            }
        }
    }

    /** Weighted sums of source rows per source column, one array a channel; premultiplied unless opaque. */
    private static final class ColumnSums {
        final int[] alpha;
        final int[] red;
        final int[] green;
        final int[] blue;

        ColumnSums(int width) {
            alpha = new int[width];
            red = new int[width];
            green = new int[width];
            blue = new int[width];
        }

        void add(int[] argb, int start, int weight, boolean opaque) {
            int[] r = red;
            int[] g = green;
            int[] b = blue;
            if (opaque) {
                for (int x = 0; x < r.length; x++) {
                    int pixel = argb[start + x];
                    r[x] += ((pixel >> 16) & 0xFF) * weight;
                    g[x] += ((pixel >> 8) & 0xFF) * weight;
                    b[x] += (pixel & 0xFF) * weight;
                }
                return;
            }
            int[] a = alpha;
            for (int x = 0; x < r.length; x++) {
                int pixel = argb[start + x];
                int w = (pixel >>> 24) * weight;
                a[x] += w;
                r[x] += ((pixel >> 16) & 0xFF) * w;
                g[x] += ((pixel >> 8) & 0xFF) * w;
                b[x] += (pixel & 0xFF) * w;
            }
        }

        void clear() {
            Arrays.fill(alpha, 0);
            Arrays.fill(red, 0);
            Arrays.fill(green, 0);
            Arrays.fill(blue, 0);
        }
    }

    /**
     * Shrinks rows across: an output pixel's sum is a difference of two running sums along the row (the whole source
     * pixels it covers) plus its partly covered first and last source pixel, so the cost per output pixel does not
     * grow with the scale and the one pass over the row reads it in order. Weights in integer units (256 a whole
     * source pixel), a source pixel straddling two output pixels split so that its parts add up to exactly one.
     */
    private static final class Across {
        static final int UNIT = 256;
        private final int[] firstPixel;
        private final int[] lastPixel;
        private final int[] firstWeight;
        /** The last pixel's weight; {@link #UNIT} when it is the first pixel too, which makes the sums come out right. */
        private final int[] lastWeight;
        private final float[] perTotal;
        private final long[] alphas;
        private final long[] reds;
        private final long[] greens;
        private final long[] blues;

        Across(int sourceSize, int size) {
            Span span = new Span(sourceSize, size);
            RowWeights quantised = new RowWeights(span, UNIT);
            firstPixel = span.firstPixel;
            lastPixel = span.lastPixel;
            firstWeight = quantised.first;
            lastWeight = new int[size];
            perTotal = new float[size];
            for (int x = 0; x < size; x++) {
                lastWeight[x] = lastPixel[x] == firstPixel[x] ? UNIT : quantised.last[x];
                perTotal[x] = 1f / quantised.total[x];
            }
            alphas = new long[sourceSize + 1];
            reds = new long[sourceSize + 1];
            greens = new long[sourceSize + 1];
            blues = new long[sourceSize + 1];
        }

        /**
         * Shrinks summed source rows across into output row pixels {@code out[start..]}: divided by the area covered
         * (opaque) or by the alpha covered (premultiplied sums). Sums are never negative, so adding 0.5 and truncating
         * rounds.
         */
        void write(ColumnSums sums, int rowTotal, boolean opaque, int[] out, int start) {
            int[] a = sums.alpha;
            int[] r = sums.red;
            int[] g = sums.green;
            int[] b = sums.blue;
            long[] runningRed = reds;
            long[] runningGreen = greens;
            long[] runningBlue = blues;
            long[] runningAlpha = alphas;
            long totalRed = 0;
            long totalGreen = 0;
            long totalBlue = 0;
            for (int i = 0; i < r.length; i++) {
                totalRed += r[i];
                totalGreen += g[i];
                totalBlue += b[i];
                runningRed[i + 1] = totalRed;
                runningGreen[i + 1] = totalGreen;
                runningBlue[i + 1] = totalBlue;
            }
            if (!opaque) {
                long totalAlpha = 0;
                for (int i = 0; i < a.length; i++) {
                    totalAlpha += a[i];
                    runningAlpha[i + 1] = totalAlpha;
                }
            }
            float perRowTotal = 1f / rowTotal;
            int size = firstPixel.length;
            for (int x = 0; x < size; x++) {
                int first = firstPixel[x];
                int last = lastPixel[x];
                long inFirst = firstWeight[x];
                long inLast = lastWeight[x];
                // Whole pixels first+1 .. last-1, then the two partly covered ones (first == last: -1 + weight + 1).
                long red = (runningRed[last] - runningRed[first + 1]) * UNIT + r[first] * inFirst + r[last] * inLast;
                long green = (runningGreen[last] - runningGreen[first + 1]) * UNIT + g[first] * inFirst
                        + g[last] * inLast;
                long blue = (runningBlue[last] - runningBlue[first + 1]) * UNIT + b[first] * inFirst
                        + b[last] * inLast;
                float perCovered = perTotal[x] * perRowTotal;
                if (opaque) {
                    out[start + x] = 0xFF000000 | clamp((int) (red * perCovered + 0.5f)) << 16
                            | clamp((int) (green * perCovered + 0.5f)) << 8 | clamp((int) (blue * perCovered + 0.5f));
                    continue;
                }
                long alpha = (runningAlpha[last] - runningAlpha[first + 1]) * UNIT + a[first] * inFirst
                        + a[last] * inLast;
                if (alpha <= 0) {
                    out[start + x] = 0; // nothing visible: transparent black, as JavaFX stores it
                } else {
                    float perAlpha = 1f / alpha;
                    out[start + x] = clamp((int) (alpha * perCovered + 0.5f)) << 24
                            | clamp((int) (red * perAlpha + 0.5f)) << 16 | clamp((int) (green * perAlpha + 0.5f)) << 8
                            | clamp((int) (blue * perAlpha + 0.5f));
                }
            }
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
