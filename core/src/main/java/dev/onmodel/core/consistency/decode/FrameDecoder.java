package dev.onmodel.core.consistency.decode;

import dev.onmodel.core.imaging.ImageHeader;
import dev.onmodel.core.imaging.ImageHeaders;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/**
 * Reads image files into {@link Raster}s, subsampled while decoding so that a 4K frame never exists at full size in
 * memory (a 3840x2160 frame read at working size 640 holds 640x360 pixels, not 8 million).
 *
 * <p>PNG files (8 and 16 bits per sample, not interlaced: what renderers and generators write) go through
 * {@link PngStreamDecoder}: rows are inflated and unfiltered one at a time (PNG filters refer to the previous row, so
 * every row must be inflated) but only every {@code step}-th row and column is converted to a pixel, which skips the
 * per-pixel colour conversion and the full-size buffer the JDK's decoder allocates. Other formats, interlaced and
 * sub-byte PNGs go through ImageIO with source subsampling.
 *
 * <p>Scoring reads frames with {@link #readColourCodes}, which hands over each sampled pixel's colour code instead of
 * its ARGB value (the analysis needs nothing else), so that no raster is written and read back per frame.
 *
 * <p>The header is read first (the PNG's IHDR, or {@link ImageHeaders#readWithinLimit} for the rest) so that
 * zero-byte, non-image and oversized files are refused before any pixel buffer is allocated. Every failure is an {@link IOException} whose message
 * is the plain reason shown to users.
 */
public final class FrameDecoder {

    private FrameDecoder() {
    }

    /**
     * Reads {@code file} so that its longest side is at most about {@code workingSize} pixels, subsampling by the
     * smallest integer step that fits (a 1280x720 frame at 640 is read 2:1).
     *
     * @return the raster and the step used (frame pixel = raster pixel * step)
     * @throws IOException with the reason as message: "zero-byte file", "image too large: ...", "damaged image
     *                     data: ..."
     */
    public static Decoded readSubsampled(Path file, int workingSize, long maxPixels) throws IOException {
        Decoded png = PngStreamDecoder.read(file, workingSize, maxPixels);
        if (png != null) {
            return png;
        }
        ImageHeader header = ImageHeaders.readWithinLimit(file, maxPixels);
        int longest = Math.max(header.width(), header.height());
        int step = Math.max(1, (longest + workingSize - 1) / workingSize);
        return new Decoded(readWithImageIo(file, step), step, header.width(), header.height());
    }

    /**
     * Reads {@code file} like {@link #readSubsampled}, but hands the pixels to {@code target} as colour codes
     * ({@link ColourCodeRows#code} of the pixel {@link #readSubsampled} gives), row by row, without an ARGB raster
     * for the PNGs {@link PngStreamDecoder} reads; other files are read through ImageIO and coded from that raster.
     *
     * @return the sizes and step; the codes are in the buffer {@code target} supplied
     * @throws IOException with the same reasons as {@link #readSubsampled}
     */
    public static Coded readColourCodes(Path file, int workingSize, long maxPixels, ColourCodeRows target)
            throws IOException {
        Coded png = PngStreamDecoder.readColourCodes(file, workingSize, maxPixels, target);
        if (png != null) {
            return png;
        }
        ImageHeader header = ImageHeaders.readWithinLimit(file, maxPixels);
        int longest = Math.max(header.width(), header.height());
        int step = Math.max(1, (longest + workingSize - 1) / workingSize);
        Raster raster = readWithImageIo(file, step);
        writeColourCodes(raster, target);
        return new Coded(raster.width(), raster.height(), step, header.width(), header.height());
    }

    /** Hands an already decoded raster to {@code target} as colour codes, counted. */
    public static void writeColourCodes(Raster raster, ColourCodeRows target) {
        int width = raster.width();
        int[] argb = raster.argb();
        int[] codes = target.begin(width, raster.height());
        if (codes.length != argb.length) {
            throw new IllegalStateException("colour code buffer of " + codes.length + " entries for " + argb.length
                    + " pixels");
        }
        int[][] tables = target.counts();
        for (int start = 0; start < argb.length; start += width) {
            int end = start + width;
            for (int i = start; i < end; i++) {
                codes[i] = ColourCodeRows.code(argb[i]);
            }
            ColourCodeRows.count(codes, start, end, tables);
        }
    }

    /** Reads {@code file} at full resolution (sheet views), keeping the alpha channel. */
    public static Raster readFull(Path file, long maxPixels) throws IOException {
        Decoded png = PngStreamDecoder.read(file, 0, maxPixels);
        if (png != null) {
            return png.raster();
        }
        ImageHeader header = ImageHeaders.readWithinLimit(file, maxPixels);
        return readWithImageIo(file, 1);
    }

    /**
     * Reads {@code file} at full resolution, keeping the alpha channel, only if it is a PNG the streaming decoder
     * reads (8 or 16 bits per sample, not interlaced); every other file is left to the caller, whose own decoder
     * may treat it differently from ImageIO (the viewer falls back to JavaFX's).
     *
     * @return the pixels (non-premultiplied ARGB), or empty when the file is not such a PNG
     * @throws IOException with the plain reason, as {@link #readSubsampled}, when the file is such a PNG but damaged
     *                     or too large
     */
    public static Optional<Raster> readPngFull(Path file, long maxPixels) throws IOException {
        return Optional.ofNullable(PngStreamDecoder.read(file, 0, maxPixels)).map(Decoded::raster);
    }

    /**
     * A decoded frame.
     *
     * @param raster       the pixels at working resolution
     * @param step         subsampling step: frame pixel coordinates are raster coordinates times {@code step}
     * @param sourceWidth  the file's width
     * @param sourceHeight the file's height
     */
    public record Decoded(Raster raster, int step, int sourceWidth, int sourceHeight) {
    }

    /**
     * A frame read as colour codes ({@link #readColourCodes}).
     *
     * @param width        working width (codes per row)
     * @param height       working height
     * @param step         subsampling step: frame pixel coordinates are working coordinates times {@code step}
     * @param sourceWidth  the file's width
     * @param sourceHeight the file's height
     */
    public record Coded(int width, int height, int step, int sourceWidth, int sourceHeight) {
    }

    private static Raster readWithImageIo(Path file, int step) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not a readable image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                int w = image.getWidth();
                int h = image.getHeight();
                int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
                return new Raster(w, h, argb);
            } catch (IOException | RuntimeException e) {
                throw new IOException("damaged image data: " + plain(e), e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String plain(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
