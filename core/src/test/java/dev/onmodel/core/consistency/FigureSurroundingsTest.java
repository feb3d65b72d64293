package dev.onmodel.core.consistency;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The box shown for a figure whose colours are off: it takes in the drifted parts that stand out from the backdrop,
 * and neither the backdrop's own layers nor a separate object beside the figure.
 */
class FigureSurroundingsTest {

    private static final int W = 320;
    private static final int H = 180;
    private static final int SKY = bin(6, 9, 15);
    private static final int HILLS = bin(9, 6, 8);
    private static final int GROUND = bin(4, 8, 3);
    private static final int HEAD = bin(14, 11, 8);
    private static final int DRIFTED_COAT = bin(2, 2, 12);
    private static final int MOON = bin(15, 15, 12);

    /** The colour bin of 4-bit channels, as {@link ColourSpace} numbers them. */
    private static int bin(int r, int g, int b) {
        return r << 8 | g << 4 | b;
    }

    /** A backdrop in three layers across the frame: sky, hills (rows 70-109), ground (rows 110-). */
    private static int[] layeredBackdrop() {
        int[] bins = new int[W * H];
        for (int y = 0; y < H; y++) {
            Arrays.fill(bins, y * W, (y + 1) * W, y < 70 ? SKY : y < 110 ? HILLS : GROUND);
        }
        return bins;
    }

    /** The measured figure's weights: the head's colour is the character's, nothing else. */
    private static float[] headIsFigure() {
        float[] figure = new float[ColourSpace.BINS];
        figure[HEAD] = 1;
        return figure;
    }

    /** {@link FigureSurroundings#join} on a {@code W} by {@code H} frame, the grown figure's colours not looked at. */
    private static int[] join(int[] bins, int[] box, float[] figure) {
        return FigureSurroundings.join(bins, W, H, box, figure, new int[ColourSpace.BINS]);
    }

    private static void fill(int[] bins, int x, int y, int width, int height, int bin) {
        for (int row = y; row < y + height; row++) {
            Arrays.fill(bins, row * W + x, row * W + x + width, bin);
        }
    }

    /**
     * Paints the drifted figure (a head in the sheet's colour over a coat in none of them) and checks that the box
     * joined to the measured head is the whole figure.
     */
    private static void assertTheWholeDriftedFigureIsFound(int[] bins) {
        fill(bins, 150, 60, 20, 20, HEAD);
        fill(bins, 144, 80, 32, 60, DRIFTED_COAT);
        // Measured: the head only (the coat is in no colour of the sheet).
        int[] head = {150, 60, 20, 20};
        assertArrayEquals(new int[] {144, 60, 32, 80}, join(bins, head, headIsFigure()));
    }

    @Test
    void theBoxTakesInTheDriftedBodyBelowTheHeadButNotTheBackdropsLayers() {
        assertTheWholeDriftedFigureIsFound(layeredBackdrop());
    }

    @Test
    void aSeparateObjectBesideTheFigureIsLeftOut() {
        int[] bins = layeredBackdrop();
        fill(bins, 190, 20, 12, 12, MOON);
        assertTheWholeDriftedFigureIsFound(bins);
    }

    @Test
    void aGradientAcrossTheFrameIsBackdrop() {
        int[] bins = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // Red rises by a bin every 5 pixels (from x = 120 to 195): far more than a bin between the region's
                // edges, so only the blend of the edges' colours tells the backdrop.
                bins[y * W + x] = bin(Math.max(0, Math.min(15, (x - 120) / 5)), 12, 6);
            }
        }
        assertTheWholeDriftedFigureIsFound(bins);
    }

    @Test
    void aFigureAlreadyWholeKeepsItsBox() {
        int[] bins = layeredBackdrop();
        fill(bins, 150, 60, 20, 80, HEAD);
        int[] whole = {150, 60, 20, 80};
        assertArrayEquals(whole, join(bins, whole, headIsFigure()));
    }

    @Test
    void withoutBackdropBesideTheRegionTheBoxIsKept() {
        int[] bins = layeredBackdrop();
        int[] wide = {20, 40, 280, 100};
        fill(bins, 20, 40, 280, 100, DRIFTED_COAT);
        assertArrayEquals(wide, join(bins, wide, headIsFigure()));
    }

    /**
     * A hue-drifted figure keeps none of the sheet's colours but a small part (a leg in the development set's
     * wl-frisians-builder/drift/d01_hue.png, a fifth of the figure's height): the figure grown from it is five times
     * the part's size and still the figure, not a runaway into the backdrop.
     */
    @Test
    void aSmallPartMeasuredAloneGrowsToTheWholeFigure() {
        int[] bins = layeredBackdrop();
        fill(bins, 150, 60, 10, 10, HEAD);
        fill(bins, 146, 70, 16, 50, DRIFTED_COAT);
        int[] part = {150, 60, 10, 10};
        assertArrayEquals(new int[] {146, 60, 16, 60}, join(bins, part, headIsFigure()));
    }
}
