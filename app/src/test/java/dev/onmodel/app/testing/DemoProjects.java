package dev.onmodel.app.testing;

import dev.onmodel.app.session.CharacterBox;
import dev.onmodel.app.session.FrameScore;
import dev.onmodel.app.session.JsonFileReviewSession.FrameKey;
import dev.onmodel.app.session.ScoreBand;
import dev.onmodel.app.session.ScoreComponent;
import dev.onmodel.core.model.SheetView;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small but realistic-looking project for screenshots and benchmarks: a character ("mira", three sheet views)
 * walking through three shots with several variants, and known defects (a costume drift in sh020/v002 1013-1036, a
 * one-frame pop in sh030/v001 1020, a squash in sh010/v002 1030-1040). {@link #scorer} scores frames from that
 * knowledge, standing in for the consistency engine in tests and screenshots.
 */
public final class DemoProjects {

    private static final Color JACKET = new Color(59, 111, 182);

    private DemoProjects() {
    }

    /** Writes the project at {@code root} with frames of {@code width} x {@code height}. */
    public static Path create(Path root, int width, int height, int framesPerVariant) {
        try {
            Path sheets = Files.createDirectories(root.resolve("characters/mira"));
            for (String view : new String[] {"front", "side", "back"}) {
                BufferedImage sheet = new BufferedImage(400, 600, BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = sheet.createGraphics();
                smooth(g);
                drawMira(g, 200, 560, 1.6, view, JACKET, 1.0);
                g.dispose();
                ImageIO.write(sheet, "png", sheets.resolve(view + ".png").toFile());
            }
            String[][] shots = {{"sh010", "v001", "v002"}, {"sh020", "v001", "v002", "v003"}, {"sh030", "v001", "v002"}};
            for (String[] shot : shots) {
                for (int v = 1; v < shot.length; v++) {
                    Path dir = Files.createDirectories(root.resolve("shots").resolve(shot[0]).resolve(shot[v]));
                    for (int i = 0; i < framesPerVariant; i++) {
                        long frame = 1001 + i;
                        ImageIO.write(frame(shot[0], shot[v], frame, i, framesPerVariant, width, height), "png",
                                dir.resolve(shot[0] + "_" + shot[v] + "." + frame + ".png").toFile());
                    }
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage frame(String shot, String variant, long frame, int i, int count, int width,
                                       int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        smooth(g);
        Color skyTop = switch (shot) {
            case "sh010" -> new Color(38, 62, 92);
            case "sh020" -> new Color(92, 70, 58);
            default -> new Color(46, 78, 64);
        };
        g.setPaint(new GradientPaint(0, 0, skyTop, 0, height * 0.7f, skyTop.brighter()));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(40, 44, 38));
        g.fillRect(0, (int) (height * 0.78), width, height);
        // Variants differ a little (as generated takes do): framing offset and walk speed.
        int variantIndex = variant.charAt(variant.length() - 1) - '1';
        double scale = height / 540.0 * (1.0 + 0.06 * variantIndex);
        double x = width * (0.25 + 0.5 * i / Math.max(1, count - 1)) + variantIndex * 20 * scale;
        double feet = height * 0.80;
        Color jacket = JACKET;
        double squash = 1.0;
        if (shot.equals("sh020") && variant.equals("v002") && frame >= 1013 && frame <= 1036) {
            float drift = (frame - 1012) / 24f * 0.22f;
            float[] hsb = Color.RGBtoHSB(JACKET.getRed(), JACKET.getGreen(), JACKET.getBlue(), null);
            jacket = Color.getHSBColor(hsb[0] + drift, hsb[1], hsb[2]);
        }
        if (shot.equals("sh010") && variant.equals("v002") && frame >= 1030 && frame <= 1040) {
            squash = 0.72;
        }
        if (shot.equals("sh030") && variant.equals("v001") && frame == 1020) {
            jacket = new Color(200, 60, 60);
        }
        drawMira(g, x, feet, scale, "side", jacket, squash);
        g.dispose();
        return image;
    }

    /** The box {@link #drawMira} covers, in image pixels. */
    static CharacterBox box(double x, double feet, double scale, double squash) {
        double h = 300 * scale * squash;
        double w = 130 * scale;
        return new CharacterBox((int) (x - w / 2), (int) (feet - h), (int) w, (int) h);
    }

    private static void drawMira(Graphics2D g, double x, double feet, double scale, String view, Color jacket,
                                 double squash) {
        double h = 300 * scale * squash;
        double top = feet - h;
        double unit = scale;
        // legs
        g.setColor(new Color(52, 52, 64));
        g.fill(new RoundRectangle2D.Double(x - 30 * unit, top + h * 0.62, 24 * unit, h * 0.38, 10, 10));
        g.fill(new RoundRectangle2D.Double(x + 6 * unit, top + h * 0.62, 24 * unit, h * 0.38, 10, 10));
        // jacket
        g.setColor(jacket);
        g.fill(new RoundRectangle2D.Double(x - 48 * unit, top + h * 0.28, 96 * unit, h * 0.40, 30 * unit, 30 * unit));
        g.setColor(jacket.darker());
        g.setStroke(new BasicStroke((float) (3 * unit)));
        g.draw(new RoundRectangle2D.Double(x - 48 * unit, top + h * 0.28, 96 * unit, h * 0.40, 30 * unit, 30 * unit));
        // scarf
        g.setColor(new Color(230, 159, 0));
        g.fill(new RoundRectangle2D.Double(x - 40 * unit, top + h * 0.26, 80 * unit, 14 * unit, 8, 8));
        // head
        g.setColor(new Color(241, 200, 160));
        double head = 76 * unit;
        g.fill(new Ellipse2D.Double(x - head / 2, top, head, head * squash + head * (1 - squash) * 0.3));
        // hair
        g.setColor(new Color(60, 36, 30));
        g.fill(new Ellipse2D.Double(x - head / 2 - 4 * unit, top - 6 * unit, head + 8 * unit, head * 0.5));
        if (!view.equals("back")) {
            g.setColor(new Color(30, 30, 30));
            double eyeY = top + head * 0.52;
            double dx = view.equals("side") ? 14 * unit : 0;
            g.fill(new Ellipse2D.Double(x - 16 * unit + dx, eyeY, 7 * unit, 9 * unit));
            if (!view.equals("side")) {
                g.fill(new Ellipse2D.Double(x + 9 * unit, eyeY, 7 * unit, 9 * unit));
            }
        }
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    /**
     * Scores from the planted defects (the generator knows them), standing in for the engine: clean frames 86-97,
     * drift falling with its growth, the squash and the pop off-model.
     */
    public static Function<FrameKey, Optional<FrameScore>> scorer(Path root, int width, int height, int count) {
        List<SheetView> views = List.of(new SheetView("front", root.resolve("characters/mira/front.png")),
                new SheetView("side", root.resolve("characters/mira/side.png")),
                new SheetView("back", root.resolve("characters/mira/back.png")));
        return key -> {
            int i = (int) (key.frame() - 1001);
            int variantIndex = key.variant().charAt(key.variant().length() - 1) - '1';
            double scale = height / 540.0 * (1.0 + 0.06 * variantIndex);
            double x = width * (0.25 + 0.5 * i / Math.max(1, count - 1)) + variantIndex * 20 * scale;
            int clean = 86 + (int) (Math.abs((key.shot() + key.variant() + key.frame()).hashCode()) % 12);
            int score = clean;
            double colour = clean + 2;
            double shape = clean - 1;
            double squash = 1.0;
            String explanation = "matches the side view";
            if (key.shot().equals("sh020") && key.variant().equals("v002") && key.frame() >= 1013
                    && key.frame() <= 1036) {
                colour = Math.max(20, 92 - (key.frame() - 1012) * 3.1);
                score = (int) Math.round(Math.min(clean, colour + 6));
                explanation = "jacket hue drifted " + Math.round((key.frame() - 1012) / 24.0 * 79) + "\u00b0 from the sheet";
            }
            if (key.shot().equals("sh010") && key.variant().equals("v002") && key.frame() >= 1030
                    && key.frame() <= 1040) {
                squash = 0.72;
                shape = 38;
                score = 47;
                explanation = "proportions squashed: height 72% of the sheet's";
            }
            if (key.shot().equals("sh030") && key.variant().equals("v001") && key.frame() == 1020) {
                colour = 18;
                score = 31;
                explanation = "single-frame pop: jacket red for one frame";
            }
            return Optional.of(new FrameScore(key.shot(), key.variant(), key.frame(), score,
                    ScoreBand.of(score, 80, 60), List.of(new ScoreComponent("shape", shape),
                    new ScoreComponent("colour", colour), new ScoreComponent("temporal", Math.min(99, clean + 1))),
                    Optional.of("mira"), Optional.of(views.get(1)), Optional.of(box(x, height * 0.80, scale, squash)),
                    explanation));
        };
    }
}
