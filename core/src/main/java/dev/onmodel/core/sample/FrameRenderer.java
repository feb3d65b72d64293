package dev.onmodel.core.sample;

import dev.onmodel.core.sample.BackdropPainter.Backdrop;
import dev.onmodel.core.sample.ShotScript.Blocking;
import dev.onmodel.core.sample.ShotScript.DefectPlan;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders one frame of one variant: the backdrop, every cast member with the variant's defects applied, the
 * foreground; and reports who was drawn where. Pure function of its arguments, so frames render in any order on
 * any thread and come out identical.
 */
final class FrameRenderer {

    /** Largest costume hue turn of a drift, reached on its last frame. */
    static final double DRIFT_MAX_TURN = 0.36;
    /** Costume hue turn on the first frame of a drift: already visible, growing from there. */
    static final double DRIFT_MIN_TURN = 0.05;
    /** Hue turn of every colour in a flicker pop. */
    static final double POP_TURN = 0.5;

    private final CharacterPainter painter = new CharacterPainter();

    /** A rendered frame and the ground truth of what is in it. */
    record Rendered(BufferedImage image, List<GroundTruth.Appearance> characters) {
    }

    Rendered render(Backdrop backdrop, BufferedImage background, List<Blocking> blocking, List<DefectPlan> defects,
                    int index) {
        int width = background.getWidth();
        int height = background.getHeight();
        // Byte-interleaved BGR: the JDK PNG writer encodes it about a quarter faster than packed int RGB.
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        List<GroundTruth.Appearance> seen = new ArrayList<>();
        try {
            g.drawImage(background, 0, 0, null);
            BackdropPainter.smooth(g);
            // Script positions are 1280x720 pixels; a smaller test frame scales them.
            double sx = width / (double) ShotScript.WIDTH;
            double sy = height / (double) ShotScript.HEIGHT;
            for (Blocking b : blocking) {
                CharacterDesign drawn = Cast.byName(b.character());
                Palette palette = drawn.palette();
                Pose pose = b.pose();
                for (DefectPlan d : defects) {
                    if (d.character().equals(b.character()) && index >= d.firstIndex() && index <= d.lastIndex()
                            && d.kind() == DefectKind.CHARACTER_SWAP) {
                        drawn = Cast.byName(d.swapWith());
                        palette = drawn.palette();
                    }
                }
                for (DefectPlan d : defects) {
                    if (!d.character().equals(b.character()) || index < d.firstIndex() || index > d.lastIndex()) {
                        continue;
                    }
                    switch (d.kind()) {
                        case COSTUME_DRIFT -> {
                            double k = d.lastIndex() == d.firstIndex() ? 1
                                    : (index - d.firstIndex()) / (double) (d.lastIndex() - d.firstIndex());
                            palette = palette.withCostumeHueShift(DRIFT_MIN_TURN + (DRIFT_MAX_TURN - DRIFT_MIN_TURN) * k);
                        }
                        case SHAPE_DISTORTION -> {
                            // Eases in over three frames, as a generator's drift into a wrong shape would.
                            double ramp = Math.min(1, (index - d.firstIndex() + 1) / 3.0);
                            pose = pose.withDistortion(d.distortion().scaled(ramp));
                        }
                        case FLICKER_POP -> {
                            palette = palette.withAllHueShift(POP_TURN);
                            pose = pose.withDistortion(d.distortion());
                        }
                        case CHARACTER_SWAP -> {
                            // Applied above, before colour and shape changes, so those act on the drawn character.
                        }
                        default -> throw new IllegalStateException("unhandled defect kind " + d.kind());
                    }
                }
                Rectangle2D bounds = painter.paint(g, drawn, palette, pose, b.footX() * sx, b.footY() * sy,
                        b.heightPx() * sy);
                seen.add(new GroundTruth.Appearance(b.character(), drawn.name(), clip(bounds, width, height),
                        pose.mirrored(), pose.view().fileName()));
            }
            BackdropPainter.paintForeground(g, backdrop, width, height);
        } finally {
            g.dispose();
        }
        return new Rendered(frame, seen);
    }

    private static GroundTruth.Box clip(Rectangle2D r, int width, int height) {
        int x0 = Math.max(0, (int) Math.floor(r.getMinX()));
        int y0 = Math.max(0, (int) Math.floor(r.getMinY()));
        int x1 = Math.min(width, (int) Math.ceil(r.getMaxX()));
        int y1 = Math.min(height, (int) Math.ceil(r.getMaxY()));
        return new GroundTruth.Box(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
