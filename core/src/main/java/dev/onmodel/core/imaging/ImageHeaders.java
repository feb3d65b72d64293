package dev.onmodel.core.imaging;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads image headers (format and declared size) without decoding pixels, so that an oversized or hostile file is
 * refused before any buffer is allocated for it.
 */
public final class ImageHeaders {

    /** Default refusal limit: 16384 x 16384 pixels. */
    public static final long DEFAULT_MAX_PIXELS = 16384L * 16384L;

    private ImageHeaders() {
    }

    /**
     * @throws IOException with a plain reason ("zero-byte file", "not a readable image (content is not PNG, JPEG,
     *                     ...)") when the header cannot be read
     */
    public static ImageHeader read(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new IOException("zero-byte file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not a readable image (content is not PNG, JPEG, TIFF, BMP, GIF or WebP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new ImageHeader(reader.getFormatName().toLowerCase(java.util.Locale.ROOT),
                        reader.getWidth(0), reader.getHeight(0));
            } catch (IOException | RuntimeException e) {
                throw new IOException("damaged image header: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * Reads the header and refuses a declared size above {@code maxPixels}.
     *
     * @throws IOException "image too large: 20000x20000 pixels declared, limit 268435456" and the reasons of
     *                     {@link #read(Path)}
     */
    public static ImageHeader readWithinLimit(Path file, long maxPixels) throws IOException {
        ImageHeader header = read(file);
        if (header.width() <= 0 || header.height() <= 0) {
            throw new IOException("image declares an empty size " + header.width() + "x" + header.height());
        }
        if (header.pixelCount() > maxPixels) {
            throw new IOException("image too large: " + header.width() + "x" + header.height()
                    + " pixels declared, limit " + maxPixels + " pixels; not decoded");
        }
        return header;
    }
}
