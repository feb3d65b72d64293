package dev.onmodel.core.consistency;

import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.onmodel.core.consistency.TestCharacters.Costume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scoring a whole project: a cast is proposed from the best matches when project.json sets none; results reach the sink. */
class ProjectScorerTest {

    @TempDir
    Path root;

    @Test
    void aShotWithoutCastIsScoredAgainstTheCharacterItShows() throws IOException {
        TestCharacters.write(TestCharacters.figure(Costume.MIRA, false),
                Files.createDirectories(root.resolve("characters/mira")).resolve("front.png"));
        TestCharacters.write(TestCharacters.figure(Costume.OTTO, false),
                Files.createDirectories(root.resolve("characters/otto")).resolve("front.png"));
        Path variant = Files.createDirectories(root.resolve("shots/sh010/v001"));
        for (int i = 0; i < 4; i++) {
            TestCharacters.write(TestCharacters.shot(TestCharacters.figure(Costume.OTTO, false), 0.6, 0.3 + 0.1 * i, 0.5,
                    false, i), variant.resolve("sh010_v001." + (1001 + i) + ".png"));
        }
        Project project = new ProjectReader(MovieProbe.unavailable("not needed")).read(root).project();
        ConsistencyEngine engine = ConsistencyEngine.load(project.characters(), ScoringSettings.defaults());
        Map<String, List<String>> casts = new LinkedHashMap<>();
        List<Long> frames = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean[] finished = {false};
        ProjectScoreSink sink = new ProjectScoreSink() {
            @Override
            public void cast(String shot, List<String> cast, boolean proposed) {
                assertTrue(proposed);
                casts.put(shot, cast);
            }

            @Override
            public void frame(Variant v, long frame, Path file, FrameScore score) {
                assertEquals(List.of("otto"), score.characters().stream().map(CharacterScore::character).toList());
                assertEquals(Band.OK, score.characters().get(0).band(), score.toString());
                frames.add(frame);
            }

            @Override
            public void problem(MediaProblem problem) {
                problems.add(problem.toString());
            }

            @Override
            public void finish() {
                finished[0] = true;
            }
        };
        InMemoryAnalysisCache remembered = new InMemoryAnalysisCache();
        ProjectScorer.Summary summary = new ProjectScorer(engine, remembered).score(project, sink, 2,
                ScoringProgress.none(), new Cancellation());
        assertEquals(Map.of("sh010", List.of("otto")), casts);
        assertEquals(List.of(1001L, 1002L, 1003L, 1004L), frames);
        assertEquals(List.of(), problems);
        assertEquals(4, summary.frames());
        assertTrue(finished[0]);

        // Again, unchanged as far as file identity goes (size and time kept) but unreadable: everything, the cast
        // proposal's sampled frames included, must come from the cache, or decoding would fail.
        for (Path frame : Files.list(variant).toList()) {
            java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(frame);
            Files.write(frame, new byte[(int) Files.size(frame)]);
            Files.setLastModifiedTime(frame, modified);
        }
        frames.clear();
        casts.clear();
        ProjectScorer.Summary again = new ProjectScorer(engine, remembered).score(project, sink, 2,
                ScoringProgress.none(), new Cancellation());
        assertEquals(Map.of("sh010", List.of("otto")), casts);
        assertEquals(4, again.cached());
        assertEquals(List.of(), problems);
        assertEquals(List.of(1001L, 1002L, 1003L, 1004L), frames);
    }

    @Test
    void aShotWhoseFramesCannotBeReadIsScoredAgainstEveryCharacterAndReported() throws IOException {
        TestCharacters.write(TestCharacters.figure(Costume.MIRA, false),
                Files.createDirectories(root.resolve("characters/mira")).resolve("front.png"));
        TestCharacters.write(TestCharacters.figure(Costume.OTTO, false),
                Files.createDirectories(root.resolve("characters/otto")).resolve("front.png"));
        Path variant = Files.createDirectories(root.resolve("shots/sh010/v001"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(variant.resolve("sh010_v001." + (1001 + i) + ".png"), "not a picture");
        }
        Project project = new ProjectReader(MovieProbe.unavailable("not needed")).read(root).project();
        ConsistencyEngine engine = ConsistencyEngine.load(project.characters(), ScoringSettings.defaults());
        Map<String, List<String>> casts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        ProjectScoreSink sink = new ProjectScoreSink() {
            @Override
            public void cast(String shot, List<String> cast, boolean proposed) {
                casts.put(shot, cast);
            }

            @Override
            public void frame(Variant v, long frame, Path file, FrameScore score) {
                throw new AssertionError("no frame of this shot can be scored: " + file);
            }

            @Override
            public void problem(MediaProblem problem) {
                problems.add(problem.toString());
            }

            @Override
            public void finish() {
            }
        };
        new ProjectScorer(engine, new InMemoryAnalysisCache()).score(project, sink, 2, ScoringProgress.none(),
                new Cancellation());
        assertEquals(Map.of("sh010", List.of("mira", "otto")), casts);
        assertEquals(3, problems.size(), problems.toString());
    }
}
