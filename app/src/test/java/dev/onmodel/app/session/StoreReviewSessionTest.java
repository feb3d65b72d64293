package dev.onmodel.app.session;

import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.time.FrameRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real session over the SQLite review store: commits, undo/redo rows, overrules, reopening. */
class StoreReviewSessionTest {

    @TempDir
    Path dir;

    private Project project() throws Exception {
        TinyProjects.create(dir);
        return new ProjectReader(MovieProbe.unavailable("test")).read(dir).project();
    }

    private static StoreReviewSession open(Project project, String name, Role role, String pass) throws Exception {
        return StoreReviewSession.open(project, new Reviewer(name, role), pass, Optional.empty());
    }

    @Test
    void decisionsUndoRedoAndHeroSurviveReopening() throws Exception {
        Project project = project();
        try (StoreReviewSession session = open(project, "Ali", Role.ANIMATOR, "pass 1")) {
            session.record(new DecisionDraft("sh010", "v001", FrameRange.ofInclusive(1001, 1004), Verdict.APPROVE,
                    "")).join();
            Decision reject = session.record(new DecisionDraft("sh010", "v001", FrameRange.ofInclusive(1003, 1003),
                    Verdict.REJECT, "arm off model")).join();
            assertTrue(reject.id() > 0);
            assertEquals(Verdict.REJECT, session.verdict("sh010", "v001", 1003));
            assertEquals(Optional.of(reject), session.undo().join());
            assertEquals(Verdict.APPROVE, session.verdict("sh010", "v001", 1003), "mirror follows the undo row");
            session.redo().join();
            session.markHero("sh010", "v001", FrameRange.ofInclusive(1001, 1010), "best take").join();
        }
        try (StoreReviewSession reopened = open(project, "Ali", Role.ANIMATOR, "pass 1")) {
            assertEquals(Verdict.REJECT, reopened.verdict("sh010", "v001", 1003));
            assertEquals("arm off model", reopened.effectiveDecision("sh010", "v001", 1003).orElseThrow().note());
            assertEquals(Verdict.APPROVE, reopened.verdict("sh010", "v001", 1004));
            assertEquals(4, reopened.history("sh010", "v001", 1003).size(), "set, set, undo, redo");
            assertEquals(FrameRange.ofInclusive(1001, 1010), reopened.hero("sh010").orElseThrow().approved());
            assertFalse(reopened.canUndo(), "undo history is per session");
        }
    }

    /**
     * The cast the engine proposed is known to the session at open and once a scoring run ends, so the window can say
     * which characters a shot without a project cast was scored against.
     */
    @Test
    void proposedCastsAreReadAtOpenAndAfterEachScoringRun() throws Exception {
        Project project = project();
        Reviewer ali = new Reviewer("Ali", Role.ANIMATOR);
        java.util.concurrent.CountDownLatch castsChanged = new java.util.concurrent.CountDownLatch(1);
        try (StoreReviewSession session = StoreReviewSession.open(dir, ali, "pass 1",
                workspace -> Optional.of(new WorkspaceScoring(workspace)))) {
            assertEquals(Optional.empty(), session.proposedCast("sh010"), "not scored yet");
            session.addListener(new SessionListener() {
                @Override
                public void castsChanged() {
                    castsChanged.countDown();
                }
            });
            List<dev.onmodel.core.model.Variant> variants = project.shots().stream()
                    .flatMap(shot -> shot.variants().stream()).toList();
            session.startScoring(variants).completion().join();
            assertTrue(castsChanged.await(10, java.util.concurrent.TimeUnit.SECONDS), "castsChanged not called");
            List<String> proposed = session.proposedCast("sh010").orElseThrow();
            assertFalse(proposed.isEmpty());
            assertTrue(project.shot("sh010").orElseThrow().cast().isEmpty(), "the project gives sh010 no cast");
        }
        try (StoreReviewSession reopened = StoreReviewSession.open(dir, ali, "pass 1", workspace -> Optional.empty())) {
            assertTrue(reopened.proposedCast("sh010").isPresent(), "read from the store at open");
        }
    }

    /** Every cast character of a frame with several is handed to the viewer with its box; one alone is not. */
    @Test
    void castMarksGiveEveryCharacterOfFramesWithSeveral() throws Exception {
        Project project = project();
        java.time.Instant now = java.time.Instant.now();
        java.util.function.BiFunction<Long, dev.onmodel.core.consistency.CharacterScore, dev.onmodel.core.store.StoredScore>
                row = (frame, score) -> dev.onmodel.core.workflow.ScorePayload.toStored("sh010", "v001", frame,
                "shots/sh010/v001/sh010_v001." + frame + ".png", "engine-test", score, now);
        try (StoreReviewSession session = StoreReviewSession.open(dir, new Reviewer("Ali", Role.ANIMATOR), "pass 1",
                workspace -> Optional.empty())) {
            try (dev.onmodel.core.store.ReviewStore store = dev.onmodel.core.store.ReviewStore.open(dir)) {
                store.putScores(List.of(
                        row.apply(1001L, characterScore("hero", 91, 10, 20)),
                        row.apply(1001L, characterScore("abel", 42, 200, 30)),
                        row.apply(1002L, characterScore("hero", 88, 12, 20))));
            }
            java.util.NavigableMap<Long, List<CastMark>> marks = session.castMarks("sh010", "v001").join();
            assertEquals(java.util.Set.of(1001L), marks.keySet(), "frame 1002 has one character: its headline frames it");
            assertEquals(List.of(new CastMark("abel", 42, new CharacterBox(200, 30, 40, 80)),
                            new CastMark("hero", 91, new CharacterBox(10, 20, 40, 80))),
                    marks.get(1001L).stream().sorted(java.util.Comparator.comparing(CastMark::character)).toList());
        }
    }

    private static dev.onmodel.core.consistency.CharacterScore characterScore(String character, double score, int x,
                                                                             int y) {
        return new dev.onmodel.core.consistency.CharacterScore(character, score,
                score >= 85 ? dev.onmodel.core.consistency.Band.OK : dev.onmodel.core.consistency.Band.OFF_MODEL,
                score, 100, Double.NaN, "front", new dev.onmodel.core.consistency.Box(x, y, 40, 80), "test");
    }

    @Test
    void aDirectorsDecisionOverrulesAndHistoryKeepsBoth() throws Exception {
        Project project = project();
        try (StoreReviewSession animator = open(project, "Ali", Role.ANIMATOR, "animation pass")) {
            animator.record(new DecisionDraft("sh020", "v002", FrameRange.ofInclusive(1001, 1012), Verdict.APPROVE,
                    "")).join();
        }
        try (StoreReviewSession director = open(project, "Dana", Role.DIRECTOR, "director approval")) {
            director.record(new DecisionDraft("sh020", "v002", FrameRange.ofInclusive(1005, 1006), Verdict.REJECT,
                    "pop")).join();
            List<HistoryEntry> history = director.history("sh020", "v002", 1005);
            assertEquals("Dana", history.get(0).overruledBy().orElseThrow().reviewer());
            assertEquals(Verdict.REJECT, director.verdict("sh020", "v002", 1005));
            assertEquals(2, director.passes().size());
        }
    }

    @Test
    void aRefusedWriteCompletesExceptionallyAndChangesNothing() throws Exception {
        Project project = project();
        try (StoreReviewSession session = open(project, "Ali", Role.ANIMATOR, "pass 1")) {
            session.closePass("pass 1").join();
            CompletionException refused = assertThrows(CompletionException.class, () -> session.record(
                    new DecisionDraft("sh010", "v001", FrameRange.ofInclusive(1001, 1001), Verdict.APPROVE, ""))
                    .join());
            assertInstanceOf(StoreException.class, refused.getCause());
            assertEquals(null, session.verdict("sh010", "v001", 1001));
            assertFalse(session.canUndo());
        }
    }
    @Test
    void decisionsAnotherWriterRecordsStreamIntoAnOpenSession() throws Exception {
        Project project = project();
        try (StoreReviewSession window = open(project, "Ali", Role.ANIMATOR, "pass 1");
             StoreReviewSession other = open(project, "Dee", Role.DIRECTOR, "pass 1")) {
            List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            window.addListener(new SessionListener() {
                @Override
                public void decisionsChanged(String shot, String variant) {
                    told.add(shot + "/" + variant);
                }
            });
            Decision own = window.record(new DecisionDraft("sh010", "v001", FrameRange.ofInclusive(1001, 1002),
                    Verdict.APPROVE, "")).join();
            told.clear();
            assertEquals(0, window.followNow().join(), "its own decision is not applied a second time");
            assertEquals(1, window.history("sh010", "v001", 1001).size());

            Decision overrule = other.record(new DecisionDraft("sh010", "v001", FrameRange.ofInclusive(1002, 1002),
                    Verdict.REJECT, "director: hand off model")).join();
            assertEquals(Verdict.APPROVE, window.verdict("sh010", "v001", 1002), "not seen before the check");
            assertEquals(1, window.followNow().join());
            assertEquals(Verdict.REJECT, window.verdict("sh010", "v001", 1002));
            assertEquals("Dee", window.effectiveDecision("sh010", "v001", 1002).orElseThrow().reviewer());
            assertEquals(List.of("sh010/v001"), told, "the window is told which variant changed");
            assertEquals(0, window.followNow().join(), "each row once");

            other.undo().join();
            assertEquals(1, window.followNow().join(), "an undo by the other writer is followed too");
            assertEquals(Verdict.APPROVE, window.verdict("sh010", "v001", 1002));
            assertEquals(own.id(), window.effectiveDecision("sh010", "v001", 1002).orElseThrow().id());
            assertEquals(Optional.of(own), window.undo().join(),
                    "the undo stack holds only this session's own decisions");
        }
    }

    @Test
    void heroMarksAndPassesAnotherWriterRecordsAreFollowed() throws Exception {
        Project project = project();
        try (StoreReviewSession window = open(project, "Ali", Role.ANIMATOR, "pass 1");
             StoreReviewSession other = open(project, "Dee", Role.DIRECTOR, "director approval")) {
            List<String> heroesTold = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.concurrent.atomic.AtomicInteger passesTold = new java.util.concurrent.atomic.AtomicInteger();
            window.addListener(new SessionListener() {
                @Override
                public void heroChanged(String shot) {
                    heroesTold.add(shot);
                }

                @Override
                public void passesChanged() {
                    passesTold.incrementAndGet();
                }
            });
            window.markHero("sh010", "v001", FrameRange.ofInclusive(1001, 1002), "first pick").join();
            heroesTold.clear();
            window.followNow().join();
            assertEquals(List.of(), heroesTold, "its own mark is not announced a second time");
            assertTrue(window.passes().stream().anyMatch(p -> p.name().equals("director approval")),
                    "the pass the director's session opened");
            passesTold.set(0);

            other.markHero("sh010", "v002", FrameRange.ofInclusive(1001, 1003), "director: v002 holds model").join();
            assertEquals("v001", window.hero("sh010").orElseThrow().variant(), "not seen before the check");
            window.followNow().join();
            assertEquals("v002", window.hero("sh010").orElseThrow().variant());
            assertEquals("Dee", window.hero("sh010").orElseThrow().chosenBy());
            assertEquals(List.of("sh010"), heroesTold);

            other.closePass("director approval").join();
            window.followNow().join();
            assertEquals(1, passesTold.get());
            assertTrue(window.passes().stream().filter(p -> p.name().equals("director approval")).findFirst()
                    .orElseThrow().closedAt().isPresent(), "the close is seen");
            window.followNow().join();
            assertEquals(List.of("sh010"), heroesTold, "each change once");
            assertEquals(1, passesTold.get(), "each change once");
        }
    }
}
