package dev.onmodel.app.testing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small real project (two shots, distinct frames, one character sheet) for UI and CLI tests. */
public final class TinyProjects {

    private TinyProjects() {
    }

    /** Shots sh010 and sh020, variants v001 and v002, frames 1001..1012, character "hero" with a front view. */
    public static Path create(Path root) {
        try {
            Path sheet = Files.createDirectories(root.resolve("characters/hero"));
            ImageIO.write(drawn(200, 300, new Color(40, 120, 220), "hero"), "png", sheet.resolve("front.png").toFile());
            for (String shot : new String[] {"sh010", "sh020"}) {
                for (String variant : new String[] {"v001", "v002"}) {
                    Path dir = Files.createDirectories(root.resolve("shots").resolve(shot).resolve(variant));
                    for (int frame = 1001; frame <= 1012; frame++) {
                        Color colour = variant.equals("v001") ? new Color(30, 90, 60) : new Color(90, 40, 60);
                        ImageIO.write(drawn(320, 180, colour, shot + " " + variant + " " + frame), "png",
                                dir.resolve(shot + "_" + variant + "." + frame + ".png").toFile());
                    }
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage drawn(int width, int height, Color background, String text) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(text, 10, height / 2);
        g.dispose();
        return image;
    }
}
