package dev.onmodel.core.consistency;

import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.sample.DefectKind;
import dev.onmodel.core.sample.GroundTruth;
import dev.onmodel.core.sample.InjectedDefect;
import dev.onmodel.core.sample.ProgressListener;
import dev.onmodel.core.sample.SampleOptions;
import dev.onmodel.core.sample.SampleProjectGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression on the generated sample project's ground truth: every injected defect is flagged (most of its frames
 * leave the ok band) and clean frames are not (none off-model, almost none to check). The engine never reads the
 * ground truth; only this test does.
 */
class SampleGroundTruthTest {

    /** Half the frames at half size: the defects and their kinds are the same as in the real sample. */
    private static final SampleOptions SAMPLE = SampleOptions.defaults().withFrameScale(0.5).withPictureScale(0.5);

    @TempDir
    static Path dir;

    private static GroundTruth truth;
    private static final Map<String, CharacterScore> SCORES = new HashMap<>();
    private static ProjectScorer.Summary summary;
    private static Project project;
    private static ConsistencyEngine engine;

    private static String key(String shot, String variant, long frame, String character) {
        return shot + "/" + variant + "/" + frame + "/" + character;
    }

    @BeforeAll
    static void scoreTheSample() throws IOException, InterruptedException {
        Path root = dir.resolve("sample");
        SampleProjectGenerator.generate(root, SAMPLE, ProgressListener.NONE);
        truth = GroundTruth.read(root.resolve(ProjectLayout.GROUND_TRUTH_FILE));
        project = new ProjectReader(MovieProbe.unavailable("not needed")).read(root).project();
        engine = ConsistencyEngine.load(project.characters(), ScoringSettings.defaults());
        ProjectScoreSink sink = new ProjectScoreSink() {
            @Override
            public void cast(String shot, List<String> cast, boolean proposed) {
                // The cast comes from project.json here; the proposal is covered by its own test.
            }

            @Override
            public void frame(Variant variant, long frame, Path file, FrameScore score) {
                score.characters().forEach(c -> SCORES.put(key(variant.shot(), variant.name(), frame, c.character()), c));
            }

            @Override
            public void problem(MediaProblem problem) {
                throw new AssertionError("unexpected problem: " + problem);
            }

            @Override
            public void finish() {
                // Nothing buffered.
            }
        };
        summary = new ProjectScorer(engine, new InMemoryAnalysisCache()).score(project, sink, 2,
                ScoringProgress.none(), new Cancellation());
    }

    @Test
    void everyInjectedDefectIsFlagged() {
        assertTrue(truth.defects().size() >= 4, "the sample injects defects");
        List<String> missed = new ArrayList<>();
        for (InjectedDefect d : truth.defects()) {
            int frames = 0;
            int flagged = 0;
            for (int f = d.first(); f <= d.last(); f++) {
                CharacterScore s = SCORES.get(key(d.shot(), d.variant(), f, d.character()));
                if (s != null) {
                    frames++;
                    flagged += s.band() == Band.OK ? 0 : 1;
                }
            }
            // A drift grows from nothing, so its first frames may pass; most of the range must not.
            if (frames == 0 || flagged * 2 < frames) {
                missed.add(d.kind() + " " + d.shot() + "/" + d.variant() + " " + d.character() + " " + d.first() + "-"
                        + d.last() + ": " + flagged + " of " + frames + " frames flagged");
            }
        }
        assertEquals(List.of(), missed);
    }

    /** A flicker pop is explained as the issue words it: "sudden change from frame 1011", naming the frame before. */
    @Test
    void aPopIsExplainedWithTheFrameBefore() {
        List<String> pops = new ArrayList<>();
        for (InjectedDefect d : truth.defects()) {
            if (d.kind() != DefectKind.FLICKER_POP) {
                continue;
            }
            for (int f = d.first(); f <= d.last(); f++) {
                CharacterScore s = SCORES.get(key(d.shot(), d.variant(), f, d.character()));
                pops.add(f + ": " + (s == null ? "not scored" : s.explanation()));
            }
        }
        assertTrue(!pops.isEmpty(), "the sample injects flicker pops");
        for (String pop : pops) {
            int frame = Integer.parseInt(pop.substring(0, pop.indexOf(':')));
            assertEquals(frame + ": sudden change from frame " + (frame - 1), pop);
        }
    }

    /**
     * Where to look: in sh010's costume drift, where only mira's head keeps the sheet's colours, the box shown covers
     * the drawn character (the head measured alone covered about half of it) and does not run off into the meadow.
     * (sh050's drift walks behind a rock, and the ground truth's box includes what the rock hides.)
     */
    @Test
    void aCostumeDriftsBoxShowsTheWholeCharacter() {
        List<String> poor = new ArrayList<>();
        int frames = 0;
        for (InjectedDefect d : truth.defects()) {
            if (d.kind() != DefectKind.COSTUME_DRIFT || !d.shot().equals("sh010")) {
                continue;
            }
            for (GroundTruth.Frame frame : truth.frames()) {
                if (!frame.shot().equals(d.shot()) || !frame.variant().equals(d.variant()) || !d.covers(frame.frame())) {
                    continue;
                }
                for (GroundTruth.Appearance drawn : frame.characters()) {
                    CharacterScore s = SCORES.get(key(d.shot(), d.variant(), frame.frame(), drawn.name()));
                    if (!drawn.name().equals(d.character()) || s == null || s.band() == Band.OK) {
                        continue;
                    }
                    frames++;
                    GroundTruth.Box t = drawn.box();
                    Box b = s.box();
                    long overlap = (long) Math.max(0, Math.min(b.x() + b.width(), t.x() + t.width())
                            - Math.max(b.x(), t.x())) * Math.max(0, Math.min(b.y() + b.height(), t.y() + t.height())
                            - Math.max(b.y(), t.y()));
                    double covered = overlap / (double) ((long) t.width() * t.height());
                    double inside = overlap / (double) ((long) b.width() * b.height());
                    if (covered < 0.75 || inside < 0.5) {
                        poor.add(frame.frame() + ": covers " + Math.round(100 * covered) + "% of the drawn character, "
                                + Math.round(100 * inside) + "% of the box is on it");
                    }
                }
            }
        }
        assertTrue(frames >= 5, "flagged costume-drift frames: " + frames);
        assertTrue(poor.size() * 10 <= frames, poor.size() + " of " + frames + " boxes poor: " + poor);
    }

    @Test
    void cleanFramesAreNotFlagged() {
        int clean = 0;
        List<String> offModel = new ArrayList<>();
        int check = 0;
        for (Map.Entry<String, CharacterScore> e : SCORES.entrySet()) {
            String[] k = e.getKey().split("/");
            int frame = Integer.parseInt(k[2]);
            boolean inDefect = truth.defects().stream().anyMatch(d -> d.shot().equals(k[0])
                    && d.variant().equals(k[1]) && d.character().equals(k[3]) && d.covers(frame));
            if (inDefect) {
                continue;
            }
            clean++;
            if (e.getValue().band() == Band.OFF_MODEL) {
                offModel.add(e.getKey() + " " + e.getValue());
            } else if (e.getValue().band() == Band.CHECK) {
                check++;
            }
        }
        assertTrue(clean > 100, "clean frames scored: " + clean);
        assertEquals(List.of(), offModel);
        assertTrue(check <= clean * 0.03, check + " of " + clean + " clean frames in the check band");
        assertEquals(0, summary.problems());
    }

    /**
     * A pipeline scores one take at a time ({@code onmodel score --sheet ... shots/sh010/v002}): the take is then its
     * own batch, and its typical proportions come from it alone. In the drifting take most frames are defective; their
     * figure (the head, the rest of the costume having left the sheet's colours) must not become the reference
     * against which the take's clean frames are judged.
     */
    @Test
    void eachTakeScoredAloneKeepsItsCleanFramesOnModelAndItsDefectsFlagged() {
        List<String> cleanOffModel = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Shot shot : project.shots()) {
            for (Variant variant : shot.variants()) {
                ImageSequence sequence = (ImageSequence) variant.media();
                Map<Path, Long> frameOf = new HashMap<>();
                sequence.files().forEach((frame, file) -> frameOf.put(file, frame));
                List<BatchScorer.Input> inputs = frameOf.keySet().stream().sorted().map(BatchScorer.Input::of).toList();
                BatchScorer.Result result = new BatchScorer(engine).score(inputs, shot.cast(), 2,
                        ScoringProgress.none(), new Cancellation());
                Map<InjectedDefect, int[]> flagged = new HashMap<>();
                for (BatchScorer.ScoredFrame f : result.frames()) {
                    long frame = frameOf.get(f.input().file());
                    for (CharacterScore c : f.score().characters()) {
                        InjectedDefect defect = truth.defects().stream().filter(d -> d.shot().equals(shot.name())
                                && d.variant().equals(variant.name()) && d.character().equals(c.character())
                                && d.covers((int) frame)).findFirst().orElse(null);
                        if (defect == null) {
                            if (c.band() == Band.OFF_MODEL) {
                                cleanOffModel.add(key(shot.name(), variant.name(), frame, c.character()) + " " + c);
                            }
                        } else {
                            int[] counts = flagged.computeIfAbsent(defect, d -> new int[2]);
                            counts[0]++;
                            counts[1] += c.band() == Band.OK ? 0 : 1;
                        }
                    }
                }
                flagged.forEach((d, counts) -> {
                    if (counts[1] * 2 < counts[0]) {
                        missed.add(d.kind() + " " + d.shot() + "/" + d.variant() + ": " + counts[1] + " of " + counts[0]);
                    }
                });
            }
        }
        assertEquals(List.of(), cleanOffModel);
        assertEquals(List.of(), missed);
    }
}
