package dev.onmodel.app.session;

import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.ShotCast;
import dev.onmodel.core.workflow.ProjectWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's scoring goes through the workspace pipeline, so an unchanged project is free to score again. */
class WorkspaceScoringTest {

    @TempDir
    Path dir;

    @Test
    void anUnchangedProjectWithoutCastsIsScoredAgainWithoutDecodingAFrame() throws Exception {
        TinyProjects.create(dir);
        // A second sheet that nothing resembles: a proposal made from undecodable samples (all scores 0) would name
        // the first character, so a cast still naming the real best match shows no sample was decoded.
        Path other = Files.createDirectories(dir.resolve("characters/abel"));
        BufferedImage sheet = new BufferedImage(64, 96, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(new Color(250, 20, 200));
        g.fillOval(8, 4, 48, 40);
        g.setColor(new Color(250, 230, 0));
        g.fillRect(20, 44, 24, 48);
        g.dispose();
        ImageIO.write(sheet, "png", other.resolve("front.png").toFile());
        ProjectWorkspace.Options options = ProjectWorkspace.Options.defaults()
                .withImporting(ImportOptions.defaults().withMovieProbe(MovieProbe.unavailable("test")));
        try (ProjectWorkspace workspace = ProjectWorkspace.open(dir, options)) {
            List<Variant> variants = workspace.project().shots().stream().flatMap(s -> s.variants().stream()).toList();
            WorkspaceScoring scoring = new WorkspaceScoring(workspace);
            CollectingSink first = new CollectingSink();
            ScoringProgress firstEnd = scoring.start(variants, first).completion().join();
            assertTrue(first.errors.isEmpty(), first.errors::toString);
            assertEquals(0, firstEnd.failed());
            assertEquals(4 * 12, first.scores.size(), "every frame streamed to the window");
            Map<String, ShotCast> proposed = workspace.store().casts();
            assertFalse(proposed.isEmpty(), "shots without a cast get a proposed one");

            // Same size and modification time, unreadable content: only a decode could notice the difference.
            garbleKeepingIdentity(dir.resolve("shots"));

            CollectingSink second = new CollectingSink();
            ScoringProgress secondEnd = scoring.start(variants, second).completion().join();
            assertTrue(second.errors.isEmpty(), second.errors::toString);
            assertEquals(0, secondEnd.failed(), "no frame was decoded (it would fail)");
            ProjectWorkspace.ScoreRun run = scoring.lastRun().orElseThrow();
            assertEquals(run.summary().frames(), run.summary().cached(), "every frame came from the cache");
            assertEquals(0, run.digestedFiles());
            assertEquals(4 * 12, second.scores.size());
            Map<String, ShotCast> after = workspace.store().casts();
            assertEquals(proposed.keySet(), after.keySet());
            for (String shot : proposed.keySet()) {
                assertEquals(proposed.get(shot).characters(), after.get(shot).characters(), shot);
                assertTrue(after.get(shot).proposed(), shot + " cast still recorded as proposed");
            }
        }
    }

    private static void garbleKeepingIdentity(Path shots) throws Exception {
        List<Path> frames;
        try (Stream<Path> files = Files.walk(shots)) {
            frames = files.filter(f -> f.toString().endsWith(".png")).toList();
        }
        for (Path frame : frames) {
            FileTime modified = Files.getLastModifiedTime(frame);
            byte[] garbage = new byte[(int) Files.size(frame)];
            Arrays.fill(garbage, (byte) 7);
            Files.write(frame, garbage);
            Files.setLastModifiedTime(frame, modified);
        }
    }
}
