package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.FrameScore;
import dev.onmodel.core.consistency.ScoringProgress;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.StoredScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-scoring leaves shots whose stored scores still stand as they are, and scores again every shot where one of the
 * things a score depends on changed.
 */
class StandingScoresTest {

    private static final int FRAMES = 6;

    @TempDir
    Path root;

    /** sh010 with its cast in project.json, sh020 without (its cast is proposed, then reused). */
    private void writeProject(String sh010Cast) throws Exception {
        Path sheet = Files.createDirectories(root.resolve("characters/pip"));
        ImageIO.write(figure(new BufferedImage(90, 160, BufferedImage.TYPE_INT_ARGB), 10, 5), "png",
                sheet.resolve("front.png").toFile());
        for (String shot : List.of("sh010", "sh020")) {
            Path dir = Files.createDirectories(root.resolve("shots").resolve(shot).resolve("v001"));
            for (int f = 1; f <= FRAMES; f++) {
                BufferedImage frame = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = frame.createGraphics();
                g.setColor(new Color(120, 170, 90));
                g.fillRect(0, 0, 320, 180);
                g.dispose();
                ImageIO.write(figure(frame, 40 + 20 * f, 10), "png",
                        dir.resolve(shot + "_v001." + (1000 + f) + ".png").toFile());
            }
        }
        Files.writeString(root.resolve("project.json"), "{\"name\":\"standing\",\"frameRate\":\"24\",\"shots\":["
                + "{\"name\":\"sh010\",\"cutLength\":" + FRAMES + ",\"frameRate\":\"24\",\"cast\":[" + sh010Cast + "]},"
                + "{\"name\":\"sh020\",\"cutLength\":" + FRAMES + ",\"frameRate\":\"24\",\"cast\":[]}]}");
    }

    private static BufferedImage figure(BufferedImage image, int x, int y) {
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 60, 40));
        g.fillOval(x + 15, y, 50, 50);
        g.setColor(new Color(40, 70, 200));
        g.fillRect(x + 10, y + 50, 60, 70);
        g.setColor(new Color(250, 210, 30));
        g.fillRect(x + 20, y + 120, 40, 30);
        if (image.getWidth() > 100) {
            // A frame, not the sheet: legs of another colour keep its score below 100, so that thresholds can move
            // its band.
            g.setColor(new Color(200, 40, 200));
            g.fillRect(x + 20, y + 120, 40, 30);
        }
        g.dispose();
        return image;
    }

    private ProjectWorkspace open() throws Exception {
        return ProjectWorkspace.open(root, ProjectWorkspace.Options.defaults().withRescan(true)
                .withImporting(ImportOptions.defaults().withMovieProbe(MovieProbe.unavailable("test"))));
    }

    private record Run(ProjectWorkspace.ScoreRun run, Map<String, Double> streamed) {
    }

    private static Run score(ProjectWorkspace workspace, ScoringSettings settings) throws Exception {
        Map<String, Double> streamed = new ConcurrentHashMap<>();
        ConsistencyEngine engine = workspace.engine(settings);
        List<Variant> variants = workspace.project().shots().stream().flatMap(s -> s.variants().stream()).toList();
        ProjectWorkspace.ScoreRun run = workspace.score(engine, variants, 1, ScoringProgress.none(),
                new Cancellation(), (Variant variant, long frame, FrameScore score) ->
                        streamed.put(variant.qualifiedName() + " " + frame, score.worst().orElseThrow().score()));
        return new Run(run, new TreeMap<>(streamed));
    }

    @Test
    void anUnchangedProjectStandsAndStreamsTheScoresItStored() throws Exception {
        writeProject("\"pip\"");
        try (ProjectWorkspace workspace = open()) {
            Run first = score(workspace, ScoringSettings.defaults());
            assertEquals(0, first.run().standingFrames());
            assertEquals(2 * FRAMES, first.streamed().size());

            Run again = score(workspace, ScoringSettings.defaults());
            assertEquals(2 * FRAMES, again.run().standingFrames(), "both shots stand (sh020 by its reused proposal)");
            assertEquals(2 * FRAMES, again.run().summary().frames());
            assertEquals(2 * FRAMES, again.run().unchangedFrames());
            assertEquals(0, again.run().digestedFiles());
            assertEquals(first.run().flaggedFrames(), again.run().flaggedFrames());
            assertEquals(first.run().summary().casts(), again.run().summary().casts());
            assertEquals(first.streamed().keySet(), again.streamed().keySet(), "every frame still reaches the window");
            first.streamed().forEach((frame, score) -> assertEquals(score, again.streamed().get(frame), 0.051, frame));
        }
    }

    @Test
    void aFrameTouchedSinceImportHasItsShotScoredAgainAndOnlyThatShot() throws Exception {
        writeProject("\"pip\"");
        try (ProjectWorkspace workspace = open()) {
            score(workspace, ScoringSettings.defaults());
            Path touched = root.resolve("shots/sh020/v001/sh020_v001.1003.png");
            Files.setLastModifiedTime(touched, FileTime.fromMillis(Files.getLastModifiedTime(touched).toMillis()
                    + 60_000));
            Run again = score(workspace, ScoringSettings.defaults());
            assertEquals(FRAMES, again.run().standingFrames(), "sh010 stands, sh020 is scored again");
            assertEquals(1, again.run().digestedFiles(), "the touched frame's identity was proved again");
            assertEquals(2 * FRAMES, again.streamed().size());
        }
    }

    @Test
    void otherThresholdsScoreAgainSoThatEveryBandFollowsThem() throws Exception {
        writeProject("\"pip\"");
        try (ProjectWorkspace workspace = open()) {
            score(workspace, ScoringSettings.defaults());
            double best = workspace.store().allScores().values().stream().flatMap(v -> v.values().stream())
                    .flatMap(List::stream).mapToDouble(StoredScore::score).max().orElseThrow();
            assertTrue(best < 100, "the frames are not perfect matches: " + best);
            // Thresholds above every score: each band changes, so nothing may stand.
            ScoringSettings strict = ScoringSettings.defaults().withThresholds(100, 99.99);
            Run again = score(workspace, strict);
            assertEquals(0, again.run().standingFrames());
            assertEquals(2 * FRAMES, again.run().flaggedFrames(), "every frame below an ok threshold of 100");
            for (List<StoredScore> rows : workspace.store().allScores().values().stream()
                    .flatMap(v -> v.values().stream()).toList()) {
                rows.forEach(row -> assertNotEquals("ok", row.band(), row.toString()));
            }
        }
    }

    /**
     * Thresholds set in project.json are the project's scoring settings, so every scoring of it bands the same way;
     * a pair that the engine's other default contradicts is refused naming the file by the check a pipeline runs,
     * while the project still opens on the defaults and tells why.
     */
    @Test
    void theThresholdsOfProjectJsonBandEveryScoreOfTheProject() throws Exception {
        writeProject("\"pip\"");
        Path file = root.resolve("project.json");
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\\{", "{\"thresholds\":{\"ok\":100,\"offModel\":0},"));
        try (ProjectWorkspace workspace = open()) {
            assertTrue(workspace.projectSetsThresholds());
            assertEquals(100, workspace.scoringSettings().okThreshold());
            assertEquals(0, workspace.scoringSettings().offModelThreshold());
            Run run = score(workspace, workspace.scoringSettings());
            assertEquals(2 * FRAMES, run.run().flaggedFrames(), "every frame below the project's ok threshold");
            workspace.store().allScores().values().stream().flatMap(v -> v.values().stream()).flatMap(List::stream)
                    .forEach(row -> assertEquals("check", row.band(), row.toString()));
        }
        Files.writeString(file, json.replaceFirst("\\{", "{\"thresholds\":{\"ok\":60},"));
        String expected = "project.json: not a valid project file: thresholds: offModel (65) must not be above ok (60)";
        java.io.IOException refused = assertThrows(java.io.IOException.class, () -> ProjectWorkspace.checkSettings(root));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        try (ProjectWorkspace workspace = open()) {
            // The project still opens (its decisions can be reviewed), on the defaults, and says why.
            assertTrue(workspace.settingsProblem().orElseThrow().contains(expected));
            assertFalse(workspace.projectSetsThresholds());
            assertEquals(ScoringSettings.defaults(), workspace.scoringSettings());
        }
        Files.writeString(file, json);
        try (ProjectWorkspace workspace = open()) {
            assertTrue(workspace.settingsProblem().isEmpty());
            assertFalse(workspace.projectSetsThresholds());
            assertEquals(ScoringSettings.defaults(), workspace.scoringSettings());
        }
    }

    /**
     * Opening a project whose project.json was edited since the last import imports again, so the edit (here a cast)
     * counts without --rescan; an unedited project.json is not imported again.
     */
    @Test
    void anEditedProjectJsonIsImportedAgainWhenTheProjectOpens() throws Exception {
        writeProject("\"pip\"");
        ProjectWorkspace.Options plain = ProjectWorkspace.Options.defaults()
                .withImporting(ImportOptions.defaults().withMovieProbe(MovieProbe.unavailable("test")));
        try (ProjectWorkspace workspace = ProjectWorkspace.open(root, plain)) {
            assertTrue(workspace.importReport().isPresent(), "first open imports");
            assertEquals(List.of("pip"), workspace.project().shot("sh010").orElseThrow().cast());
        }
        try (ProjectWorkspace workspace = ProjectWorkspace.open(root, plain)) {
            assertTrue(workspace.importReport().isEmpty(), "nothing edited: the recorded structure is used");
        }
        Path file = root.resolve("project.json");
        Files.writeString(file, Files.readString(file).replace("\"cast\":[\"pip\"]", "\"cast\":[]"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        try (ProjectWorkspace workspace = ProjectWorkspace.open(root, plain)) {
            assertTrue(workspace.importReport().isPresent(), "project.json was edited: imported again");
            assertTrue(workspace.project().shot("sh010").orElseThrow().cast().isEmpty());
        }
        try (ProjectWorkspace workspace = ProjectWorkspace.open(root, plain)) {
            assertTrue(workspace.importReport().isEmpty(), "the edit is recorded: not imported a third time");
        }
        // Broken by hand: the project still opens as last imported, and says what is wrong with project.json.
        Files.writeString(file, "{\"shots\": [");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 10_000));
        try (ProjectWorkspace workspace = ProjectWorkspace.open(root, plain)) {
            assertTrue(workspace.importReport().isEmpty());
            assertTrue(workspace.settingsProblem().orElseThrow().contains("project.json: not a valid project file"));
            assertTrue(workspace.project().shot("sh010").orElseThrow().cast().isEmpty(), "as last imported");
        }
    }

    @Test
    void aCastChangedInTheProjectScoresThatShotAgain() throws Exception {
        writeProject("\"pip\"");
        try (ProjectWorkspace workspace = open()) {
            score(workspace, ScoringSettings.defaults());
        }
        Path other = Files.createDirectories(root.resolve("characters/zed"));
        ImageIO.write(figure(new BufferedImage(90, 160, BufferedImage.TYPE_INT_ARGB), 10, 5), "png",
                other.resolve("front.png").toFile());
        writeProject("\"pip\", \"zed\"");
        try (ProjectWorkspace workspace = open()) {
            // A new sheet changes the engine's fingerprint: nothing the old engine scored may stand.
            Run withNewSheet = score(workspace, ScoringSettings.defaults());
            assertEquals(0, withNewSheet.run().standingFrames());
            assertEquals(List.of("pip", "zed"), withNewSheet.run().summary().casts().get("sh010"));
            Run again = score(workspace, ScoringSettings.defaults());
            assertEquals(2 * FRAMES, again.run().standingFrames());
            assertTrue(workspace.store().allScores().values().stream().flatMap(v -> v.values().stream())
                    .filter(rows -> rows.get(0).shot().equals("sh010")).allMatch(rows -> rows.size() == 2),
                    "sh010's frames carry both characters of its cast");
        }
    }
}
