package dev.onmodel.core.consistency;

/**
 * Where a character was found, in the pixels of the full-resolution frame file (not the working resolution).
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  width in pixels
 * @param height height in pixels
 */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative box size " + width + "x" + height);
        }
    }

    /** {@code 12,40,200,310}: the compact form CSV columns use. */
    @Override
    public String toString() {
        return x + "," + y + "," + width + "," + height;
    }
}
