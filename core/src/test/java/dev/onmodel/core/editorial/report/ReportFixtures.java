package dev.onmodel.core.editorial.report;

import dev.onmodel.core.editorial.EditorialFixtures;
import dev.onmodel.core.editorial.FrameScore;
import dev.onmodel.core.editorial.InMemoryReviewFacts;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.SheetView;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRate;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/** Review summaries for the CSV and report tests. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static ReviewSummary ordinary() {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .heroMark(new dev.onmodel.core.editorial.HeroMark("sh010", "v003",
                        dev.onmodel.core.time.FrameRange.ofInclusive(1001, 1048), "dana", EditorialFixtures.T0))
                .decision(EditorialFixtures.decision(1, "sh020", "v007", 1013, 1020, Verdict.REJECT, "jacket, \"teal\"",
                        "lee", Role.SUPERVISOR, 1))
                .decision(EditorialFixtures.decision(2, "sh020", "v007", 1030, 1030, Verdict.REWORK, "eye pop", "lee",
                        Role.SUPERVISOR, 2))
                .decision(EditorialFixtures.decision(3, "sh030", "v012", 1001, 1036, Verdict.APPROVE, "", "dana",
                        Role.DIRECTOR, 3))
                .score("sh020", "v007", FrameScore.of(1013, 40, true))
                .score("sh020", "v007", FrameScore.of(1014, 60, true))
                .build();
        return ReviewSummary.of(EditorialFixtures.ep101(FrameRate.FPS_24, 1072), facts, FrameRate.FPS_24, false);
    }

    static ReviewSummary empty() {
        Project project = new Project("empty", Path.of("/nowhere"), FrameRate.FPS_24, List.of(), List.of());
        return ReviewSummary.of(project, InMemoryReviewFacts.empty(), FrameRate.FPS_24, false);
    }

    static ReviewSummary hostile() {
        return ReviewSummary.of(EditorialFixtures.hostileProject(FrameRate.FPS_29_97), EditorialFixtures.hostileFacts(),
                FrameRate.FPS_29_97, true);
    }

    /** A project on disk with real PNG frames and a sheet view, for thumbnails. */
    static ReviewSummary withImages(Path folder) throws IOException {
        Path frames = Files.createDirectories(folder.resolve("shots/sh010/v001"));
        TreeMap<Long, Path> files = new TreeMap<>();
        for (long f = 1001; f <= 1004; f++) {
            Path file = frames.resolve("sh010_v001." + f + ".png");
            write(file, new Color(200, (int) (f - 1000) * 40, 40));
            files.put(f, file);
        }
        Path sheet = Files.createDirectories(folder.resolve("characters/mira")).resolve("side.png");
        write(sheet, Color.BLUE);
        Files.writeString(frames.resolve("sh010_v001.1005.png"), "not a png");
        files.put(1005L, frames.resolve("sh010_v001.1005.png"));
        ImageSequence sequence = new ImageSequence(frames, "sh010_v001", ".", 4, "png", files);
        Shot shot = new Shot("sh010", FrameRate.FPS_24, 5, List.of("mira"), List.of(new Variant("sh010", "v001", sequence)));
        Project project = new Project("pics", folder, FrameRate.FPS_24,
                List.of(new CharacterSheet("mira", List.of(new SheetView("side", sheet)))), List.of(shot));
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .decision(EditorialFixtures.decision(1, "sh010", "v001", 1002, 1002, Verdict.REJECT, "off model", "lee",
                        Role.LEAD, 1))
                .decision(EditorialFixtures.decision(2, "sh010", "v001", 1005, 1005, Verdict.REWORK, "broken file", "lee",
                        Role.LEAD, 2))
                .score("sh010", "v001", new FrameScore(1002, 35, true, "mira", "side"))
                .score("sh010", "v001", new FrameScore(1003, 90, false, "mira", "side"))
                .build();
        return ReviewSummary.of(project, facts, FrameRate.FPS_24, false);
    }

    private static void write(Path file, Color color) throws IOException {
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(20, 20, 200, 120);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
