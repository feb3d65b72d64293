package dev.onmodel.core.consistency.decode;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Decodes non-interlaced 8- and 16-bit PNG files straight into a subsampled {@link Raster}, or into colour codes
 * ({@link ColourCodeRows}), row by row.
 *
 * <p>Why not a library: decoding is the floor of scoring throughput (issue 6 sets end-to-end scoring against the
 * decode-only rate and against JImageHash, whose time is the JDK decoder's). PNGJ converts every sample of every row
 * to an {@code int} and unfilters byte by byte through a generic switch; the JDK decoder builds a full-size
 * {@code BufferedImage}; both inflate through the JDK's native zlib, which took most of the time on rendered frames.
 * Here the IDAT payload is inflated by {@link ZlibStreamDecoder} one row at a time, each filter type has its own loop
 * (Paeth specialised for 3- and 4-byte pixels), and only every {@code step}-th row and column is turned into a pixel.
 * Measured side by side: ~2.4x faster than PNGJ on the development frames (docs/performance.md,
 * docs/decisions/consistency-png-decoder.md). Everything else (interlaced, 1/2/4-bit samples) is left to ImageIO:
 * {@link #read} returns {@code null}.
 *
 * <p>Checks kept despite the speed: the CRC of every chunk (CRC-32 is an intrinsic, ~1% of the decode), the
 * declared size against the pixel limit before any buffer is allocated, chunk order and lengths, filter types, and a
 * zlib stream that ends before the last row. Each failure is an {@link IOException} whose message is the plain reason.
 *
 * <p>Format: W3C, Portable Network Graphics (PNG) Specification (Third Edition), sections 7.3 (filtering), 9
 * (filter algorithms, including the Paeth predictor), 11.2 (IHDR/PLTE/IDAT) and 11.3.2 (tRNS).
 */
final class PngStreamDecoder {

    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = chunkType("IHDR");
    private static final int PLTE = chunkType("PLTE");
    private static final int TRNS = chunkType("tRNS");
    private static final int IDAT = chunkType("IDAT");
    private static final int IEND = chunkType("IEND");
    private static final int COLOUR_GREY = 0;
    private static final int COLOUR_RGB = 2;
    private static final int COLOUR_INDEXED = 3;
    private static final int COLOUR_GREY_ALPHA = 4;
    private static final int COLOUR_RGBA = 6;
    /** Larger than any sane ancillary chunk; a hostile length would otherwise make us read or skip gigabytes. */
    private static final int MAX_CHUNK_LENGTH = 1 << 30;

    private PngStreamDecoder() {
    }

    /**
     * Reads {@code file} so that its longest side is at most about {@code workingSize} pixels (every
     * {@code step}-th row and column, the smallest integer step that fits; {@code workingSize <= 0} reads every pixel).
     *
     * @return the decoded frame, or {@code null} when the file is not a PNG or a flavour this decoder leaves to others
     *         (interlaced, 1/2/4-bit samples)
     * @throws IOException with the plain reason: "image too large: …", "damaged PNG: …", "damaged image data: …"
     */
    static FrameDecoder.Decoded read(Path file, int workingSize, long maxPixels) throws IOException {
        return decode(file, workingSize, maxPixels, new ArgbRaster());
    }

    /**
     * Like {@link #read}, but the sampled pixels go to {@code target} as colour codes ({@link ColourCodeRows#code}),
     * one row at a time, and no ARGB raster is made.
     *
     * @return the frame's sizes and step, or {@code null} as for {@link #read} (before {@code target} is called)
     */
    static FrameDecoder.Coded readColourCodes(Path file, int workingSize, long maxPixels, ColourCodeRows target)
            throws IOException {
        return decode(file, workingSize, maxPixels, new CodeRows(target));
    }

    private static <T> T decode(Path file, int workingSize, long maxPixels, SampledRows<T> output) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            try {
                if (in.readLong() != SIGNATURE) {
                    return null;
                }
            } catch (EOFException notEvenASignature) {
                return null;
            }
            return new Reader(in, workingSize, maxPixels, Files.size(file)).read(output);
        } catch (EOFException e) {
            throw new IOException("damaged image data: the file ends early (truncated?)", e);
        }
    }

    private static int chunkType(String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private static String typeName(int type) {
        return new String(new byte[] {(byte) (type >>> 24), (byte) (type >>> 16), (byte) (type >>> 8), (byte) type},
                StandardCharsets.ISO_8859_1);
    }

    /**
     * The calling thread's buffer for a file's compressed image data, reused from frame to frame. Why: a frame's data
     * is gathered into one array the size of the file, and for large frames (a 1080p frame with film grain is a
     * 3.6 MB PNG) a fresh array per frame is a "humongous" object for the G1 collector: every few frames it started a
     * collection that stopped every scoring thread (3.5 s of pauses in one run of the benchmark on 40 such frames).
     * Reading ends before the next frame on the same thread begins, so one buffer per thread is enough; buffers
     * above {@link #KEEP_AT_MOST} are not kept, so that one huge file does not pin its size to a thread. The buffer is
     * held softly: a thread that reads frames keeps it (each read touches it), while one that has gone idle, such as
     * a window's decoding thread after the user stopped browsing, gives it up when the heap runs short.
     */
    private static final class CompressedBuffers {
        private static final int KEEP_AT_MOST = 64 << 20;
        private static final ThreadLocal<SoftReference<byte[]>> PER_THREAD =
                ThreadLocal.withInitial(() -> new SoftReference<>(new byte[0]));

        private CompressedBuffers() {
        }

        /** A buffer of at least {@code n} bytes; its contents are left from earlier frames (callers track their length). */
        static byte[] atLeast(int n) {
            byte[] buffer = PER_THREAD.get().get();
            if (buffer != null && buffer.length >= n) {
                return buffer;
            }
            buffer = new byte[n];
            if (n <= KEEP_AT_MOST) {
                PER_THREAD.set(new SoftReference<>(buffer));
            }
            return buffer;
        }
    }

    /** One decode: the stream, the header's facts and the palette/transparency read before the image data. */
    private static final class Reader {
        private final DataInputStream in;
        private final int workingSize;
        private final long maxPixels;
        private final long fileSize;
        private int step;
        private final CRC32 crc = new CRC32();
        private int width;
        private int height;
        private int bitDepth;
        private int colourType;
        private int[] palette;
        /** tRNS of a grey image: the full-depth sample value shown transparent, or -1. */
        private int greyKey = -1;
        /** tRNS of an RGB image: the full-depth red, green and blue shown transparent, or null. */
        private int[] rgbKey;
        /** The zlib stream: the IDAT chunks' payload, concatenated. */
        private byte[] compressed;
        private int compressedLength;
        /** Bytes per pixel (at least 1, for the filters' "left" sample). */
        private int bpp;
        private int rowBytes;
        private ZlibStreamDecoder imageData;
        /** The row last read and the one before it (all zero before the first row). */
        private byte[] current;
        private byte[] previous;

        Reader(DataInputStream in, int workingSize, long maxPixels, long fileSize) {
            this.fileSize = fileSize;
            this.in = in;
            this.workingSize = workingSize;
            this.maxPixels = maxPixels;
        }

        <T> T read(SampledRows<T> output) throws IOException {
            int length = in.readInt();
            int type = in.readInt();
            if (type != IHDR || length != 13) {
                throw new IOException("damaged PNG: the first chunk is not a 13-byte IHDR");
            }
            byte[] ihdr = readChunkData(type, length);
            width = readInt(ihdr, 0);
            height = readInt(ihdr, 4);
            bitDepth = ihdr[8] & 0xFF;
            colourType = ihdr[9] & 0xFF;
            int interlace = ihdr[12] & 0xFF;
            if (width <= 0 || height <= 0) {
                throw new IOException("damaged PNG: declared size " + width + "x" + height);
            }
            if ((long) width * height > maxPixels) {
                throw new IOException("image too large: " + width + "x" + height + " pixels declared, limit "
                        + maxPixels);
            }
            if (interlace != 0 || bitDepth < 8) {
                return null;
            }
            int longest = Math.max(width, height);
            step = workingSize <= 0 ? 1 : Math.max(1, (longest + workingSize - 1) / workingSize);
            int channels = switch (colourType) {
                case COLOUR_GREY, COLOUR_INDEXED -> 1;
                case COLOUR_GREY_ALPHA -> 2;
                case COLOUR_RGB -> 3;
                case COLOUR_RGBA -> 4;
                default -> throw new IOException("damaged PNG: unknown colour type " + colourType);
            };
            if (bitDepth != 8 && bitDepth != 16 || colourType == COLOUR_INDEXED && bitDepth != 8) {
                throw new IOException("damaged PNG: bit depth " + bitDepth + " with colour type " + colourType);
            }
            readChunksUntilImageData();
            if (colourType == COLOUR_INDEXED && palette == null) {
                throw new IOException("damaged PNG: indexed colour without a palette");
            }
            startRows(channels * (bitDepth / 8));
            return output.decode(this);
        }

        /** Reads PLTE and tRNS (the only chunks before IDAT that change pixels), skips the rest. */
        private void readChunksUntilImageData() throws IOException {
            while (true) {
                int length = in.readInt();
                int type = in.readInt();
                if (length < 0 || length > MAX_CHUNK_LENGTH) {
                    throw new IOException("damaged PNG: chunk " + typeName(type) + " declares " + (length & 0xFFFFFFFFL)
                            + " bytes");
                }
                if (type == IDAT) {
                    readImageData(length);
                    return;
                }
                if (type == IEND) {
                    throw new IOException("damaged PNG: no image data (IDAT) before IEND");
                }
                byte[] data = readChunkData(type, length);
                if (type == PLTE) {
                    readPalette(data);
                } else if (type == TRNS) {
                    readTransparency(data);
                }
            }
        }

        private void readPalette(byte[] data) throws IOException {
            if (data.length % 3 != 0 || data.length == 0 || data.length > 256 * 3) {
                throw new IOException("damaged PNG: palette of " + data.length + " bytes");
            }
            int[] alpha = palette == null ? null : palette;
            palette = new int[data.length / 3];
            for (int i = 0; i < palette.length; i++) {
                int a = alpha != null && i < alpha.length ? alpha[i] >>> 24 : 255;
                palette[i] = a << 24 | (data[3 * i] & 0xFF) << 16 | (data[3 * i + 1] & 0xFF) << 8
                        | (data[3 * i + 2] & 0xFF);
            }
        }

        private void readTransparency(byte[] data) throws IOException {
            if (colourType == COLOUR_INDEXED) {
                if (palette == null) {
                    throw new IOException("damaged PNG: tRNS before PLTE");
                }
                for (int i = 0; i < palette.length && i < data.length; i++) {
                    palette[i] = (data[i] & 0xFF) << 24 | palette[i] & 0xFFFFFF;
                }
            } else if (colourType == COLOUR_GREY && data.length >= 2) {
                greyKey = readShort(data, 0);
            } else if (colourType == COLOUR_RGB && data.length >= 6) {
                rgbKey = new int[] {readShort(data, 0), readShort(data, 2), readShort(data, 4)};
            }
        }

        /** Prepares {@link #nextRow}: the row buffers and the inflater over the collected image data. */
        private void startRows(int bytesPerPixel) throws IOException {
            bpp = bytesPerPixel;
            rowBytes = Math.multiplyExact(width, bytesPerPixel);
            // One leading zero pixel in both rows makes "left" and "upper left" of the first pixel read as 0.
            previous = new byte[rowBytes + bytesPerPixel];
            current = new byte[rowBytes + bytesPerPixel];
            try {
                imageData = new ZlibStreamDecoder(compressed, compressedLength);
            } catch (IOException e) {
                throw new IOException("damaged image data: " + e.getMessage(), e);
            }
        }

        /**
         * Inflates and unfilters row {@code y} into {@link #current} (rows come in order, every one of them: filters
         * refer to the row above).
         */
        private void nextRow(int y) throws IOException {
            byte filter = inflateRow(y);
            RowFilters.unfilter(filter, current, previous, bpp, rowBytes, y);
        }

        /**
         * Inflates row {@code y} into {@link #current} (the row before it becoming {@link #previous}) without undoing
         * its filter, for a caller that unfilters it itself ({@link RowFilters}).
         *
         * @return the row's filter type byte
         */
        byte inflateRow(int y) throws IOException {
            byte[] row = previous;
            previous = current;
            current = row;
            // The filter byte lands just before the pixels, in the last padding byte, then the padding is zero again.
            try {
                imageData.readFully(row, bpp - 1, rowBytes + 1);
            } catch (IOException e) {
                throw new IOException("damaged image data: " + e.getMessage() + " (row " + y + " of " + height + ")",
                        e);
            }
            byte filter = row[bpp - 1];
            row[bpp - 1] = 0;
            return filter;
        }

        /** Sampled pixels per row: columns 0, step, 2 * step, ... */
        int sampledWidth() {
            return (width + step - 1) / step;
        }

        /** Sampled rows: rows 0, step, 2 * step, ... */
        int sampledHeight() {
            return (height + step - 1) / step;
        }

        /**
         * Reads every row, handing the sampled ones (every {@link #step}-th, from the first) out: for 8-bit RGB rows
         * filtered with Sub, Average or Paeth, pixel by pixel to {@code sampled} from inside the filter's loop
         * ({@link RowFilters#unfilterSampled}); any other sampled row whole, unfiltered, to {@code otherRows}.
         *
         * @param outWidth sampled pixels per row: row {@code y}'s go to {@code sampled} from {@code y / step *
         *                 outWidth} on
         */
        void readRows(RowFilters.SampledPixels sampled, int outWidth, SampledRowConsumer otherRows)
                throws IOException {
            boolean fused = bitDepth == 8 && colourType == COLOUR_RGB;
            int stride = 3 * step;
            int end = bpp + rowBytes;
            for (int y = 0; y < height; y++) {
                if (y % step != 0) {
                    nextRow(y);
                    continue;
                }
                byte filter = inflateRow(y);
                sampled.moveTo(y / step * outWidth);
                if (!fused || !RowFilters.unfilterSampled(filter, current, previous, end, stride, sampled)) {
                    RowFilters.unfilter(filter, current, previous, bpp, rowBytes, y);
                    otherRows.row(current, y / step);
                }
            }
        }

        /**
         * Collects the payload of the consecutive IDAT chunks (checking each CRC) into {@link #compressed}; the
         * first IDAT's header has been read already.
         */
        private void readImageData(int firstLength) throws IOException {
            // The image data cannot be larger than the file: one buffer of that size, never grown and copied.
            compressed = CompressedBuffers.atLeast((int) Math.max(firstLength, Math.min(fileSize, Integer.MAX_VALUE - 16)));
            compressedLength = 0;
            int length = firstLength;
            while (true) {
                if (compressedLength + length > compressed.length) {
                    long grown = Math.max((long) compressedLength + length, 2L * compressed.length);
                    if (grown > Integer.MAX_VALUE - 16) {
                        throw new IOException("damaged PNG: more than 2 GB of image data");
                    }
                    compressed = Arrays.copyOf(compressed, (int) grown);
                }
                in.readFully(compressed, compressedLength, length);
                crc.reset();
                crc.update(IDAT >>> 24);
                crc.update(IDAT >>> 16);
                crc.update(IDAT >>> 8);
                crc.update(IDAT);
                crc.update(compressed, compressedLength, length);
                checkCrc("IDAT");
                compressedLength += length;
                int nextLength;
                int nextType;
                try {
                    nextLength = in.readInt();
                    nextType = in.readInt();
                } catch (EOFException missingEnd) {
                    // No IEND: decode what is there, like other readers; missing rows still fail below.
                    return;
                }
                if (nextType != IDAT) {
                    return;
                }
                if (nextLength < 0 || nextLength > MAX_CHUNK_LENGTH) {
                    throw new IOException("damaged PNG: IDAT chunk declares " + (nextLength & 0xFFFFFFFFL) + " bytes");
                }
                length = nextLength;
            }
        }

        private byte[] readChunkData(int type, int length) throws IOException {
            byte[] data = new byte[length];
            in.readFully(data);
            crc.reset();
            crc.update(type >>> 24);
            crc.update(type >>> 16);
            crc.update(type >>> 8);
            crc.update(type);
            crc.update(data);
            checkCrc(typeName(type));
            return data;
        }

        private void checkCrc(String chunk) throws IOException {
            int stored = in.readInt();
            if (stored != (int) crc.getValue()) {
                throw new IOException("damaged PNG: CRC error in the " + chunk + " chunk");
            }
        }

        private static int readInt(byte[] b, int i) {
            return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
        }

        private static int readShort(byte[] b, int i) {
            return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
        }
    }

    /** Takes a sampled row, unfiltered ({@link Reader#readRows}). */
    private interface SampledRowConsumer {

        /** @param row the row's bytes from index {@code bpp} on; {@code outY} its index among the sampled rows */
        void row(byte[] row, int outY);
    }

    /**
     * What becomes of the sampled rows: the decoding (header, chunks, inflating, unfiltering) is the same whatever the
     * pixels are turned into.
     *
     * <p>Each kind of output gives {@link Reader#readRows} where its pixels go ({@link RowFilters.SampledPixels}, for
     * the rows whose filter loop hands them out) and its own conversion of a whole row (for the others), called once
     * per sampled row.
     */
    private interface SampledRows<T> {

        /** Reads every row of {@code png} (header, palette and transparency read, rows not yet started). */
        T decode(Reader png) throws IOException;
    }

    /** Rows into an ARGB {@link Raster}: what {@link #read} returns. */
    private static final class ArgbRaster implements SampledRows<FrameDecoder.Decoded> {
        private Reader png;
        private int outWidth;
        private int[] out;
        /** 8-bit RGB: the 24-bit value the tRNS chunk makes transparent, or -1. */
        private int key;

        @Override
        public FrameDecoder.Decoded decode(Reader png) throws IOException {
            this.png = png;
            outWidth = png.sampledWidth();
            int outHeight = png.sampledHeight();
            out = new int[Math.multiplyExact(outWidth, outHeight)];
            int[] rgbKey = png.rgbKey;
            key = rgbKey == null ? -1 : rgbKey[0] << 16 | rgbKey[1] << 8 | rgbKey[2];
            png.readRows(RowFilters.SampledPixels.argb(out, key), outWidth, this::row);
            return new FrameDecoder.Decoded(new Raster(outWidth, outHeight, out), png.step, png.width, png.height);
        }

        private void row(byte[] row, int outY) {
            int bpp = png.bpp;
            int outStart = outY * outWidth;
            int bitDepth = png.bitDepth;
            int[] palette = png.palette;
            int[] rgbKey = png.rgbKey;
            int greyKey = png.greyKey;
            int stride = png.step * bpp;
            int i = bpp;
            int colourType = png.colourType;
            if (bitDepth == 8) {
                switch (colourType) {
                    case COLOUR_RGB -> {
                        for (int x = 0; x < outWidth; x++, i += stride) {
                            int rgb = (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | row[i + 2] & 0xFF;
                            out[outStart + x] = rgb == key ? rgb : 0xFF000000 | rgb;
                        }
                    }
                    case COLOUR_RGBA -> {
                        for (int x = 0; x < outWidth; x++, i += stride) {
                            out[outStart + x] = (row[i + 3] & 0xFF) << 24 | (row[i] & 0xFF) << 16
                                    | (row[i + 1] & 0xFF) << 8 | row[i + 2] & 0xFF;
                        }
                    }
                    case COLOUR_INDEXED -> {
                        for (int x = 0; x < outWidth; x++, i += stride) {
                            int index = row[i] & 0xFF;
                            out[outStart + x] = index < palette.length ? palette[index] : 0xFF000000;
                        }
                    }
                    case COLOUR_GREY -> {
                        for (int x = 0; x < outWidth; x++, i += stride) {
                            int g = row[i] & 0xFF;
                            out[outStart + x] = (g == greyKey ? 0 : 0xFF000000) | g << 16 | g << 8 | g;
                        }
                    }
                    default -> {
                        for (int x = 0; x < outWidth; x++, i += stride) {
                            int g = row[i] & 0xFF;
                            out[outStart + x] = (row[i + 1] & 0xFF) << 24 | g << 16 | g << 8 | g;
                        }
                    }
                }
                return;
            }
            // 16-bit samples: the high byte is the 8-bit value (what the JDK and PNGJ paths give too).
            for (int x = 0; x < outWidth; x++, i += stride) {
                int argb;
                switch (colourType) {
                    case COLOUR_RGB -> {
                        boolean keyed = rgbKey != null && Reader.readShort(row, i) == rgbKey[0]
                                && Reader.readShort(row, i + 2) == rgbKey[1] && Reader.readShort(row, i + 4) == rgbKey[2];
                        argb = (keyed ? 0 : 0xFF000000) | (row[i] & 0xFF) << 16 | (row[i + 2] & 0xFF) << 8
                                | row[i + 4] & 0xFF;
                    }
                    case COLOUR_RGBA -> argb = (row[i + 6] & 0xFF) << 24 | (row[i] & 0xFF) << 16
                            | (row[i + 2] & 0xFF) << 8 | row[i + 4] & 0xFF;
                    case COLOUR_GREY -> {
                        int g = row[i] & 0xFF;
                        argb = (Reader.readShort(row, i) == greyKey ? 0 : 0xFF000000) | g << 16 | g << 8 | g;
                    }
                    default -> {
                        int g = row[i] & 0xFF;
                        argb = (row[i + 2] & 0xFF) << 24 | g << 16 | g << 8 | g;
                    }
                }
                out[outStart + x] = argb;
            }
        }
    }

    /**
     * Rows into colour codes for a {@link ColourCodeRows}: for each pixel, the code of the ARGB value
     * {@link ArgbRaster} gives it. Alpha is not part of a code, so transparency (alpha samples, tRNS keys) plays no part;
     * 16-bit samples contribute their high byte, as there.
     */
    private static final class CodeRows implements SampledRows<FrameDecoder.Coded> {
        private final ColourCodeRows target;
        private Reader png;
        private int outWidth;
        private int[] codes;
        private int[][] tables;
        /** Indexed colour: the code of each of the 256 indices (an index past the palette reads as opaque black). */
        private int[] paletteCodes;

        CodeRows(ColourCodeRows target) {
            this.target = target;
        }

        @Override
        public FrameDecoder.Coded decode(Reader png) throws IOException {
            this.png = png;
            outWidth = png.sampledWidth();
            int outHeight = png.sampledHeight();
            int n = Math.multiplyExact(outWidth, outHeight);
            codes = target.begin(outWidth, outHeight);
            if (codes.length != n) {
                throw new IllegalStateException("colour code buffer of " + codes.length + " entries for " + n
                        + " pixels");
            }
            if (png.colourType == COLOUR_INDEXED) {
                paletteCodes = new int[256];
                for (int i = 0; i < paletteCodes.length; i++) {
                    paletteCodes[i] = ColourCodeRows.code(i < png.palette.length ? png.palette[i] : 0xFF000000);
                }
            }
            tables = target.counts();
            png.readRows(RowFilters.SampledPixels.codes(codes, tables[0], tables[1]), outWidth, this::row);
            return new FrameDecoder.Coded(outWidth, outHeight, png.step, png.width, png.height);
        }

        private void row(byte[] row, int outY) {
            int[] out = codes;
            int start = outY * outWidth;
            int end = start + outWidth;
            int bpp = png.bpp;
            int stride = png.step * bpp;
            int i = bpp;
            switch (png.colourType) {
                case COLOUR_RGB, COLOUR_RGBA -> {
                    if (png.bitDepth == 8) {
                        for (int o = start; o < end; o++, i += stride) {
                            out[o] = (row[i] & 0xF0) << 4 | row[i + 1] & 0xF0 | (row[i + 2] & 0xF0) >> 4;
                        }
                    } else {
                        // Big-endian samples: red, green and blue's high bytes are 2 bytes apart.
                        for (int o = start; o < end; o++, i += stride) {
                            out[o] = (row[i] & 0xF0) << 4 | row[i + 2] & 0xF0 | (row[i + 4] & 0xF0) >> 4;
                        }
                    }
                }
                case COLOUR_INDEXED -> {
                    int[] lookup = paletteCodes;
                    for (int o = start; o < end; o++, i += stride) {
                        out[o] = lookup[row[i] & 0xFF];
                    }
                }
                default -> {
                    // Grey and grey+alpha, either depth: the (high) byte of the grey sample in all three channels.
                    for (int o = start; o < end; o++, i += stride) {
                        out[o] = ((row[i] & 0xF0) >> 4) * 0x111;
                    }
                }
            }
            ColourCodeRows.count(out, start, end, tables);
        }
    }
}
