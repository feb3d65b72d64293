package dev.onmodel.core.sample;

import dev.onmodel.core.sample.BackdropPainter.Backdrop;
import dev.onmodel.core.sample.Pose.Distortion;
import dev.onmodel.core.sample.Pose.View;
import dev.onmodel.core.sample.ShotScript.Blocking;
import dev.onmodel.core.sample.ShotScript.DefectPlan;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each defect changes the character's pixels, only there, and only on its frames. */
class FrameRendererTest {

    private static final BufferedImage BACKGROUND = BackdropPainter.paint(Backdrop.MEADOW, 640, 360, 1);
    private static final List<Blocking> MIRA_WALKING = List.of(new Blocking("mira",
            new Pose(View.SIDE, false, 0.3, 1, 0, Distortion.NONE), 640, 620, 330));

    private final FrameRenderer renderer = new FrameRenderer();

    @Test
    void everyDefectChangesOnlyTheCharactersPixels() {
        List<DefectPlan> defects = List.of(
                new DefectPlan("mira", DefectKind.COSTUME_DRIFT, 0, 10, null, null, "drift"),
                new DefectPlan("mira", DefectKind.CHARACTER_SWAP, 0, 10, "tobo", null, "swap"),
                new DefectPlan("mira", DefectKind.SHAPE_DISTORTION, 0, 10, null, new Distortion(1.2, 0.8, 1.3, 0.8), "shape"),
                new DefectPlan("mira", DefectKind.FLICKER_POP, 5, 5, null, new Distortion(1.05, 0.95, 1.25, 1.2), "pop"));
        FrameRenderer.Rendered clean = renderer.render(Backdrop.MEADOW, BACKGROUND, MIRA_WALKING, List.of(), 5);
        for (DefectPlan defect : defects) {
            FrameRenderer.Rendered bad = renderer.render(Backdrop.MEADOW, BACKGROUND, MIRA_WALKING, List.of(defect), 5);
            Rectangle allowed = box(clean).union(box(bad));
            allowed.grow(2, 2);
            int changed = 0;
            for (int y = 0; y < BACKGROUND.getHeight(); y++) {
                for (int x = 0; x < BACKGROUND.getWidth(); x++) {
                    if (clean.image().getRGB(x, y) != bad.image().getRGB(x, y)) {
                        changed++;
                        assertTrue(allowed.contains(x, y), defect.kind() + " changed pixel " + x + "," + y + " outside " + allowed);
                    }
                }
            }
            assertTrue(changed > 500, defect.kind() + " changed only " + changed + " pixels");
        }
    }

    @Test
    void swapReportsWhoIsDrawnAndPopsOnlyTheirFrame() {
        DefectPlan swap = new DefectPlan("mira", DefectKind.CHARACTER_SWAP, 3, 6, "tobo", null, "swap");
        assertEquals("tobo", renderer.render(Backdrop.MEADOW, BACKGROUND, MIRA_WALKING, List.of(swap), 3).characters().get(0).drawn());
        assertEquals("mira", renderer.render(Backdrop.MEADOW, BACKGROUND, MIRA_WALKING, List.of(swap), 7).characters().get(0).drawn());

        DefectPlan pop = new DefectPlan("mira", DefectKind.FLICKER_POP, 5, 5, null, new Distortion(1, 1, 1.2, 1.2), "pop");
        FrameRenderer.Rendered before = renderer.render(Backdrop.MEADOW, BACKGROUND, MIRA_WALKING, List.of(pop), 4);
        FrameRenderer.Rendered clean = renderer.render(Backdrop.MEADOW, BACKGROUND, MIRA_WALKING, List.of(), 4);
        assertEquals(difference(clean, before), 0L, "a pop leaves its neighbours alone");
    }

    @Test
    void costumeDriftGrowsOverItsRange() {
        DefectPlan drift = new DefectPlan("mira", DefectKind.COSTUME_DRIFT, 0, 10, null, null, "drift");
        FrameRenderer.Rendered clean = renderer.render(Backdrop.MEADOW, BACKGROUND, MIRA_WALKING, List.of(), 0);
        long early = difference(clean, renderer.render(Backdrop.MEADOW, BACKGROUND, MIRA_WALKING, List.of(drift), 1));
        long late = difference(clean, renderer.render(Backdrop.MEADOW, BACKGROUND, MIRA_WALKING, List.of(drift), 10));
        assertTrue(early > 0 && late > 2 * early, "drift " + early + " then " + late);
    }

    @Property(tries = 200)
    void scaledDefectIndicesStayInsideTheShorterVariantAndKeepTheirOrder(
            @ForAll @IntRange(min = 24, max = 72) int frames, @ForAll @DoubleRange(min = 0.01, max = 1) double scale,
            @ForAll @IntRange(min = 0, max = 71) int a, @ForAll @IntRange(min = 0, max = 71) int b) {
        int count = SampleProjectGenerator.scaledCount(frames, scale);
        int first = Math.min(a, b) % frames;
        int last = Math.max(a, b) % frames;
        if (first > last) {
            return;
        }
        int scaledFirst = SampleProjectGenerator.scaledIndex(first, frames, count);
        int scaledLast = SampleProjectGenerator.scaledIndex(last, frames, count);
        assertTrue(count >= 8 && count <= frames);
        assertTrue(0 <= scaledFirst && scaledFirst <= scaledLast && scaledLast < count);
    }

    private static Rectangle box(FrameRenderer.Rendered rendered) {
        GroundTruth.Box b = rendered.characters().get(0).box();
        return new Rectangle(b.x(), b.y(), b.width(), b.height());
    }

    private static long difference(FrameRenderer.Rendered a, FrameRenderer.Rendered b) {
        long sum = 0;
        for (int y = 0; y < a.image().getHeight(); y++) {
            for (int x = 0; x < a.image().getWidth(); x++) {
                int p = a.image().getRGB(x, y);
                int q = b.image().getRGB(x, y);
                sum += Math.abs((p >> 16 & 255) - (q >> 16 & 255)) + Math.abs((p >> 8 & 255) - (q >> 8 & 255))
                        + Math.abs((p & 255) - (q & 255));
            }
        }
        return sum;
    }
}
