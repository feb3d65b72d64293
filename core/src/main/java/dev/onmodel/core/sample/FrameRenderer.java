package dev.onmodel.core.sample;

import dev.onmodel.core.sample.BackdropPainter.Backdrop;
import dev.onmodel.core.sample.ShotScript.Blocking;
import dev.onmodel.core.sample.ShotScript.DefectPlan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
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

    private static final Color SHADOW = new Color(40, 30, 60, 60);

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
        // A plain array copy of the backdrop: several times cheaper than drawImage for a full frame.
        byte[] backdropPixels = ((DataBufferByte) background.getRaster().getDataBuffer()).getData();
        byte[] framePixels = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        System.arraycopy(backdropPixels, 0, framePixels, 0, framePixels.length);
        Graphics2D g = frame.createGraphics();
        List<GroundTruth.Appearance> seen = new ArrayList<>();
        try {
            BackdropPainter.smooth(g);
            // Script positions are 1280x720 pixels; a smaller test frame scales them.
            double sx = width / (double) ShotScript.WIDTH;
            double sy = height / (double) ShotScript.HEIGHT;
            for (Blocking b : blocking) {
                contactShadow(g, b, sx, sy);
            }
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

    /**
     * A soft shadow on the ground under the feet, so characters stand on the set. It follows the blocking, not the
     * drawing, so a defect never moves it (the ground truth box is the character alone).
     */
    private static void contactShadow(Graphics2D g, Blocking b, double sx, double sy) {
        double size = b.heightPx() * Cast.byName(b.character()).relativeHeight() * sy;
        double w = size * 0.42;
        double h = size * 0.07;
        g.setColor(SHADOW);
        g.fill(new Ellipse2D.Double(b.footX() * sx - w / 2, b.footY() * sy - h * 0.6, w, h));
    }

    private static GroundTruth.Box clip(Rectangle2D r, int width, int height) {
        int x0 = Math.max(0, (int) Math.floor(r.getMinX()));
        int y0 = Math.max(0, (int) Math.floor(r.getMinY()));
        int x1 = Math.min(width, (int) Math.ceil(r.getMaxX()));
        int y1 = Math.min(height, (int) Math.ceil(r.getMaxY()));
        return new GroundTruth.Box(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
