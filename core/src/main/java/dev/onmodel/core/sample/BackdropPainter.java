package dev.onmodel.core.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Paints the six sample backdrops (and the one foreground prop that hides part of a character). A backdrop is
 * painted once per shot and copied under every frame, so its texture costs nothing per frame.
 */
final class BackdropPainter {

    /** The sets of the sample's shots. */
    enum Backdrop {
        MEADOW, FOREST, FENCE, ROOM, CANYON, BEACH
    }

    private static final Color OUTLINE = new Color(46, 30, 52);

    private BackdropPainter() {
    }

    /** An opaque {@code width x height} picture of {@code backdrop}; {@code seed} drives the texture. */
    static BufferedImage paint(Backdrop backdrop, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            smooth(g);
            // Everything is laid out for 1280x720 and scaled, so a smaller test frame shows the same picture.
            g.scale(width / 1280.0, height / 720.0);
            Random random = new Random(seed);
            switch (backdrop) {
                case MEADOW -> meadow(g, random);
                case FOREST -> forest(g, random);
                case FENCE -> fence(g, random);
                case ROOM -> room(g, random);
                case CANYON -> canyon(g, random);
                case BEACH -> beach(g, random);
                default -> throw new IllegalArgumentException("unknown backdrop " + backdrop);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws what stands in front of the characters, if the backdrop has anything there. */
    static void paintForeground(Graphics2D g, Backdrop backdrop, int width, int height) {
        if (backdrop != Backdrop.CANYON) {
            return;
        }
        Graphics2D f = (Graphics2D) g.create();
        try {
            f.scale(width / 1280.0, height / 720.0);
            boulder(f);
        } finally {
            f.dispose();
        }
    }

    static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    // -------------------------------------------------------------------------------------------------------------

    private static void sky(Graphics2D g, double horizon, Color... stops) {
        float[] fractions = new float[stops.length];
        for (int i = 0; i < stops.length; i++) {
            fractions[i] = i / (float) (stops.length - 1);
        }
        g.setPaint(new LinearGradientPaint(0, 0, 0, (float) horizon, fractions, stops));
        g.fill(new Rectangle2D.Double(0, 0, 1280, horizon + 2));
    }

    private static void sun(Graphics2D g, double x, double y, double r, Color core, Color glow) {
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) (r * 3.2), new float[]{0f, 0.3f, 1f},
                new Color[]{withAlpha(glow, 170), withAlpha(glow, 60), withAlpha(glow, 0)}));
        g.fill(new Ellipse2D.Double(x - r * 3.2, y - r * 3.2, r * 6.4, r * 6.4));
        g.setColor(core);
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    private static void cloud(Graphics2D g, Random random, double x, double y, double size) {
        Color light = new Color(255, 255, 255, 235);
        Color shade = new Color(214, 224, 240, 235);
        g.setColor(shade);
        g.fill(new RoundRectangle2D.Double(x - size * 1.1, y - size * 0.15, size * 2.3, size * 0.6, size * 0.6, size * 0.6));
        g.setColor(light);
        int puffs = 3 + random.nextInt(3);
        for (int i = 0; i < puffs; i++) {
            double px = x - size + i * size * 2.0 / puffs + random.nextDouble() * size * 0.3;
            double r = size * (0.35 + random.nextDouble() * 0.3);
            g.fill(new Ellipse2D.Double(px - r * 0.2, y - r * 1.1, r * 1.8, r * 1.8));
        }
        g.fill(new RoundRectangle2D.Double(x - size * 1.05, y - size * 0.25, size * 2.2, size * 0.5, size * 0.5, size * 0.5));
    }

    private static Path2D hill(double baseY, double amplitude, double wavelength, double phase) {
        Path2D p = new Path2D.Double();
        p.moveTo(-10, 800);
        for (int x = -10; x <= 1300; x += 20) {
            double y = baseY - amplitude * (0.6 * Math.sin(x / wavelength + phase) + 0.4 * Math.sin(x / (wavelength * 0.43) + phase * 2.1));
            p.lineTo(x, y);
        }
        p.lineTo(1300, 800);
        p.closePath();
        return p;
    }

    private static void grass(Graphics2D g, Random random, double top, int blades, Color base) {
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < blades; i++) {
            double x = random.nextDouble() * 1280;
            double depth = random.nextDouble();
            double y = top + depth * depth * (720 - top);
            double h = 4 + depth * 14;
            g.setColor(CharacterPainter.mix(base, i % 3 == 0 ? Color.WHITE : Color.BLACK, 0.12 + random.nextDouble() * 0.1));
            Path2D blade = new Path2D.Double();
            blade.moveTo(x, y);
            blade.quadTo(x + (random.nextDouble() - 0.5) * 4, y - h * 0.6, x + (random.nextDouble() - 0.5) * 8, y - h);
            g.draw(blade);
        }
    }

    private static void tree(Graphics2D g, double x, double groundY, double size, Color leaves) {
        g.setColor(new Color(120, 78, 52));
        Path2D trunk = new Path2D.Double();
        trunk.moveTo(x - size * 0.12, groundY);
        trunk.quadTo(x - size * 0.05, groundY - size * 0.8, x - size * 0.08, groundY - size * 1.2);
        trunk.lineTo(x + size * 0.08, groundY - size * 1.2);
        trunk.quadTo(x + size * 0.05, groundY - size * 0.8, x + size * 0.14, groundY);
        trunk.closePath();
        g.fill(trunk);
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(2.5f));
        g.draw(trunk);
        double[][] blobs = {{-0.55, -1.35, 0.55}, {0.5, -1.4, 0.55}, {0, -1.85, 0.65}, {-0.2, -1.25, 0.5}, {0.25, -1.2, 0.45}};
        for (double[] b : blobs) {
            double r = size * b[2];
            Ellipse2D blob = new Ellipse2D.Double(x + size * b[0] - r, groundY + size * b[1] - r, 2 * r, 2 * r);
            g.setPaint(new GradientPaint((float) blob.getX(), (float) blob.getY(), CharacterPainter.mix(leaves, Color.WHITE, 0.2),
                    (float) blob.getMaxX(), (float) blob.getMaxY(), CharacterPainter.mix(leaves, Color.BLACK, 0.25)));
            g.fill(blob);
            g.setColor(OUTLINE);
            g.draw(blob);
        }
    }

    private static void meadow(Graphics2D g, Random random) {
        sky(g, 470, new Color(92, 156, 228), new Color(150, 198, 240), new Color(214, 234, 246));
        sun(g, 1060, 110, 46, new Color(255, 246, 200), new Color(255, 230, 150));
        for (int i = 0; i < 5; i++) {
            cloud(g, random, 120 + i * 260 + random.nextDouble() * 80, 80 + random.nextDouble() * 140, 50 + random.nextDouble() * 35);
        }
        g.setColor(new Color(132, 176, 196));
        g.fill(hill(420, 40, 160, 0.7));
        g.setColor(new Color(120, 180, 110));
        g.fill(hill(470, 28, 120, 2.1));
        g.setPaint(new GradientPaint(0, 470, new Color(118, 188, 92), 0, 720, new Color(70, 140, 60)));
        g.fill(hill(520, 18, 200, 4.0));
        tree(g, 1130, 520, 95, new Color(76, 150, 70));
        tree(g, 90, 505, 70, new Color(90, 160, 80));
        grass(g, random, 500, 600, new Color(86, 150, 66));
        Color[] petals = {new Color(255, 240, 120), new Color(255, 170, 190), Color.WHITE};
        for (int i = 0; i < 70; i++) {
            double x = random.nextDouble() * 1280;
            double y = 520 + random.nextDouble() * 200;
            g.setColor(petals[i % petals.length]);
            g.fill(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
        }
    }

    private static void forest(Graphics2D g, Random random) {
        sky(g, 500, new Color(170, 206, 200), new Color(216, 230, 206), new Color(240, 232, 200));
        Color[] layers = {new Color(150, 186, 176), new Color(112, 156, 138), new Color(76, 122, 100)};
        for (int layer = 0; layer < layers.length; layer++) {
            g.setColor(layers[layer]);
            double base = 400 + layer * 45;
            for (int i = 0; i < 26; i++) {
                double x = i * 54 + random.nextDouble() * 30 - 20;
                double h = 120 + random.nextDouble() * 110 + layer * 30;
                double w = 34 + random.nextDouble() * 18 + layer * 6;
                Path2D pine = new Path2D.Double();
                pine.moveTo(x, base - h);
                pine.lineTo(x + w, base + 10);
                pine.lineTo(x - w, base + 10);
                pine.closePath();
                g.fill(pine);
            }
            g.fill(new Rectangle2D.Double(0, base + 8, 1280, 60));
            // Fog between layers: depth without extra geometry.
            g.setPaint(new GradientPaint(0, (float) base - 60, new Color(236, 236, 214, 0), 0, (float) base + 30, new Color(236, 236, 214, 110)));
            g.fill(new Rectangle2D.Double(0, base - 60, 1280, 100));
        }
        g.setPaint(new GradientPaint(0, 480, new Color(96, 138, 82), 0, 720, new Color(58, 100, 58)));
        g.fill(new Rectangle2D.Double(0, 480, 1280, 240));
        Path2D path = new Path2D.Double();
        path.moveTo(300, 720);
        path.curveTo(420, 600, 980, 560, 640, 480);
        path.lineTo(700, 480);
        path.curveTo(1100, 560, 700, 620, 760, 720);
        path.closePath();
        g.setPaint(new GradientPaint(0, 480, new Color(206, 182, 136), 0, 720, new Color(168, 132, 92)));
        g.fill(path);
        g.setColor(new Color(140, 108, 74));
        for (int i = 0; i < 160; i++) {
            double y = 490 + random.nextDouble() * 230;
            double x = 360 + random.nextDouble() * 560;
            if (path.contains(x, y)) {
                g.fill(new Ellipse2D.Double(x, y, 2 + random.nextDouble() * 3, 1.5 + random.nextDouble() * 1.5));
            }
        }
        grass(g, random, 480, 700, new Color(70, 124, 64));
        for (int i = 0; i < 2; i++) {
            double x = i == 0 ? 70 : 1190;
            g.setColor(new Color(86, 60, 46));
            g.fill(new Rectangle2D.Double(x - 22, 0, 44, 720));
            g.setColor(new Color(60, 96, 60));
            g.fill(new Ellipse2D.Double(x - 150, -120, 300, 260));
        }
    }

    private static void fence(Graphics2D g, Random random) {
        sky(g, 420, new Color(246, 176, 132), new Color(252, 214, 170), new Color(255, 238, 206));
        sun(g, 230, 150, 40, new Color(255, 244, 214), new Color(255, 200, 140));
        for (int i = 0; i < 3; i++) {
            cloud(g, random, 500 + i * 300 + random.nextDouble() * 60, 90 + random.nextDouble() * 60, 40 + random.nextDouble() * 20);
        }
        g.setColor(new Color(196, 150, 130));
        g.fill(hill(400, 25, 180, 1.2));
        // A little house far away.
        g.setColor(new Color(236, 220, 196));
        g.fill(new Rectangle2D.Double(960, 318, 110, 80));
        g.setColor(new Color(176, 78, 64));
        Path2D roof = new Path2D.Double();
        roof.moveTo(948, 322);
        roof.lineTo(1015, 270);
        roof.lineTo(1082, 322);
        roof.closePath();
        g.fill(roof);
        g.setColor(new Color(120, 90, 80));
        g.fill(new Rectangle2D.Double(1000, 350, 22, 48));
        g.setPaint(new GradientPaint(0, 400, new Color(186, 196, 110), 0, 720, new Color(140, 150, 76)));
        g.fill(new Rectangle2D.Double(0, 400, 1280, 320));
        grass(g, random, 410, 600, new Color(150, 160, 80));
        Color wood = new Color(176, 128, 86);
        g.setStroke(new BasicStroke(2.5f));
        for (int rail = 0; rail < 2; rail++) {
            Rectangle2D r = new Rectangle2D.Double(0, 412 + rail * 44, 1280, 16);
            g.setColor(wood);
            g.fill(r);
            g.setColor(OUTLINE);
            g.draw(r);
        }
        for (int x = 30; x < 1280; x += 120) {
            RoundRectangle2D post = new RoundRectangle2D.Double(x, 380, 24, 130, 6, 6);
            g.setPaint(new GradientPaint(x, 0, CharacterPainter.mix(wood, Color.WHITE, 0.15), x + 24, 0, CharacterPainter.mix(wood, Color.BLACK, 0.2)));
            g.fill(post);
            g.setColor(OUTLINE);
            g.draw(post);
        }
        g.setColor(new Color(196, 170, 120));
        g.fill(new Rectangle2D.Double(0, 600, 1280, 120));
        g.setColor(new Color(170, 142, 98));
        for (int i = 0; i < 140; i++) {
            g.fill(new Ellipse2D.Double(random.nextDouble() * 1280, 605 + random.nextDouble() * 110, 4, 2.5));
        }
    }

    private static void room(Graphics2D g, Random random) {
        g.setColor(new Color(236, 222, 200));
        g.fill(new Rectangle2D.Double(0, 0, 1280, 600));
        g.setColor(new Color(226, 204, 178));
        for (int x = 0; x < 1280; x += 64) {
            g.fill(new Rectangle2D.Double(x, 0, 26, 600));
        }
        // Window with a sky outside.
        RoundRectangle2D window = new RoundRectangle2D.Double(110, 110, 300, 260, 16, 16);
        g.setPaint(new GradientPaint(0, 110, new Color(120, 180, 236), 0, 370, new Color(210, 236, 250)));
        g.fill(window);
        cloud(g, random, 230, 200, 40);
        g.setColor(new Color(250, 246, 236));
        g.setStroke(new BasicStroke(14f));
        g.draw(window);
        g.draw(new Line2D.Double(260, 110, 260, 370));
        g.draw(new Line2D.Double(110, 240, 410, 240));
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(3f));
        g.draw(new RoundRectangle2D.Double(103, 103, 314, 274, 18, 18));
        // A framed picture and a shelf with pots.
        g.setColor(new Color(160, 110, 76));
        g.fill(new Rectangle2D.Double(900, 140, 200, 150));
        g.setColor(new Color(120, 170, 150));
        g.fill(new Rectangle2D.Double(915, 155, 170, 120));
        g.setColor(new Color(250, 220, 120));
        g.fill(new Ellipse2D.Double(1030, 170, 34, 34));
        g.setColor(new Color(90, 140, 110));
        g.fill(hillShape(915, 275, 170, 60));
        g.setColor(new Color(150, 104, 70));
        g.fill(new Rectangle2D.Double(860, 380, 300, 14));
        Color[] pots = {new Color(220, 110, 90), new Color(90, 150, 200), new Color(240, 200, 90)};
        for (int i = 0; i < 3; i++) {
            g.setColor(pots[i]);
            g.fill(new RoundRectangle2D.Double(890 + i * 90, 340, 50, 40, 12, 12));
            g.setColor(new Color(80, 150, 80));
            g.fill(new Ellipse2D.Double(895 + i * 90, 310, 40, 36));
        }
        g.setColor(new Color(246, 240, 228));
        g.fill(new Rectangle2D.Double(0, 585, 1280, 18));
        for (int row = 0; row < 5; row++) {
            double y = 603 + row * 24;
            g.setColor(row % 2 == 0 ? new Color(176, 124, 84) : new Color(164, 114, 76));
            g.fill(new Rectangle2D.Double(0, y, 1280, 24));
            g.setColor(new Color(128, 86, 58));
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Line2D.Double(0, y, 1280, y));
            for (double x = random.nextDouble() * 200; x < 1280; x += 180 + random.nextDouble() * 120) {
                g.draw(new Line2D.Double(x, y, x, y + 24));
            }
        }
        // A rug under the character.
        g.setColor(new Color(90, 120, 170));
        g.fill(new Ellipse2D.Double(360, 640, 560, 80));
        g.setColor(new Color(240, 210, 120));
        g.setStroke(new BasicStroke(4f));
        g.draw(new Ellipse2D.Double(380, 648, 520, 64));
    }

    private static Path2D hillShape(double x, double baseY, double width, double height) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, baseY);
        p.quadTo(x + width * 0.3, baseY - height, x + width * 0.55, baseY - height * 0.5);
        p.quadTo(x + width * 0.8, baseY - height * 0.9, x + width, baseY);
        p.closePath();
        return p;
    }

    private static void canyon(Graphics2D g, Random random) {
        sky(g, 440, new Color(246, 150, 110), new Color(250, 196, 140), new Color(252, 226, 180));
        sun(g, 900, 170, 36, new Color(255, 240, 200), new Color(255, 190, 120));
        Color[] rock = {new Color(206, 120, 96), new Color(182, 96, 76), new Color(160, 80, 64)};
        for (int layer = 0; layer < 3; layer++) {
            g.setColor(rock[layer]);
            double base = 430 + layer * 20;
            for (int i = 0; i < 3; i++) {
                double x = random.nextDouble() * 1100 + layer * 40;
                double w = 180 + random.nextDouble() * 160;
                double h = 110 + random.nextDouble() * 90 - layer * 20;
                Path2D mesa = new Path2D.Double();
                mesa.moveTo(x - 30, base);
                mesa.lineTo(x, base - h);
                mesa.lineTo(x + w, base - h);
                mesa.lineTo(x + w + 30, base);
                mesa.closePath();
                g.fill(mesa);
                g.setColor(CharacterPainter.mix(rock[layer], Color.BLACK, 0.12));
                g.fill(new Rectangle2D.Double(x - 10, base - h * 0.55, w + 20, 8));
                g.setColor(rock[layer]);
            }
        }
        g.setPaint(new GradientPaint(0, 440, new Color(236, 190, 130), 0, 720, new Color(214, 158, 100)));
        g.fill(new Rectangle2D.Double(0, 440, 1280, 280));
        g.setColor(new Color(196, 140, 88));
        for (int i = 0; i < 420; i++) {
            double y = 450 + random.nextDouble() * 270;
            g.fill(new Ellipse2D.Double(random.nextDouble() * 1280, y, 2 + (y - 440) / 60, 1.5 + (y - 440) / 120));
        }
        cactus(g, 180, 520, 1.0);
        cactus(g, 1080, 470, 0.6);
    }

    private static void cactus(Graphics2D g, double x, double groundY, double s) {
        Color green = new Color(84, 150, 96);
        g.setStroke(new BasicStroke((float) (2.5 * s)));
        RoundRectangle2D[] parts = {
                new RoundRectangle2D.Double(x - 14 * s, groundY - 140 * s, 28 * s, 140 * s, 26 * s, 26 * s),
                new RoundRectangle2D.Double(x - 46 * s, groundY - 110 * s, 20 * s, 60 * s, 18 * s, 18 * s),
                new RoundRectangle2D.Double(x + 26 * s, groundY - 120 * s, 20 * s, 50 * s, 18 * s, 18 * s),
                new RoundRectangle2D.Double(x - 40 * s, groundY - 62 * s, 40 * s, 16 * s, 14 * s, 14 * s),
                new RoundRectangle2D.Double(x, groundY - 80 * s, 40 * s, 16 * s, 14 * s, 14 * s)};
        for (RoundRectangle2D part : parts) {
            g.setPaint(new GradientPaint((float) part.getX(), 0, CharacterPainter.mix(green, Color.WHITE, 0.2),
                    (float) part.getMaxX(), 0, CharacterPainter.mix(green, Color.BLACK, 0.2)));
            g.fill(part);
            g.setColor(OUTLINE);
            g.draw(part);
        }
    }

    private static void boulder(Graphics2D g) {
        Path2D rock = new Path2D.Double();
        rock.moveTo(470, 730);
        rock.curveTo(450, 560, 540, 470, 640, 480);
        rock.curveTo(740, 440, 830, 520, 860, 600);
        rock.curveTo(880, 660, 870, 700, 880, 730);
        rock.closePath();
        g.setPaint(new GradientPaint(520, 470, new Color(200, 130, 100), 840, 720, new Color(132, 72, 60)));
        g.fill(rock);
        g.setColor(new Color(120, 64, 54));
        Path2D crack = new Path2D.Double();
        crack.moveTo(600, 500);
        crack.quadTo(640, 560, 620, 640);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(crack);
        g.setColor(new Color(230, 170, 140, 120));
        g.fill(new Ellipse2D.Double(560, 500, 110, 40));
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(rock);
        // A dry shrub leaning on the rock.
        g.setColor(new Color(140, 120, 60));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 9; i++) {
            double a = Math.toRadians(-150 + i * 15);
            g.draw(new Line2D.Double(880, 720, 880 + Math.cos(a) * 90, 720 + Math.sin(a) * 90));
        }
    }

    private static void beach(Graphics2D g, Random random) {
        sky(g, 400, new Color(70, 56, 120), new Color(170, 90, 140), new Color(246, 140, 100), new Color(255, 206, 130));
        g.setColor(new Color(255, 255, 240, 200));
        for (int i = 0; i < 60; i++) {
            double r = 1 + random.nextDouble() * 1.6;
            g.fill(new Ellipse2D.Double(random.nextDouble() * 1280, random.nextDouble() * 170, r, r));
        }
        sun(g, 640, 400, 70, new Color(255, 226, 150), new Color(255, 170, 110));
        g.setPaint(new GradientPaint(0, 400, new Color(90, 90, 160), 0, 520, new Color(50, 70, 130)));
        g.fill(new Rectangle2D.Double(0, 400, 1280, 130));
        g.setColor(new Color(255, 200, 140, 170));
        for (int i = 0; i < 14; i++) {
            double w = 200 - i * 10 + random.nextDouble() * 30;
            g.fill(new RoundRectangle2D.Double(640 - w / 2, 408 + i * 8, w, 3, 3, 3));
        }
        g.setColor(new Color(140, 150, 210, 120));
        for (int i = 0; i < 40; i++) {
            g.fill(new RoundRectangle2D.Double(random.nextDouble() * 1280, 420 + random.nextDouble() * 100, 30 + random.nextDouble() * 40, 2.5, 2, 2));
        }
        Path2D sand = new Path2D.Double();
        sand.moveTo(0, 530);
        sand.quadTo(640, 500, 1280, 540);
        sand.lineTo(1280, 720);
        sand.lineTo(0, 720);
        sand.closePath();
        g.setPaint(new GradientPaint(0, 520, new Color(236, 186, 150), 0, 720, new Color(206, 150, 120)));
        g.fill(sand);
        g.setColor(new Color(250, 236, 226, 200));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D foam = new Path2D.Double();
        foam.moveTo(0, 531);
        foam.quadTo(640, 501, 1280, 541);
        g.draw(foam);
        g.setColor(new Color(190, 136, 110));
        for (int i = 0; i < 200; i++) {
            g.fill(new Ellipse2D.Double(random.nextDouble() * 1280, 540 + random.nextDouble() * 180, 3, 2));
        }
        // Pier posts on the right, getting smaller towards the horizon.
        g.setColor(new Color(90, 60, 70));
        for (int i = 0; i < 6; i++) {
            double s = 1 - i * 0.14;
            g.fill(new RoundRectangle2D.Double(1180 - i * 60 * s, 560 - 150 * s - i * 14, 16 * s, 150 * s, 6, 6));
        }
        g.setStroke(new BasicStroke(10f));
        g.draw(new Line2D.Double(1200, 420, 920, 470));
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
