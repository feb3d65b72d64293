package dev.onmodel.core.imaging;

/**
 * What an image file's header declares, read without decoding its pixels.
 *
 * @param format    the reader's format name ("png", "jpeg", ...)
 * @param width     declared width in pixels
 * @param height    declared height in pixels
 */
public record ImageHeader(String format, int width, int height) {

    /** Declared pixel count, as a long: a hostile header can declare 65535 x 65535. */
    public long pixelCount() {
        return (long) width * height;
    }
}
