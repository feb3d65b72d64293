package dev.onmodel.core.sample;

import dev.onmodel.core.sample.CharacterDesign.Build;
import dev.onmodel.core.sample.CharacterDesign.Headwear;
import dev.onmodel.core.sample.Pose.View;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Draws a character with Java2D in a toon style: gradient fill, a cel-shadow crescent and a dark outline per
 * body part. Drawing happens in "units": the feet stand at (0, 0), up is negative y and a kid is about
 * {@value #UNIT_HEIGHT} units tall; the caller places and sizes the character in pixels.
 *
 * <p>Stateless apart from its constants, so one painter may serve many threads.
 */
final class CharacterPainter {

    /** Height in units of an undistorted kid, hair included. */
    static final double UNIT_HEIGHT = 105;

    private static final Color OUTLINE = new Color(46, 30, 52);
    private static final Color SHADOW_TINT = new Color(70, 36, 96);
    private static final Color BLUSH = new Color(255, 120, 130, 110);
    private static final Color MOUTH = new Color(150, 40, 60);
    private static final Color TONGUE = new Color(240, 110, 120);
    private static final float OUTLINE_WIDTH = 1.15f;

    /**
     * Draws {@code design} in {@code pose} with its feet at ({@code footX}, {@code footY}) pixels, {@code heightPx}
     * tall for a kid (a lanky character is taller by its relative height).
     *
     * @return the drawn character's bounding box in pixels (before any clipping)
     */
    Rectangle2D paint(Graphics2D target, CharacterDesign design, Palette palette, Pose pose, double footX,
                      double footY, double heightPx) {
        Graphics2D g = (Graphics2D) target.create();
        try {
            double scale = heightPx / UNIT_HEIGHT * design.relativeHeight();
            g.translate(footX, footY);
            g.scale(scale * (pose.mirrored() ? -1 : 1) * pose.distortion().bodyX(), scale * pose.distortion().bodyY());
            Ink ink = new Ink(g, palette);
            Rig rig = Rig.of(design.build());
            if (design.build() == Build.KID) {
                paintKid(ink, design, pose, rig);
            } else {
                paintLanky(ink, pose, rig);
            }
            return ink.bounds();
        } finally {
            g.dispose();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rig: the joint positions of a build, in units.

    /** Joint positions of one build. */
    private record Rig(double hipY, double hipX, double legLength, double legWidth, double bootLength,
                       double shoulderY, double shoulderX, double armLength, double armWidth, double neckY,
                       double headY, double headRx, double headRy) {
        static Rig of(Build build) {
            return build == Build.KID
                    ? new Rig(-27, 5.5, 21, 8, 13, -47, 10.5, 19, 7, -51, -71, 21, 19.5)
                    : new Rig(-31, 4.5, 25, 6, 12, -66, 10, 29, 6, -70, -81, 11, 12.5);
        }
    }

    /** Leg angles and body drop for a walk phase; forward swing is a negative angle for a right-facing side view. */
    private record Gait(double nearAngle, double farAngle, double drop, double nearLift, double farLift) {
        static Gait of(Pose pose, Rig rig) {
            double swing = Math.sin(2 * Math.PI * pose.walkPhase()) * 0.5 * pose.stride();
            double full = rig.legLength() + 4;
            double drop = full * (1 - Math.cos(swing));
            double lift = Math.sin(2 * Math.PI * pose.walkPhase()) * 4.5 * pose.stride();
            return new Gait(swing, -swing, drop, Math.max(0, lift), Math.max(0, -lift));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Kid build (mira, tobo)

    private void paintKid(Ink ink, CharacterDesign design, Pose pose, Rig rig) {
        Gait gait = Gait.of(pose, rig);
        View view = pose.view();
        if (view == View.SIDE) {
            Graphics2D g = ink.g;
            double bob = gait.drop();
            // Arms swing against the legs: the far arm goes with the near leg, the near arm with the far leg.
            armSide(ink, rig, gait.nearAngle() * 0.9, bob, true);
            legSide(ink, rig, gait.farAngle(), bob, true);
            legSide(ink, rig, gait.nearAngle(), bob, false);
            AffineTransform saved = g.getTransform();
            g.translate(0, bob);
            kidTorsoSide(ink, design);
            kidHead(ink, design, pose, rig);
            g.setTransform(saved);
            armSide(ink, rig, gait.farAngle() * 0.9, bob, false);
            return;
        }
        double bob = pose.stride() * Math.abs(Math.sin(2 * Math.PI * pose.walkPhase())) * 1.5;
        legFront(ink, rig, -rig.hipX(), gait.nearLift(), bob);
        legFront(ink, rig, rig.hipX(), gait.farLift(), bob);
        Graphics2D g = ink.g;
        AffineTransform saved = g.getTransform();
        g.translate(0, -bob);
        if (view == View.BACK) {
            kidTorsoBack(ink, design);
        } else {
            kidTorsoFront(ink, design);
        }
        double armSwing = Math.sin(2 * Math.PI * pose.walkPhase()) * 0.12 * pose.stride();
        armFront(ink, rig, -1, 0.16 + armSwing, 0);
        armFront(ink, rig, 1, 0.16 - armSwing, pose.wave());
        kidHead(ink, design, pose, rig);
        g.setTransform(saved);
    }

    /**
     * A dress or jacket outline symmetric about x = 0: straight shoulders from -{@code shoulderX} to
     * {@code shoulderX} at {@code topY}, sides curving through ({@code ±sideX}, {@code sideY}) out to the hem corners
     * ({@code ±hemX}, {@code hemY}), and a hem that sags to {@code hemMidY} in the middle.
     */
    private static Path2D symmetricGarment(double shoulderX, double topY, double sideX, double sideY, double hemX,
                                           double hemY, double hemMidY) {
        Path2D garment = new Path2D.Double();
        garment.moveTo(-shoulderX, topY);
        garment.lineTo(shoulderX, topY);
        garment.quadTo(sideX, sideY, hemX, hemY);
        garment.quadTo(0, hemMidY, -hemX, hemY);
        garment.quadTo(-sideX, sideY, -shoulderX, topY);
        garment.closePath();
        return garment;
    }

    private void kidTorsoFront(Ink ink, CharacterDesign d) {
        Palette p = ink.palette;
        if (d.headwear() == Headwear.HAIR_BUN) {
            Path2D dress = symmetricGarment(9, -50, 12, -36, 17.5, -21, -16.5);
            ink.fill(dress, p.costume());
            // Hem trim and a belt in the trim colour: costume details a drift must carry along.
            ink.flat(new Rectangle2D.Double(-10.6, -40, 21.2, 3.2), p.trim());
            ink.line(new Line2D.Double(-10.6, -40, 10.6, -40), OUTLINE, 0.6f);
            ink.line(new Line2D.Double(-10.9, -36.8, 10.9, -36.8), OUTLINE, 0.6f);
            for (int i = -2; i <= 2; i++) {
                ink.flat(new Ellipse2D.Double(i * 6 - 1.6, -23, 3.2, 3.2), p.trim());
            }
            // Scarf knot under the chin.
            ink.fill(new RoundRectangle2D.Double(-11.5, -53.5, 23, 7, 6, 6), p.trim());
            Path2D tail = new Path2D.Double();
            tail.moveTo(3, -48);
            tail.lineTo(10, -48);
            tail.lineTo(12, -38);
            tail.lineTo(7, -39.5);
            tail.closePath();
            ink.fill(tail, p.trim());
        } else {
            Path2D jacket = symmetricGarment(10.5, -51, 13.5, -40, 13.5, -27, -24.5);
            ink.fill(jacket, p.costume());
            ink.line(new Line2D.Double(0, -50, 0, -26), OUTLINE, 0.7f);
            ink.fill(new RoundRectangle2D.Double(-8, -36, 16, 7, 3, 3), p.trim());
            ink.line(new Line2D.Double(0, -36, 0, -29), OUTLINE, 0.6f);
            ink.line(new Line2D.Double(-3, -50, -3.5, -43), p.trim(), 1.1f);
            ink.line(new Line2D.Double(3, -50, 3.5, -43), p.trim(), 1.1f);
            ink.fill(new RoundRectangle2D.Double(-12, -53.5, 24, 6, 5, 5), p.costume());
        }
    }

    private void kidTorsoBack(Ink ink, CharacterDesign d) {
        Palette p = ink.palette;
        if (d.headwear() == Headwear.HAIR_BUN) {
            Path2D dress = symmetricGarment(9, -50, 12, -36, 17.5, -21, -16.5);
            ink.fill(dress, p.costume());
            ink.flat(new Rectangle2D.Double(-10.6, -40, 21.2, 3.2), p.trim());
            // Bow of the belt seen from behind.
            ink.fill(new Ellipse2D.Double(-6, -42, 5.5, 5), p.trim());
            ink.fill(new Ellipse2D.Double(0.5, -42, 5.5, 5), p.trim());
            ink.fill(new RoundRectangle2D.Double(-11.5, -53.5, 23, 7, 6, 6), p.trim());
        } else {
            Path2D jacket = symmetricGarment(10.5, -51, 13.5, -40, 13.5, -27, -24.5);
            ink.fill(jacket, p.costume());
            // Hood hanging on the back.
            Path2D hood = new Path2D.Double();
            hood.moveTo(-9, -52);
            hood.quadTo(0, -53, 9, -52);
            hood.quadTo(8, -40, 0, -39);
            hood.quadTo(-8, -40, -9, -52);
            hood.closePath();
            ink.fill(hood, p.costume());
            ink.line(new Path2D.Double(new Arc2D.Double(-5, -50, 10, 8, 180, 180, Arc2D.OPEN)), p.trim(), 1.0f);
        }
    }

    private void kidTorsoSide(Ink ink, CharacterDesign d) {
        Palette p = ink.palette;
        if (d.headwear() == Headwear.HAIR_BUN) {
            Path2D dress = symmetricGarment(6.5, -50, 10, -36, 14, -21, -17.5);
            ink.fill(dress, p.costume());
            ink.flat(new Rectangle2D.Double(-8.6, -40, 17.2, 3.2), p.trim());
            ink.line(new Line2D.Double(-8.6, -40, 8.6, -40), OUTLINE, 0.6f);
            ink.line(new Line2D.Double(-8.9, -36.8, 8.9, -36.8), OUTLINE, 0.6f);
            ink.fill(new RoundRectangle2D.Double(-8.5, -53.5, 17, 7, 6, 6), p.trim());
            Path2D tail = new Path2D.Double();
            tail.moveTo(-6, -49);
            tail.lineTo(-11, -48);
            tail.lineTo(-16, -41);
            tail.lineTo(-10, -43);
            tail.closePath();
            ink.fill(tail, p.trim());
        } else {
            Path2D jacket = symmetricGarment(8, -51, 10.5, -40, 10.5, -27, -25);
            ink.fill(jacket, p.costume());
            Path2D hood = new Path2D.Double();
            hood.moveTo(-4, -53);
            hood.quadTo(-13, -52, -12, -42);
            hood.quadTo(-8, -43, -5, -48);
            hood.closePath();
            ink.fill(hood, p.costume());
            ink.fill(new RoundRectangle2D.Double(1, -36, 9, 7, 3, 3), p.trim());
        }
    }

    /**
     * Applies the pose's head distortion (a shape-distortion defect) about the neck, so the head stays attached.
     *
     * @return the transform to restore once the head is drawn
     */
    private static AffineTransform scaleHeadAboutNeck(Graphics2D g, Pose pose, Rig rig) {
        AffineTransform saved = g.getTransform();
        Pose.Distortion distortion = pose.distortion();
        g.translate(0, rig.neckY());
        g.scale(distortion.headX(), distortion.headY());
        g.translate(0, -rig.neckY());
        return saved;
    }

    private void kidHead(Ink ink, CharacterDesign d, Pose pose, Rig rig) {
        Graphics2D g = ink.g;
        AffineTransform saved = scaleHeadAboutNeck(g, pose, rig);
        Palette p = ink.palette;
        double cy = rig.headY();
        double rx = rig.headRx();
        double ry = rig.headRy();
        Ellipse2D skull = new Ellipse2D.Double(-rx, cy - ry, 2 * rx, 2 * ry);
        switch (pose.view()) {
            case SIDE -> {
                Area head = new Area(new Ellipse2D.Double(-rx + 1, cy - ry, 2 * rx - 1, 2 * ry));
                head.add(new Area(new Ellipse2D.Double(rx - 3.5, cy + 0.5, 6, 5.5)));
                ink.fill(head, p.skin());
                kidFaceSide(ink, cy);
                kidHairSide(ink, d, cy, rx, ry);
            }
            case BACK -> {
                ink.fill(new Ellipse2D.Double(-rx - 2.5, cy - 3, 5, 7), p.skin());
                ink.fill(new Ellipse2D.Double(rx - 2.5, cy - 3, 5, 7), p.skin());
                ink.fill(skull, p.skin());
                kidHairBack(ink, d, cy, rx, ry);
            }
            default -> {
                if (d.headwear() == Headwear.HAIR_BUN) {
                    // Hair mass behind the head frames the face.
                    ink.fill(new RoundRectangle2D.Double(-rx - 3, cy - ry - 1.5, 2 * rx + 6, 2 * ry + 2, 30, 34), p.hair());
                }
                ink.fill(new Ellipse2D.Double(-rx - 2.5, cy - 3, 5, 7), p.skin());
                ink.fill(new Ellipse2D.Double(rx - 2.5, cy - 3, 5, 7), p.skin());
                ink.fill(skull, p.skin());
                kidFaceFront(ink, cy, pose.view() == View.FRONT_SMILE);
                kidHairFront(ink, d, cy, rx, ry);
            }
        }
        g.setTransform(saved);
    }

    private void kidFaceFront(Ink ink, double cy, boolean smile) {
        Palette p = ink.palette;
        for (int side = -1; side <= 1; side += 2) {
            double ex = side * 8;
            ink.flat(new Ellipse2D.Double(ex + side * 5.5 - 3.5, cy + 6, 7, 4), BLUSH);
            if (smile) {
                ink.line(new Arc2D.Double(ex - 3.6, cy - 2.5, 7.2, 6.5, 20, 140, Arc2D.OPEN), p.eyes(), 1.7f);
            } else {
                ink.flat(new Ellipse2D.Double(ex - 3.3, cy - 4.8, 6.6, 9.2), p.eyes());
                ink.flat(new Ellipse2D.Double(ex - 1.6, cy - 3.6, 2.8, 2.8), Color.WHITE);
                ink.flat(new Ellipse2D.Double(ex + 0.6, cy + 1.2, 1.3, 1.3), Color.WHITE);
            }
            double browLift = smile ? -1.5 : 0;
            ink.line(new Arc2D.Double(ex - 3.5, cy - 9.5 + browLift, 7, 4, 30, 120, Arc2D.OPEN), darker(p.hair(), 0.25), 1.3f);
        }
        ink.line(new Arc2D.Double(-1.3, cy + 3, 2.6, 2.2, 200, 140, Arc2D.OPEN), darker(p.skin(), 0.35), 0.9f);
        if (smile) {
            Path2D mouth = new Path2D.Double();
            mouth.moveTo(-5.5, cy + 8);
            mouth.lineTo(5.5, cy + 8);
            mouth.quadTo(5, cy + 14.5, 0, cy + 14.5);
            mouth.quadTo(-5, cy + 14.5, -5.5, cy + 8);
            mouth.closePath();
            ink.flat(mouth, MOUTH);
            ink.flat(new Ellipse2D.Double(-3, cy + 11, 6, 3.5), TONGUE);
            ink.line(mouth, OUTLINE, 0.8f);
        } else {
            ink.line(new Arc2D.Double(-3.5, cy + 6.5, 7, 4.5, 200, 140, Arc2D.OPEN), MOUTH, 1.1f);
        }
    }

    private void kidFaceSide(Ink ink, double cy) {
        Palette p = ink.palette;
        ink.flat(new Ellipse2D.Double(6, cy + 5.5, 6.5, 4), BLUSH);
        ink.flat(new Ellipse2D.Double(10.2, cy - 4.8, 5.4, 9.2), p.eyes());
        ink.flat(new Ellipse2D.Double(11.8, cy - 3.6, 2.4, 2.6), Color.WHITE);
        ink.line(new Arc2D.Double(9.5, cy - 9.8, 7, 4, 30, 120, Arc2D.OPEN), darker(p.hair(), 0.25), 1.3f);
        ink.line(new Arc2D.Double(13.5, cy + 7, 4.5, 3.5, 200, 110, Arc2D.OPEN), MOUTH, 1.1f);
    }

    private void kidHairFront(Ink ink, CharacterDesign d, double cy, double rx, double ry) {
        Palette p = ink.palette;
        if (d.headwear() == Headwear.HAIR_BUN) {
            ink.fill(new Ellipse2D.Double(-7.8, cy - ry - 14, 15.6, 15.6), p.hair());
            Path2D fringe = new Path2D.Double();
            fringe.moveTo(-rx - 1.5, cy + 2);
            fringe.curveTo(-rx - 3, cy - ry - 9, rx + 3, cy - ry - 9, rx + 1.5, cy + 2);
            fringe.quadTo(rx - 2, cy - 6, rx - 9, cy - 8);
            fringe.quadTo(4, cy - 15, -1, cy - 8.5);
            fringe.quadTo(-6, cy - 14, -11, cy - 8);
            fringe.quadTo(-rx + 1, cy - 7, -rx - 1.5, cy + 2);
            fringe.closePath();
            ink.fill(fringe, p.hair());
            ink.flat(new Ellipse2D.Double(-11, cy - ry + 1.5, 9, 3.2), new Color(255, 255, 255, 90));
            ink.fill(new RoundRectangle2D.Double(-9, cy - ry - 2.5, 18, 3.5, 3, 3), p.trim());
        } else {
            // Beanie pulled down over the hair, tufts sticking out at the temples.
            for (int side = -1; side <= 1; side += 2) {
                Path2D tuft = new Path2D.Double();
                tuft.moveTo(side * (rx - 5), cy - 9);
                tuft.lineTo(side * (rx + 2.5), cy - 7);
                tuft.lineTo(side * (rx - 1), cy - 1);
                tuft.lineTo(side * (rx - 2.5), cy - 4);
                tuft.lineTo(side * (rx - 5), cy - 2);
                tuft.closePath();
                ink.fill(tuft, p.hair());
            }
            Path2D fringe = new Path2D.Double();
            fringe.moveTo(-12, cy - 10);
            fringe.lineTo(-8, cy - 4);
            fringe.lineTo(-4, cy - 8.5);
            fringe.lineTo(1, cy - 3.5);
            fringe.lineTo(5, cy - 8.5);
            fringe.lineTo(10, cy - 5);
            fringe.lineTo(12, cy - 10);
            fringe.closePath();
            ink.fill(fringe, p.hair());
            beanie(ink, cy, rx, ry, 0);
        }
    }

    private void beanie(Ink ink, double cy, double rx, double ry, double lean) {
        Palette p = ink.palette;
        Path2D dome = new Path2D.Double();
        dome.moveTo(-rx - 1.5, cy - 7);
        dome.curveTo(-rx - 1 + lean, cy - ry - 12, rx + 1 + lean, cy - ry - 12, rx + 1.5, cy - 7);
        dome.closePath();
        ink.fill(dome, p.headwear());
        for (int i = -2; i <= 2; i++) {
            ink.line(new Line2D.Double(i * 6.5 + lean * 0.3, cy - ry - 4 + Math.abs(i) * 1.6, i * 7.5, cy - 10),
                    darker(p.headwear(), 0.25), 0.8f);
        }
        ink.fill(new RoundRectangle2D.Double(-rx - 2.5, cy - 11, 2 * rx + 5, 6, 4, 4), darker(p.headwear(), 0.12));
        ink.fill(new Ellipse2D.Double(-4.5 + lean, cy - ry - 13.5, 9, 9), p.trim());
    }

    private void kidHairSide(Ink ink, CharacterDesign d, double cy, double rx, double ry) {
        Palette p = ink.palette;
        if (d.headwear() == Headwear.HAIR_BUN) {
            Area hair = new Area(new Ellipse2D.Double(-rx - 1.5, cy - ry - 1.5, 2 * rx + 2.5, 2 * ry + 3));
            Path2D region = new Path2D.Double();
            region.moveTo(-40, cy + 30);
            region.lineTo(-40, cy - 40);
            region.lineTo(40, cy - 40);
            region.lineTo(40, cy - 10);
            region.lineTo(rx - 3, cy - 9);
            region.quadTo(8, cy - 4, 4, cy - 8);
            region.quadTo(-2, cy - 2, -5, cy - 6);
            region.lineTo(-4, cy + 8);
            region.lineTo(-8, cy + 30);
            region.closePath();
            hair.intersect(new Area(region));
            ink.fill(new Ellipse2D.Double(-12, cy - ry - 12, 15.6, 15.6), p.hair());
            ink.fill(new RoundRectangle2D.Double(-10.5, cy - ry - 3, 13, 3.5, 3, 3), p.trim());
            ink.fill(hair, p.hair());
            ink.flat(new Ellipse2D.Double(-4, cy - ry + 1.5, 9, 3.2), new Color(255, 255, 255, 90));
        } else {
            Area hair = new Area(new Ellipse2D.Double(-rx - 1.5, cy - ry, 2 * rx + 1, 2 * ry + 1));
            Path2D region = new Path2D.Double();
            region.moveTo(-40, cy + 30);
            region.lineTo(-40, cy - 12);
            region.lineTo(-2, cy - 12);
            region.lineTo(-5, cy + 4);
            region.lineTo(-9, cy + 12);
            region.closePath();
            hair.intersect(new Area(region));
            ink.fill(hair, p.hair());
            ear(ink, -4.5, cy - 2.5);
            Path2D tuft = new Path2D.Double();
            tuft.moveTo(rx - 9, cy - 10);
            tuft.lineTo(rx - 2, cy - 5);
            tuft.lineTo(rx - 6, cy - 6.5);
            tuft.lineTo(rx - 7, cy - 3);
            tuft.closePath();
            ink.fill(tuft, p.hair());
            beanie(ink, cy, rx, ry, -2);
        }
    }

    /** An ear in profile: a slightly shaded skin shape with one inner stroke, so it never reads as an eye. */
    private void ear(Ink ink, double x, double y) {
        Color skin = ink.palette.skin();
        ink.fill(new Ellipse2D.Double(x, y, 5, 7), darker(skin, 0.08));
        ink.line(new Arc2D.Double(x + 1.3, y + 1.6, 2.6, 3.8, 90, 180, Arc2D.OPEN), darker(skin, 0.35), 0.7f);
    }

    private void kidHairBack(Ink ink, CharacterDesign d, double cy, double rx, double ry) {
        Palette p = ink.palette;
        if (d.headwear() == Headwear.HAIR_BUN) {
            ink.fill(new RoundRectangle2D.Double(-rx - 2, cy - ry - 1.5, 2 * rx + 4, 2 * ry + 4, 30, 30), p.hair());
            ink.line(new Line2D.Double(0, cy - ry + 2, 0, cy + ry - 2), darker(p.hair(), 0.3), 0.8f);
            ink.fill(new Ellipse2D.Double(-7.8, cy - ry - 14, 15.6, 15.6), p.hair());
            ink.fill(new RoundRectangle2D.Double(-9, cy - ry - 2.5, 18, 3.5, 3, 3), p.trim());
        } else {
            Area hair = new Area(new Ellipse2D.Double(-rx - 0.5, cy - ry, 2 * rx + 1, 2 * ry + 1));
            hair.intersect(new Area(new Rectangle2D.Double(-40, cy - 12, 80, 60)));
            ink.fill(hair, p.hair());
            beanie(ink, cy, rx, ry, 0);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lanky build (kess)

    private void paintLanky(Ink ink, Pose pose, Rig rig) {
        Gait gait = Gait.of(pose, rig);
        Graphics2D g = ink.g;
        if (pose.view() == View.SIDE) {
            double bob = gait.drop();
            armSide(ink, rig, gait.nearAngle() * 0.8, bob, true);
            legSide(ink, rig, gait.farAngle(), bob, true);
            legSide(ink, rig, gait.nearAngle(), bob, false);
            AffineTransform saved = g.getTransform();
            g.translate(0, bob);
            lankyCoat(ink, View.SIDE);
            lankyHead(ink, pose, rig);
            g.setTransform(saved);
            armSide(ink, rig, gait.farAngle() * 0.8, bob, false);
            return;
        }
        double bob = pose.stride() * Math.abs(Math.sin(2 * Math.PI * pose.walkPhase())) * 1.5;
        legFront(ink, rig, -rig.hipX(), gait.nearLift(), bob);
        legFront(ink, rig, rig.hipX(), gait.farLift(), bob);
        AffineTransform saved = g.getTransform();
        g.translate(0, -bob);
        lankyCoat(ink, pose.view());
        double armSwing = Math.sin(2 * Math.PI * pose.walkPhase()) * 0.1 * pose.stride();
        armFront(ink, rig, -1, 0.12 + armSwing, 0);
        armFront(ink, rig, 1, 0.12 - armSwing, pose.wave());
        if (pose.view().isFront()) {
            satchelStrapFront(ink);
        }
        lankyHead(ink, pose, rig);
        g.setTransform(saved);
    }

    private void lankyCoat(Ink ink, View view) {
        Palette p = ink.palette;
        boolean side = view == View.SIDE;
        double top = side ? 7 : 10;
        double hem = side ? 13 : 16.5;
        if (view == View.BACK || side) {
            // The satchel hangs at the back hip, so it is behind the coat in these views.
            ink.fill(new RoundRectangle2D.Double(side ? -15 : 6, -44, 11, 10, 3, 3), p.trim());
        }
        Path2D coat = new Path2D.Double();
        coat.moveTo(-top, -69);
        coat.lineTo(top, -69);
        coat.quadTo(top + 4, -48, hem, -23);
        coat.quadTo(0, -20.5, -hem, -23);
        coat.quadTo(-top - 4, -48, -top, -69);
        coat.closePath();
        ink.fill(coat, p.costume());
        Color seam = darker(p.costume(), 0.35);
        switch (view) {
            case SIDE -> {
                ink.line(new Line2D.Double(5, -66, 9, -24), seam, 0.7f);
                ink.fill(new RoundRectangle2D.Double(2, -44, 8, 6, 2, 2), darker(p.costume(), 0.1));
                ink.line(new Line2D.Double(-4, -69, -14, -40), p.trim(), 1.6f);
            }
            case BACK -> {
                ink.line(new Line2D.Double(0, -66, 0, -22), seam, 0.7f);
                ink.fill(new RoundRectangle2D.Double(-9, -50, 18, 3, 2, 2), darker(p.costume(), 0.12));
            }
            default -> {
                ink.line(new Line2D.Double(0.5, -66, 2, -21), seam, 0.7f);
                for (int i = 0; i < 3; i++) {
                    ink.fill(new Ellipse2D.Double(-3.5, -62 + i * 8, 2.8, 2.8), new Color(232, 190, 80));
                }
                Path2D lapel = new Path2D.Double();
                lapel.moveTo(-6, -69);
                lapel.lineTo(0, -58);
                lapel.lineTo(6, -69);
                ink.line(lapel, seam, 0.9f);
                ink.fill(new RoundRectangle2D.Double(-12, -40, 8, 6, 2, 2), darker(p.costume(), 0.1));
            }
        }
        if (!side) {
            ink.fill(new RoundRectangle2D.Double(-6.5, -72, 13, 5, 3, 3), p.costume());
        }
    }

    private void satchelStrapFront(Ink ink) {
        Palette p = ink.palette;
        Path2D strap = new Path2D.Double();
        strap.moveTo(-8, -68);
        strap.lineTo(-5, -68);
        strap.lineTo(12, -40);
        strap.lineTo(9, -40);
        strap.closePath();
        ink.fill(strap, p.trim());
        ink.fill(new RoundRectangle2D.Double(6, -42, 12, 10, 3, 3), p.trim());
        ink.line(new Line2D.Double(6.5, -38.5, 17.5, -38.5), darker(p.trim(), 0.35), 0.7f);
    }

    private void lankyHead(Ink ink, Pose pose, Rig rig) {
        Graphics2D g = ink.g;
        AffineTransform saved = scaleHeadAboutNeck(g, pose, rig);
        Palette p = ink.palette;
        double cy = rig.headY();
        double rx = rig.headRx();
        double ry = rig.headRy();
        ink.fill(new RoundRectangle2D.Double(-3, -73, 6, 6, 2, 2), p.skin());
        switch (pose.view()) {
            case SIDE -> {
                ink.fill(new RoundRectangle2D.Double(-rx - 2, cy - 8, 12, 14, 8, 8), p.hair());
                Area head = new Area(new Ellipse2D.Double(-rx, cy - ry, 2 * rx, 2 * ry));
                Path2D nose = new Path2D.Double();
                nose.moveTo(rx - 1.5, cy - 2);
                nose.quadTo(rx + 3, cy + 2, rx + 2, cy + 2.8);
                nose.lineTo(rx - 1, cy + 3.5);
                nose.closePath();
                head.add(new Area(nose));
                ink.fill(head, p.skin());
                ink.flat(new Ellipse2D.Double(4.5, cy - 2, 2.4, 2.6), p.eyes());
                ink.line(new Ellipse2D.Double(2, cy - 4.5, 7.6, 7.6), OUTLINE, 0.9f);
                ink.line(new Line2D.Double(2, cy - 0.5, -4, cy - 1), OUTLINE, 0.7f);
                ink.line(new Line2D.Double(5, cy + 7.5, 8, cy + 7), MOUTH, 0.9f);
                ear(ink, -5.5, cy - 2.5);
                wideHat(ink, cy, ry, true);
            }
            case BACK -> {
                ink.fill(new Ellipse2D.Double(-rx, cy - ry, 2 * rx, 2 * ry), p.skin());
                ink.fill(new RoundRectangle2D.Double(-rx - 1.5, cy - ry + 2, 2 * rx + 3, 2 * ry - 3, 2 * rx, 16), p.hair());
                ink.line(new Line2D.Double(0, cy - ry + 4, 0, cy + ry - 3), darker(p.hair(), 0.3), 0.6f);
                ink.flat(new Ellipse2D.Double(-rx + 2, cy - 4, 8, 2.5), new Color(255, 255, 255, 50));
                wideHat(ink, cy, ry, false);
            }
            default -> {
                ink.fill(new RoundRectangle2D.Double(-rx - 2, cy - ry + 3, 2 * rx + 4, ry + 3, 10, 8), p.hair());
                ink.fill(new Ellipse2D.Double(-rx, cy - ry, 2 * rx, 2 * ry), p.skin());
                Path2D fringe = new Path2D.Double();
                fringe.moveTo(-rx - 0.5, cy - 3);
                fringe.quadTo(-rx, cy - ry - 1, 0, cy - ry - 1);
                fringe.quadTo(rx, cy - ry - 1, rx + 0.5, cy - 3);
                fringe.quadTo(4, cy - 7, 0, cy - 6);
                fringe.quadTo(-6, cy - 8, -rx - 0.5, cy - 3);
                fringe.closePath();
                ink.fill(fringe, p.hair());
                boolean smile = pose.view() == View.FRONT_SMILE;
                for (int s = -1; s <= 1; s += 2) {
                    if (smile) {
                        ink.line(new Arc2D.Double(s * 4.6 - 1.8, cy - 1, 3.6, 3, 20, 140, Arc2D.OPEN), p.eyes(), 1.1f);
                    } else {
                        ink.flat(new Ellipse2D.Double(s * 4.6 - 1.2, cy - 1.6, 2.4, 2.8), p.eyes());
                    }
                    ink.line(new Ellipse2D.Double(s * 4.6 - 3.8, cy - 3.8, 7.6, 7.6), OUTLINE, 0.9f);
                    ink.flat(new Ellipse2D.Double(s * 4.6 - 2.5, cy - 3, 2, 1.5), new Color(255, 255, 255, 160));
                }
                ink.line(new Line2D.Double(-0.9, cy - 0.5, 0.9, cy - 0.5), OUTLINE, 0.8f);
                ink.line(new Line2D.Double(0, cy + 1, 0.8, cy + 4), darker(p.skin(), 0.35), 0.7f);
                if (smile) {
                    ink.line(new Arc2D.Double(-4, cy + 3.5, 8, 5, 200, 140, Arc2D.OPEN), MOUTH, 1.2f);
                } else {
                    ink.line(new Line2D.Double(-2.2, cy + 7, 2.2, cy + 7), MOUTH, 0.9f);
                }
                wideHat(ink, cy, ry, false);
            }
        }
        g.setTransform(saved);
    }

    private void wideHat(Ink ink, double cy, double ry, boolean profile) {
        Palette p = ink.palette;
        double brimY = cy - ry + 3;
        double brimHalf = profile ? 22 : 24;
        ink.fill(new Ellipse2D.Double(-brimHalf, brimY - 3.2, 2 * brimHalf, profile ? 5 : 7), p.headwear());
        Path2D crown = new Path2D.Double();
        crown.moveTo(-11, brimY);
        crown.quadTo(-12, brimY - 14, -5, brimY - 15);
        crown.quadTo(0, brimY - 13, 5, brimY - 15);
        crown.quadTo(12, brimY - 14, 11, brimY);
        crown.quadTo(0, brimY + 2, -11, brimY);
        crown.closePath();
        ink.fill(crown, p.headwear());
        ink.fill(new RoundRectangle2D.Double(-11.3, brimY - 4.5, 22.6, 3.8, 2, 2), p.trim());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Limbs shared by both builds

    private void legFront(Ink ink, Rig rig, double x, double lift, double bob) {
        Palette p = ink.palette;
        double top = rig.hipY() - bob;
        double bottom = -3 - lift;
        ink.fill(new RoundRectangle2D.Double(x - rig.legWidth() / 2, top, rig.legWidth(), bottom - top, 4, 4), p.legs());
        double bootW = rig.legWidth() + 4.5;
        ink.fill(new RoundRectangle2D.Double(x - bootW / 2, -7.5 - lift, bootW, 7.5, 6, 6), p.boots());
    }

    private void legSide(Ink ink, Rig rig, double angle, double bob, boolean far) {
        Palette p = ink.palette;
        Graphics2D g = ink.g;
        AffineTransform saved = g.getTransform();
        g.translate(0, rig.hipY() + bob);
        g.rotate(angle);
        double length = -rig.hipY() - 4;
        Color legs = far ? darker(p.legs(), 0.2) : p.legs();
        Color boots = far ? darker(p.boots(), 0.2) : p.boots();
        ink.fill(new RoundRectangle2D.Double(-rig.legWidth() / 2, -2, rig.legWidth(), length, 4, 4), legs);
        ink.fill(new RoundRectangle2D.Double(-rig.legWidth() / 2 - 1, length - 3.5, rig.bootLength(), 7.5, 6, 6), boots);
        g.setTransform(saved);
    }

    private void armFront(Ink ink, Rig rig, int side, double outward, double wave) {
        Palette p = ink.palette;
        Graphics2D g = ink.g;
        AffineTransform saved = g.getTransform();
        g.translate(side * rig.shoulderX(), rig.shoulderY());
        // Positive side is screen right; the arm rotates outwards, and a wave lifts it up past the shoulder.
        double raise = wave * (2.4 + 0.35 * Math.sin(wave * 12));
        g.rotate(-side * (outward + raise));
        armShape(ink, rig, p.costume(), p.skin());
        g.setTransform(saved);
    }

    private void armSide(Ink ink, Rig rig, double angle, double bob, boolean far) {
        Palette p = ink.palette;
        Graphics2D g = ink.g;
        AffineTransform saved = g.getTransform();
        g.translate(0, rig.shoulderY() + bob);
        g.rotate(angle);
        armShape(ink, rig, far ? darker(p.costume(), 0.2) : p.costume(), far ? darker(p.skin(), 0.15) : p.skin());
        g.setTransform(saved);
    }

    private void armShape(Ink ink, Rig rig, Color sleeve, Color skin) {
        double w = rig.armWidth();
        double length = rig.armLength();
        ink.fill(new Ellipse2D.Double(-w * 0.6, length - w * 0.75, w * 1.2, w * 1.2), skin);
        ink.fill(new RoundRectangle2D.Double(-w / 2, -w / 2, w, length - w * 0.2, w, w), sleeve);
    }

    static Color darker(Color c, double amount) {
        return mix(c, SHADOW_TINT, amount);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t),
                a.getAlpha());
    }

    /** The pen: fills with shading and outline, and tracks the pixel bounds of everything filled. */
    private static final class Ink {
        final Graphics2D g;
        final Palette palette;
        private final BasicStroke outline = new BasicStroke(OUTLINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        private Rectangle2D bounds;

        Ink(Graphics2D g, Palette palette) {
            this.g = g;
            this.palette = palette;
        }

        /**
         * A body part: shadow tone, then the light-to-base gradient over all of it but a crescent on the lower
         * right (the part shifted up-left, clipped to the part), then the outline. Clipping instead of
         * {@link Area} arithmetic keeps a character at a few milliseconds; the clip's hard edge lies under the
         * outline.
         */
        void fill(Shape shape, Color base) {
            Rectangle2D b = shape.getBounds2D();
            g.setColor(darker(base, 0.3));
            g.fill(shape);
            double dx = Math.min(3.2, b.getWidth() * 0.22);
            double dy = Math.min(2.4, b.getHeight() * 0.12);
            Shape clip = g.getClip();
            g.clip(shape);
            g.setPaint(new GradientPaint((float) b.getX(), (float) b.getY(), mix(base, Color.WHITE, 0.22),
                    (float) (b.getX() + b.getWidth() * 0.5), (float) (b.getY() + b.getHeight() * 0.8), base));
            g.fill(AffineTransform.getTranslateInstance(-dx, -dy).createTransformedShape(shape));
            g.setClip(clip);
            g.setColor(OUTLINE);
            g.setStroke(outline);
            g.draw(shape);
            track(shape, OUTLINE_WIDTH / 2.0);
        }

        /** A detail without outline or shading (eyes, highlights, trim). */
        void flat(Shape shape, Color color) {
            g.setColor(color);
            g.fill(shape);
            track(shape, 0);
        }

        /** A drawn line (mouth, brows, seams). */
        void line(Shape shape, Color color, float width) {
            g.setColor(color);
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
            track(shape, width / 2.0);
        }

        private void track(Shape shape, double pad) {
            Rectangle2D local = shape.getBounds2D();
            Rectangle2D padded = new Rectangle2D.Double(local.getX() - pad, local.getY() - pad,
                    local.getWidth() + 2 * pad, local.getHeight() + 2 * pad);
            Rectangle2D onScreen = g.getTransform().createTransformedShape(padded).getBounds2D();
            bounds = bounds == null ? onScreen : bounds.createUnion(onScreen);
        }

        Rectangle2D bounds() {
            return bounds == null ? new Rectangle2D.Double() : bounds;
        }
    }
}
