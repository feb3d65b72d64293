package dev.onmodel.core.consistency.decode;

import ar.com.hjg.pngj.IImageLine;
import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineInt;
import ar.com.hjg.pngj.PngReader;
import ar.com.hjg.pngj.PngjException;
import ar.com.hjg.pngj.chunks.PngChunkPLTE;
import ar.com.hjg.pngj.chunks.PngChunkTRNS;
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

/**
 * Reads image files into {@link Raster}s, subsampled while decoding so that a 4K frame never exists at full size in
 * memory (a 3840x2160 frame read at working size 640 holds 640x360 pixels, not 8 million).
 *
 * <p>PNG files go through PNGJ [1], a pure-Java row-by-row PNG reader: rows are inflated and unfiltered one at a time
 * (PNG filters refer to the previous row, so every row must be inflated) but only every {@code step}-th row and
 * column is converted to a pixel, which skips the per-pixel colour conversion and the full-size buffer the JDK's
 * decoder allocates. Other formats, interlaced and sub-byte PNGs go through ImageIO with source subsampling.
 *
 * <p>The header is read first ({@link ImageHeaders#readWithinLimit}) so that zero-byte, non-image and oversized
 * files are refused before any pixel buffer is allocated. Every failure is an {@link IOException} whose message
 * is the plain reason shown to users.
 *
 * <p>[1] PNGJ: Java library for PNG encoding, https://github.com/leonbloy/pngj (ar.com.hjg:pngj 2.1.0).
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
        ImageHeader header = ImageHeaders.readWithinLimit(file, maxPixels);
        int longest = Math.max(header.width(), header.height());
        int step = Math.max(1, (longest + workingSize - 1) / workingSize);
        return new Decoded(read(file, header, step), step, header.width(), header.height());
    }

    /** Reads {@code file} at full resolution (sheet views), keeping the alpha channel. */
    public static Raster readFull(Path file, long maxPixels) throws IOException {
        ImageHeader header = ImageHeaders.readWithinLimit(file, maxPixels);
        return read(file, header, 1);
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

    private static Raster read(Path file, ImageHeader header, int step) throws IOException {
        if ("png".equals(header.format())) {
            Raster viaPngj = readPng(file, step);
            if (viaPngj != null) {
                return viaPngj;
            }
        }
        return readWithImageIo(file, step);
    }

    /** Returns null for the PNG flavours left to ImageIO (interlaced, 1/2/4-bit samples). */
    private static Raster readPng(Path file, int step) throws IOException {
        PngReader reader;
        try {
            reader = new PngReader(file.toFile());
        } catch (PngjException e) {
            throw new IOException("damaged PNG: " + plain(e), e);
        }
        try {
            ImageInfo info = reader.imgInfo;
            if (reader.isInterlaced() || info.packed) {
                return null;
            }
            int outW = (info.cols + step - 1) / step;
            int outH = (info.rows + step - 1) / step;
            int[] out = new int[outW * outH];
            PngChunkPLTE palette = info.indexed ? reader.getMetadata().getPLTE() : null;
            PngChunkTRNS transparency = reader.getMetadata().getTRNS();
            int[] paletteArgb = info.indexed ? paletteToArgb(palette, transparency) : null;
            int channels = info.channels;
            int shift = info.bitDepth == 16 ? 8 : 0;
            for (int oy = 0; oy < outH; oy++) {
                IImageLine line = reader.readRow(oy * step);
                int[] s = ((ImageLineInt) line).getScanline();
                int base = oy * outW;
                for (int ox = 0, sx = 0; ox < outW; ox++, sx += step) {
                    int i = sx * channels;
                    int argb;
                    if (paletteArgb != null) {
                        int index = s[i];
                        argb = index < paletteArgb.length ? paletteArgb[index] : 0xFF000000;
                    } else if (info.greyscale) {
                        int g = s[i] >> shift;
                        int a = channels == 2 ? s[i + 1] >> shift : 255;
                        argb = a << 24 | g << 16 | g << 8 | g;
                    } else {
                        int a = channels == 4 ? s[i + 3] >> shift : 255;
                        argb = a << 24 | (s[i] >> shift) << 16 | (s[i + 1] >> shift) << 8 | (s[i + 2] >> shift);
                    }
                    out[base + ox] = argb;
                }
            }
            return new Raster(outW, outH, out);
        } catch (PngjException | ClassCastException e) {
            throw new IOException("damaged image data: " + plain(e), e);
        } finally {
            reader.close();
        }
    }

    private static int[] paletteToArgb(PngChunkPLTE palette, PngChunkTRNS transparency) throws IOException {
        if (palette == null) {
            throw new IOException("damaged PNG: indexed colour without a palette");
        }
        int[] alpha = transparency == null ? new int[0] : transparency.getPalletteAlpha();
        int[] argb = new int[palette.getNentries()];
        for (int i = 0; i < argb.length; i++) {
            int a = i < alpha.length ? alpha[i] : 255;
            argb[i] = a << 24 | (palette.getEntry(i) & 0xFFFFFF);
        }
        return argb;
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
