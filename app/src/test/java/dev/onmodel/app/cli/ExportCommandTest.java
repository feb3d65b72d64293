package dev.onmodel.app.cli;

import dev.onmodel.core.editorial.JsonReviewFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code onmodel export} contract: options, exit codes 0 / 1 / 2, files written only on success. */
class ExportCommandTest {

    @TempDir
    Path folder;

    Path project;

    /** Two shots of 4 PNG frames at 25 fps; sh010/v001 marked hero, sh020 has nothing approved. */
    @BeforeEach
    void writeProject() throws IOException {
        project = folder.resolve("proj");
        for (String shot : new String[] {"sh010", "sh020"}) {
            Path dir = Files.createDirectories(project.resolve("shots").resolve(shot).resolve("v001"));
            for (int f = 1001; f <= 1004; f++) {
                ImageIO.write(new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB), "png",
                        dir.resolve(shot + "_v001." + f + ".png").toFile());
            }
        }
        Files.writeString(project.resolve("project.json"), """
                {"name": "Test", "frameRate": "25", "shots": [{"name": "sh010", "cutLength": 4},
                                                               {"name": "sh020", "cutLength": 4}]}
                """);
        Files.writeString(project.resolve(JsonReviewFacts.FILE_NAME), """
                {"heroMarks": [{"shot": "sh010", "variant": "v001", "first": 1001, "last": 1004,
                                "markedBy": "dana", "markedAt": "2026-11-20T10:00:00Z"}],
                 "decisions": [{"shot": "sh010", "variant": "v001", "first": 1002, "last": 1002, "verdict": "reject",
                                "note": "pop", "reviewer": "lee", "role": "lead", "pass": "1",
                                "recordedAt": "2026-11-20T11:00:00Z"}]}
                """);
    }

    private int run(String... args) {
        return OnModelCommand.run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"edl", "fcpxml", "otio"})
    void missingApprovalFailsByDefaultAndWritesNothing(String format) {
        Path out = folder.resolve("cut." + format);
        assertEquals(1, run("export", "--project", project.toString(), "--format", format, "--out", out.toString()));
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"edl", "fcpxml", "otio"})
    void gapPolicyExportsTheCut(String format) throws IOException {
        Path out = folder.resolve("cut." + format);
        assertEquals(0, run("export", "--project", project.toString(), "--format", format, "--out", out.toString(),
                "--missing", "gap"));
        String text = Files.readString(out);
        assertTrue(text.contains("sh010_v001"), text);
    }

    @Test
    void edlUsesRateAndStartGiven() throws IOException {
        Path out = folder.resolve("cut.edl");
        assertEquals(0, run("export", "--project", project.toString(), "--format", "edl", "--out", out.toString(),
                "--missing", "best", "--rate", "29.97", "--start", "00:59:59;28"));
        String edl = Files.readString(out);
        assertTrue(edl.contains("FCM: DROP FRAME"), edl);
        assertTrue(edl.contains(" 00:59:59;28 01:00:00;02\n"), edl);
        assertTrue(edl.contains("* LOC: 00:00:33;12 RED     REJECT 1002: pop [lee (lead)]"), edl);
        assertTrue(edl.contains("RULE: best-score"), edl);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "report"})
    void reviewRecordExportsEvenWithMissingShots(String format) throws IOException {
        Path out = folder.resolve("record." + format);
        assertEquals(0, run("export", "--project", project.toString(), "--format", format, "--out", out.toString()));
        assertTrue(Files.readString(out).contains("pop"));
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertEquals(2, run("export", "--project", project.toString(), "--format", "aaf", "--out", "x.aaf"));
    }

    @Test
    void badRateStartOrPolicyAreUsageErrors() {
        String out = folder.resolve("x.edl").toString();
        assertEquals(2, run("export", "--project", project.toString(), "--format", "edl", "--out", out, "--rate", "fast"));
        assertEquals(2, run("export", "--project", project.toString(), "--format", "edl", "--out", out, "--start", "1h"));
        assertEquals(2, run("export", "--project", project.toString(), "--format", "edl", "--out", out,
                "--rate", "25", "--start", "01:00:00;00"));
        assertEquals(2, run("export", "--project", project.toString(), "--format", "edl", "--out", out, "--missing", "skip"));
        assertEquals(2, run("export", "--project", project.toString(), "--format", "edl"));
    }

    @Test
    void missingProjectOrFactsExportNothing() throws IOException {
        Path out = folder.resolve("x.edl");
        assertEquals(1, run("export", "--project", folder.resolve("nope").toString(), "--format", "edl", "--out", out.toString()));
        Files.delete(project.resolve(JsonReviewFacts.FILE_NAME));
        assertEquals(1, run("export", "--project", project.toString(), "--format", "edl", "--out", out.toString(),
                "--missing", "gap"));
        assertFalse(Files.exists(out));
    }

    @Test
    void unwritableTargetExportsNothing() {
        Path out = folder.resolve("no-such-folder").resolve("x.otio");
        assertEquals(1, run("export", "--project", project.toString(), "--format", "otio", "--out", out.toString(),
                "--missing", "gap"));
    }
}
