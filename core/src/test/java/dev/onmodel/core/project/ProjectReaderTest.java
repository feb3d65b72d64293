package dev.onmodel.core.project;

import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectReaderTest {

    @TempDir
    Path root;

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
    }

    private ProjectReader.ReadResult read() throws IOException {
        return new ProjectReader(MovieProbe.unavailable("install ffmpeg")).read(root);
    }

    @Test
    void recognisesDotAndUnderscoreSequencesWithAnyPaddingAndReportsGaps() throws IOException {
        for (int f = 1001; f <= 1010; f++) {
            if (f != 1004 && f != 1005) {
                touch(root.resolve("shots/sh010/v001/sh010_v001." + f + ".png"));
            }
        }
        for (int f = 7; f <= 9; f++) {
            touch(root.resolve("shots/sh010/v002/take_" + String.format("%06d", f) + ".jpg"));
        }
        touch(root.resolve("characters/mira/front.png"));
        touch(root.resolve("characters/mira/side.png"));

        ProjectReader.ReadResult result = read();
        Project project = result.project();
        Shot shot = project.shot("sh010").orElseThrow();
        ImageSequence v1 = (ImageSequence) shot.variant("v001").orElseThrow().media();
        assertEquals(FrameRange.ofInclusive(1001, 1010), v1.range());
        assertEquals(List.of(FrameRange.ofInclusive(1004, 1005)), v1.gaps());
        assertEquals("sh010_v001.####.png", v1.hashPattern());
        assertEquals("sh010_v001.[1001-1010].png", v1.bracketPattern());
        assertTrue(result.problems().stream().anyMatch(p -> p.reason().equals("frames 1004-1005 missing")),
                result.problems().toString());

        ImageSequence v2 = (ImageSequence) shot.variant("v002").orElseThrow().media();
        assertEquals("_", v2.separator());
        assertEquals(6, v2.padding());
        assertEquals(FrameRange.ofInclusive(7, 9), v2.range());
        assertEquals("take_[000007-000009].jpg", v2.bracketPattern());

        assertEquals(10, shot.cutLength(), "cut length defaults to the longest variant (first to last frame)");
        assertEquals(List.of("front", "side"), project.character("mira").orElseThrow().views().stream()
                .map(v -> v.name()).toList());
    }

    @Test
    void projectFileSetsNameRateCutOrderAndCast() throws IOException {
        touch(root.resolve("shots/sh010/v001/a.1001.png"));
        touch(root.resolve("shots/sh020/v001/b.1001.png"));
        touch(root.resolve("shots/sh030/v001/c.1001.png"));
        Files.writeString(root.resolve("project.json"), """
                {"name": "Ep 101", "frameRate": "24000/1001",
                 "shots": [{"name": "sh030", "cutLength": 40, "cast": ["mira"]},
                           {"name": "sh010", "frameRate": "25"},
                           {"name": "sh099"}]}
                """);
        ProjectReader.ReadResult result = read();
        Project project = result.project();
        assertEquals("Ep 101", project.name());
        assertEquals(FrameRate.FPS_23_976, project.rate());
        assertEquals(List.of("sh030", "sh010", "sh020"), project.shots().stream().map(Shot::name).toList(),
                "listed shots in their order, unlisted shots appended by name");
        assertEquals(40, project.shots().get(0).cutLength());
        assertEquals(List.of("mira"), project.shots().get(0).cast());
        assertEquals(FrameRate.FPS_25, project.shots().get(1).rate());
        assertTrue(result.problems().stream().anyMatch(p -> p.path().endsWith("sh099")));
    }

    @Test
    void duplicatesStrayFilesEmptyVariantsAndMoviesWithoutFfmpegAreReported() throws IOException {
        touch(root.resolve("shots/sh010/v001/x.0001.png"));
        touch(root.resolve("shots/sh010/v001/x.001.png"));
        touch(root.resolve("shots/sh010/v001/notes.txt"));
        touch(root.resolve("shots/sh010/v001/poster.png"));
        Files.createDirectories(root.resolve("shots/sh010/v002"));
        touch(root.resolve("shots/sh010/v003/take.mov"));
        List<MediaProblem> problems = read().problems();
        assertTrue(problems.stream().anyMatch(p -> p.reason().startsWith("duplicate frame 1")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().endsWith("notes.txt")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().endsWith("poster.png")
                && p.reason().contains("no frame number")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().endsWith("v002")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.path().endsWith("take.mov") && p.reason().contains("install ffmpeg")),
                problems.toString());
        assertEquals(List.of("v001"), read().project().shot("sh010").orElseThrow().variants().stream()
                .map(v -> v.name()).toList(), "the readable variant is still there");
    }

    @Test
    void aFolderThatIsNotThereOrABrokenProjectFileIsAClearError() throws IOException {
        assertThrows(IOException.class, () -> new ProjectReader(MovieProbe.unavailable("")).read(root.resolve("missing")));
        Files.writeString(root.resolve("project.json"), "{ not json");
        IOException e = assertThrows(IOException.class, this::read);
        assertTrue(e.getMessage().contains("project.json"), e.getMessage());
    }

    /** Score thresholds are whole scores from 0 to 100, off-model not above ok; anything else names the file. */
    @Test
    void thresholdsAreReadAndCheckedWithTheFileNamed() throws IOException {
        touch(root.resolve("shots/sh010/v001/a.1001.png"));
        Files.writeString(root.resolve("project.json"), "{\"thresholds\": {\"ok\": 90, \"offModel\": 70}}");
        ProjectSettings.Thresholds read = ProjectReader.readSettings(root).thresholds();
        assertEquals(90, read.ok());
        assertEquals(70, read.offModel());
        for (String bad : List.of("{\"ok\": 90.5}", "{\"offModel\": 120}", "{\"ok\": 60, \"offModel\": 70}",
                "{\"ok\": -1}")) {
            Files.writeString(root.resolve("project.json"), "{\"thresholds\": " + bad + "}");
            IOException e = assertThrows(IOException.class, this::read, bad);
            assertTrue(e.getMessage().contains("project.json: not a valid project file: thresholds: "), e.getMessage());
        }
    }

    /** A probe that describes every movie as 12 frames at 24 fps, numbered from 1, as ffprobe's reading gives them. */
    private static final MovieProbe TWELVE_FRAMES = file -> new dev.onmodel.core.model.MovieMedia(file, 1, 12,
            FrameRate.FPS_24, 64, 36, false);

    @Test
    void aMovieTakeIsNumberedLikeItsShotsImageSequencesAndFromOneWithoutThem() throws IOException {
        for (int f = 1001; f <= 1012; f++) {
            touch(root.resolve("shots/sh010/v001/sh010_v001." + f + ".png"));
            touch(root.resolve("shots/sh010/v002/sh010_v002." + (f + 4) + ".png"));
        }
        touch(root.resolve("shots/sh010/v003/take.mp4"));
        touch(root.resolve("shots/sh020/v001/take.mov"));
        touch(root.resolve("characters/mira/front.png"));

        Project project = new ProjectReader(TWELVE_FRAMES).read(root).project();
        Shot withSequences = project.shot("sh010").orElseThrow();
        // From the earliest first frame of the shot's sequences, so that frame 1001 is the same moment in every take.
        assertEquals(FrameRange.ofInclusive(1001, 1012), withSequences.variant("v003").orElseThrow().media().range());
        assertEquals(FrameRange.ofInclusive(1005, 1016), withSequences.variant("v002").orElseThrow().media().range());
        assertEquals(FrameRange.ofInclusive(1, 12),
                project.shot("sh020").orElseThrow().variant("v001").orElseThrow().media().range());
    }
}
