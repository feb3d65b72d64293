package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.Raster;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/** Draws simple test characters and shots with Java2D, so tests never depend on external art. */
final class TestCharacters {

    /** A costume: the colours of hair, skin, coat, trousers and boots. */
    record Costume(Color hair, Color skin, Color coat, Color trousers, Color boots) {
        static final Costume MIRA = new Costume(new Color(90, 50, 20), new Color(240, 200, 170),
                new Color(200, 30, 40), new Color(40, 60, 150), new Color(30, 30, 30));
        static final Costume OTTO = new Costume(new Color(240, 230, 90), new Color(120, 80, 50),
                new Color(40, 160, 70), new Color(230, 230, 230), new Color(150, 90, 200));

        /** The same costume with the coat's hue rotated by {@code degrees}. */
        Costume coatHueRotated(float degrees) {
            float[] hsb = Color.RGBtoHSB(coat.getRed(), coat.getGreen(), coat.getBlue(), null);
            return new Costume(hair, skin, Color.getHSBColor(hsb[0] + degrees / 360f, hsb[1], hsb[2]), trousers, boots);
        }

        /** The same head with the coat's, trousers' and boots' hues rotated by {@code degrees} (a costume drift). */
        Costume costumeHueRotated(float degrees) {
            return new Costume(hair, skin, rotated(coat, degrees), rotated(trousers, degrees), rotated(boots, degrees));
        }

        private static Color rotated(Color c, float degrees) {
            float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
            return Color.getHSBColor(hsb[0] + degrees / 360f, hsb[1], hsb[2]);
        }
    }

    private TestCharacters() {
    }

    /** An asymmetric figure 200 x 400 on a transparent background (an arm raised on one side). */
    static BufferedImage figure(Costume c, boolean wide) {
        BufferedImage image = new BufferedImage(wide ? 260 : 200, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        if (wide) {
            g.scale(1.3, 1);
        }
        g.setColor(c.hair());
        g.fillOval(65, 5, 70, 50);
        g.setColor(c.skin());
        g.fillOval(70, 25, 60, 60);
        g.fillRect(150, 60, 18, 80);
        g.setColor(c.coat());
        g.fillRoundRect(50, 85, 100, 150, 20, 20);
        g.fillRect(30, 95, 22, 110);
        g.setColor(c.trousers());
        g.fillRect(60, 235, 35, 120);
        g.fillRect(105, 235, 35, 120);
        g.setColor(c.boots());
        g.fillRect(55, 355, 45, 30);
        g.fillRect(100, 355, 50, 30);
        g.dispose();
        return image;
    }

    /**
     * A 640 x 360 shot: a gradient background with some noise, and the figure scaled to {@code heightShare} of the
     * frame height at ({@code cx}, {@code cy}) (centre, as shares of the frame), optionally mirrored.
     */
    static BufferedImage shot(BufferedImage figure, double heightShare, double cx, double cy, boolean mirrored,
                              long seed) {
        BufferedImage frame = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(120, 170, 210), 0, 360, new Color(90, 140, 80)));
        g.fillRect(0, 0, 640, 360);
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(80 + random.nextInt(40), 120 + random.nextInt(40), 70 + random.nextInt(30)));
            g.fillRect(random.nextInt(640), 200 + random.nextInt(160), 6, 6);
        }
        double scale = heightShare * 360 / figure.getHeight();
        double w = figure.getWidth() * scale;
        double h = figure.getHeight() * scale;
        double x = Math.max(0, Math.min(640 - w, cx * 640 - w / 2));
        double y = Math.max(0, Math.min(360 - h, cy * 360 - h / 2));
        AffineTransform t = new AffineTransform();
        t.translate(x, y);
        if (mirrored) {
            t.translate(w, 0);
            t.scale(-scale, scale);
        } else {
            t.scale(scale, scale);
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(figure, t, null);
        g.dispose();
        return frame;
    }

    static Raster raster(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return new Raster(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    static Path write(BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
