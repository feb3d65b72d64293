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

    /**
     * This box within a frame of {@code frameWidth} by {@code frameHeight}: boxes are measured at working size and
     * scaled up by the subsampling step, so a frame whose side is not a multiple of the step would otherwise get a box
     * a few pixels beyond its edge.
     */
    public Box clippedTo(int frameWidth, int frameHeight) {
        int x0 = Math.max(0, Math.min(x, frameWidth));
        int y0 = Math.max(0, Math.min(y, frameHeight));
        int x1 = Math.max(x0, Math.min(x + width, frameWidth));
        int y1 = Math.max(y0, Math.min(y + height, frameHeight));
        return x0 == x && y0 == y && x1 - x0 == width && y1 - y0 == height ? this : new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** {@code 12,40,200,310}: the compact form CSV columns use. */
    @Override
    public String toString() {
        return x + "," + y + "," + width + "," + height;
    }
}
