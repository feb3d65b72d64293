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
 * JavaFX's whole fitted decode (38-45 ms), against 12-14 ms here (FittedPngDecodeBenchmark, 2 shared cores, JDK 17). The JDK's own area average ({@code AreaAveragingScaleFilter}) gives the same pixels but works
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
        Taps columns = new Taps(sourceWidth, width);

        // Down first, then across: source rows are added, weighted by how much of the output row they cover, into
        // sums per source column; a finished output row is then shrunk across with a fixed number of taps per output
        // pixel. Both inner loops are free of data-dependent branches, and the first keeps integer sums in one array
        // a channel (in isolation about twice as fast as float sums).
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
     * {@link Span}'s coverage across as a fixed number of taps per output pixel in integer units (256 a whole source
     * pixel; weights past an output pixel's last source pixel are 0), so that shrinking a row is a plain
     * multiply-add loop; and the reciprocal of each output pixel's total weight.
     */
    private static final class Taps {
        static final int UNIT = 256;
        final int taps;
        final int[] firstPixel;
        final int[] weights;
        final float[] perTotal;

        private final long[] alphas;
        private final long[] reds;
        private final long[] greens;
        private final long[] blues;

        Taps(int sourceSize, int size) {
            alphas = new long[size];
            reds = new long[size];
            greens = new long[size];
            blues = new long[size];
            Span span = new Span(sourceSize, size);
            RowWeights quantised = new RowWeights(span, UNIT);
            taps = span.mostPixels;
            firstPixel = new int[size];
            weights = new int[taps * size]; // tap k of output pixel x at k * size + x
            perTotal = new float[size];
            for (int x = 0; x < size; x++) {
                // Taps start early enough near the right edge that they never read past the last source pixel.
                int first = Math.min(span.firstPixel[x], sourceSize - taps);
                firstPixel[x] = first;
                for (int pixel = span.firstPixel[x]; pixel <= span.lastPixel[x]; pixel++) {
                    int weight = pixel == span.firstPixel[x] ? quantised.first[x]
                            : pixel == span.lastPixel[x] ? quantised.last[x] : UNIT;
                    weights[(pixel - first) * size + x] = weight;
                }
                perTotal[x] = 1f / quantised.total[x];
            }
        }

        /**
         * Shrinks summed source rows across into output row pixels {@code out[start..]}: divided by the area covered
         * (opaque) or by the alpha covered (premultiplied sums). Sums are never negative, so adding 0.5 and truncating
         * rounds.
         */
        void write(ColumnSums sums, int rowTotal, boolean opaque, int[] out, int start) {
            int size = firstPixel.length;
            // Tap by tap over the whole row rather than pixel by pixel over its few taps: long inner loops are what
            // the JIT compiles well (10-15 % less time for the whole downscale).
            Arrays.fill(alphas, 0L);
            Arrays.fill(reds, 0L);
            Arrays.fill(greens, 0L);
            Arrays.fill(blues, 0L);
            for (int k = 0; k < taps; k++) {
                addTap(sums, k);
                if (!opaque) {
                    addTap(sums.alpha, k, alphas);
                }
            }
            float perRowTotal = 1f / rowTotal;
            for (int x = 0; x < size; x++) {
                long alpha = alphas[x];
                long red = reds[x];
                long green = greens[x];
                long blue = blues[x];
                float perCovered = perTotal[x] * perRowTotal;
                if (opaque) {
                    out[start + x] = 0xFF000000 | clamp((int) (red * perCovered + 0.5f)) << 16
                            | clamp((int) (green * perCovered + 0.5f)) << 8 | clamp((int) (blue * perCovered + 0.5f));
                } else if (alpha <= 0) {
                    out[start + x] = 0; // nothing visible: transparent black, as JavaFX stores it
                } else {
                    float perAlpha = 1f / alpha;
                    out[start + x] = clamp((int) (alpha * perCovered + 0.5f)) << 24
                            | clamp((int) (red * perAlpha + 0.5f)) << 16 | clamp((int) (green * perAlpha + 0.5f)) << 8
                            | clamp((int) (blue * perAlpha + 0.5f));
                }
            }
        }

        private void addTap(ColumnSums sums, int tap) {
            int[] first = firstPixel;
            int[] w = weights;
            int[] r = sums.red;
            int[] g = sums.green;
            int[] b = sums.blue;
            long[] red = reds;
            long[] green = greens;
            long[] blue = blues;
            int offset = tap * first.length;
            for (int x = 0; x < red.length; x++) {
                int source = first[x] + tap;
                long weight = w[offset + x];
                red[x] += r[source] * weight;
                green[x] += g[source] * weight;
                blue[x] += b[source] * weight;
            }
        }

        private void addTap(int[] sums, int tap, long[] into) {
            int[] first = firstPixel;
            int[] w = weights;
            int offset = tap * first.length;
            for (int x = 0; x < into.length; x++) {
                into[x] += (long) sums[first[x] + tap] * w[offset + x];
            }
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
