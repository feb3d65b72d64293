package dev.onmodel.core.sample;

import ar.com.hjg.pngj.FilterType;
import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineByte;
import ar.com.hjg.pngj.PngWriter;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** File writing for the generator: PNG encoding without metadata, atomic writes and moves, recursive delete. */
final class SampleFiles {

    /**
     * zlib level for the PNGs. The frames are encoded with PNGJ, unfiltered, at zlib's fastest level: measured
     * on the sample's frames (thread CPU time, 1280x720) that is 8.4 ms and 146 KB a frame, against 17.3 ms and
     * the same size with the JDK ImageIO writer at its fastest setting (quality 0.9), whose per-row adaptive
     * filter search is most of its cost. Encoding is ~80% of generating a frame, so this halves the sample's
     * generation time. See docs/sample-project.md.
     */
    static final int ZLIB_LEVEL = 1;

    private SampleFiles() {
    }

    /**
     * Encodes {@code image} as an 8-bit RGB PNG ({@code TYPE_3BYTE_BGR}) or RGBA PNG ({@code TYPE_INT_ARGB}), with
     * no metadata chunks (no time stamp), so equal pixels give equal bytes. Pixels are read straight from the
     * raster: going through {@code getRGB} would cost as much as the compression.
     */
    static byte[] png(BufferedImage image) {
        int type = image.getType();
        if (type != BufferedImage.TYPE_3BYTE_BGR && type != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("sample images are 3BYTE_BGR or INT_ARGB, got type " + type);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        boolean alpha = type == BufferedImage.TYPE_INT_ARGB;
        ImageInfo info = new ImageInfo(width, height, 8, alpha);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160 * 1024);
        PngWriter writer = new PngWriter(bytes, info);
        writer.setFilterType(FilterType.FILTER_NONE);
        writer.setCompLevel(ZLIB_LEVEL);
        ImageLineByte line = new ImageLineByte(info);
        byte[] scanline = line.getScanline();
        if (alpha) {
            int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < height; y++) {
                for (int x = 0, i = 0, p = y * width; x < width; x++, i += 4, p++) {
                    int c = argb[p];
                    scanline[i] = (byte) (c >>> 16);
                    scanline[i + 1] = (byte) (c >>> 8);
                    scanline[i + 2] = (byte) c;
                    scanline[i + 3] = (byte) (c >>> 24);
                }
                writer.writeRow(line);
            }
        } else {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < height; y++) {
                for (int i = 0, p = y * width * 3; i < width * 3; i += 3, p += 3) {
                    scanline[i] = bgr[p + 2];
                    scanline[i + 1] = bgr[p + 1];
                    scanline[i + 2] = bgr[p];
                }
                writer.writeRow(line);
            }
        }
        writer.end();
        return bytes.toByteArray();
    }

    /** Writes {@code content} to a temporary file beside {@code file} and moves it into place atomically. */
    static void writeAtomically(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, content);
        move(temp, file);
    }

    /** Moves atomically where the file system can, else replaces. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code root} and everything under it; a missing root is fine. */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
