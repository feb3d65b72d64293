package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.Raster;

import java.util.ArrayDeque;

/**
 * Separates the character from the background of a sheet view.
 *
 * <p>Sheets with transparency use their alpha channel (opaque enough = character; soft shadows and glows below half
 * opacity are left out because they take the colour of whatever lies beneath them in a shot). Sheets drawn on a
 * plain background have it removed by a flood fill from the image border over colours close to the border's most
 * common colour, so that interior pixels of the same colour (a white shirt on white paper) stay character.
 */
final class SheetMask {

    private static final int OPAQUE = 128;
    /** CIELAB distance under which a pixel belongs to a plain background. */
    private static final double BACKGROUND_DELTA_E = 12;

    private SheetMask() {
    }

    /** @param image not modified */
    static boolean[] characterPixels(Raster image) {
        int[] px = image.argb();
        int transparent = 0;
        for (int p : px) {
            if ((p >>> 24) < OPAQUE) {
                transparent++;
            }
        }
        boolean[] mask = new boolean[px.length];
        if (transparent >= px.length / 100) {
            for (int i = 0; i < px.length; i++) {
                mask[i] = (px[i] >>> 24) >= OPAQUE;
            }
            return mask;
        }
        return removePlainBackground(image);
    }

    private static boolean[] removePlainBackground(Raster image) {
        int w = image.width();
        int h = image.height();
        int[] px = image.argb();
        int[] borderCounts = new int[ColourSpace.BINS];
        for (int x = 0; x < w; x++) {
            borderCounts[ColourSpace.bin(px[x])]++;
            borderCounts[ColourSpace.bin(px[(h - 1) * w + x])]++;
        }
        for (int y = 0; y < h; y++) {
            borderCounts[ColourSpace.bin(px[y * w])]++;
            borderCounts[ColourSpace.bin(px[y * w + w - 1])]++;
        }
        int background = 0;
        for (int i = 1; i < borderCounts.length; i++) {
            if (borderCounts[i] > borderCounts[background]) {
                background = i;
            }
        }
        double limit = BACKGROUND_DELTA_E * BACKGROUND_DELTA_E;
        boolean[] isBackground = new boolean[px.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < px.length; i++) {
            int x = i % w;
            int y = i / w;
            boolean border = x == 0 || y == 0 || x == w - 1 || y == h - 1;
            if (border && ColourSpace.distanceSquared(ColourSpace.bin(px[i]), background) <= limit) {
                isBackground[i] = true;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int x = i % w;
            int y = i / w;
            int[] neighbours = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
            for (int n : neighbours) {
                if (n >= 0 && !isBackground[n]
                        && ColourSpace.distanceSquared(ColourSpace.bin(px[n]), background) <= limit) {
                    isBackground[n] = true;
                    queue.add(n);
                }
            }
        }
        boolean[] mask = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            mask[i] = !isBackground[i];
        }
        return mask;
    }
}
