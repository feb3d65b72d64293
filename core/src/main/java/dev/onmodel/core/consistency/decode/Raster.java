package dev.onmodel.core.consistency.decode;

import java.util.Objects;

/**
 * A small packed-ARGB image the analysis works on: a frame or sheet view read at working resolution.
 *
 * <p>Kept free of {@code java.awt} so that the analysis code never depends on a toolkit (the BoofCV split between
 * I/O and image processing); {@link FrameDecoder} is the one place that
 * converts.
 *
 * @param width  pixels per row
 * @param height rows
 * @param argb   {@code width * height} pixels, row-major, {@code 0xAARRGGBB}; not copied (treat as read-only)
 */
public record Raster(int width, int height, int[] argb) {

    public Raster {
        Objects.requireNonNull(argb, "argb");
        if (width <= 0 || height <= 0 || (long) width * height != argb.length) {
            throw new IllegalArgumentException("raster " + width + "x" + height + " does not match " + argb.length
                    + " pixels");
        }
    }

    public int get(int x, int y) {
        return argb[y * width + x];
    }

    /** The same picture flipped left to right (a new raster). */
    public Raster mirrored() {
        int[] out = new int[argb.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = argb[row + width - 1 - x];
            }
        }
        return new Raster(width, height, out);
    }
}
