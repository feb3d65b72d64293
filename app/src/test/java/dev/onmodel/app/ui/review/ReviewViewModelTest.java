package dev.onmodel.app.ui.review;

import dev.onmodel.app.session.JsonFileReviewSession;
import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.testing.ScriptedScores;
import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.time.FrameRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review screen's state without a Stage: the session double commits on its own thread, the UI thread is direct. */
class ReviewViewModelTest {

    @TempDir
    static Path projectDir;
    static Project project;

    @TempDir
    Path storeDir;
    private JsonFileReviewSession session;
    private ReviewViewModel model;

    @BeforeAll
    static void createProject() throws Exception {
        TinyProjects.create(projectDir);
        project = new ProjectReader(MovieProbe.unavailable("test")).read(projectDir).project();
    }

    @BeforeEach
    void open() {
        session = new JsonFileReviewSession(storeDir.resolve("store.json"), new Reviewer("Ali", Role.ANIMATOR),
                "pass 1", ScriptedScores.forTinyProject(projectDir));
        model = new ReviewViewModel(project, session, Runnable::run);
    }

    @AfterEach
    void close() {
        model.dispose();
        session.close();
    }

    private void scoreEverything() throws Exception {
        model.startScoring();
        // The double's job runs on its own thread; wait for its last progress report.
        long deadline = System.currentTimeMillis() + 15000;
        while (model.scoringProperty().get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(model.scoringProperty().get(), "scoring finished");
    }

    private List<Verdict> verdicts(long first, long last) {
        Decision[] decisions = session.decisions("sh010", "v001", FrameRange.ofInclusive(first, last));
        return Arrays.stream(decisions).map(d -> d == null ? null : d.verdict()).toList();
    }

    @Test
    void verdictKeyWithoutMarksDecidesTheCurrentFrameOnly() {
        model.seek(1003);
        model.decide(Verdict.REJECT).join();
        assertEquals(Arrays.asList(null, Verdict.REJECT, null), verdicts(1002, 1004));
        assertEquals(Verdict.REJECT, model.currentDecisionProperty().get().verdict());
        assertTrue(model.saveStatusProperty().get().startsWith("Saved: reject 1003-1003"),
                model.saveStatusProperty().get());
    }

    @Test
    void inAndOutMarksMakeTheVerdictCoverTheRangeAndClearAfterSaving() {
        model.seek(1002);
        model.markIn();
        model.step(3);
        model.markOut();
        assertEquals(FrameRange.ofInclusive(1002, 1005), model.decisionTarget());
        model.decide(Verdict.APPROVE).join();
        assertEquals(Arrays.asList(null, Verdict.APPROVE, Verdict.APPROVE, Verdict.APPROVE, Verdict.APPROVE, null),
                verdicts(1001, 1006));
        assertNull(model.inPointProperty().get());
        assertNull(model.outPointProperty().get());
    }

    @Test
    void aLoneInMarkRunsToTheLastFrame() {
        model.seek(1010);
        model.markIn();
        assertEquals(FrameRange.ofInclusive(1010, 1012), model.decisionTarget());
    }

    @Test
    void undoWithdrawsTheLatestDecisionAndRedoRestoresIt() {
        model.seek(1001);
        model.decide(Verdict.APPROVE).join();
        model.decide(Verdict.REJECT).join();
        model.undo().join();
        assertEquals(Verdict.APPROVE, model.currentDecisionProperty().get().verdict());
        model.redo().join();
        assertEquals(Verdict.REJECT, model.currentDecisionProperty().get().verdict());
        assertEquals(4, model.currentHistory().size(), "set, set, undo, redo rows are all kept");
    }

    @Test
    void aScoringJobThatFailsSaysSoInItsOwnWords() throws Exception {
        JsonFileReviewSession failing = new JsonFileReviewSession(null, new Reviewer("Ali", Role.ANIMATOR), "pass 1",
                key -> {
                    if (key.frame() == 1005) {
                        throw new IllegalStateException("character 'hero' has no usable sheet image");
                    }
                    return Optional.empty();
                });
        ReviewViewModel scored = new ReviewViewModel(project, failing, Runnable::run);
        List<String> headlines = new java.util.concurrent.CopyOnWriteArrayList<>();
        scored.setErrorSink((headline, error) -> headlines.add(headline + " / " + error.getMessage()));
        try {
            scored.startScoring();
            long deadline = System.currentTimeMillis() + 15000;
            while (scored.scoringProperty().get() && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(List.of("Consistency scoring stopped. Scores already shown are kept; decisions are not"
                    + " affected. / character 'hero' has no usable sheet image"), headlines);
            String status = scored.scoringStatusProperty().get();
            assertEquals("Scoring stopped on an error after 4 of 48 frames (see the message)", status);
        } finally {
            scored.dispose();
            failing.close();
        }
    }

    @Test
    void aRefusedWriteIsShownAsNotSavedAndKeptForRetry() {
        session.failNextCommit(new IllegalStateException("database is locked"));
        model.seek(1004);
        assertThrows(CompletionException.class, () -> model.decide(Verdict.REJECT, "jacket colour").join());
        assertTrue(model.saveStatusProperty().get().startsWith("NOT saved: reject 1004-1004"),
                model.saveStatusProperty().get());
        assertTrue(model.saveStatusProperty().get().contains("database is locked"));
        assertEquals(1, model.unsavedDrafts().size());
        assertNull(model.currentDecisionProperty().get(), "nothing shown as decided");

        model.retryUnsaved();
        long deadline = System.currentTimeMillis() + 15000;
        while (model.pendingWritesProperty().get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, model.unsavedDrafts().size());
        assertEquals("jacket colour", session.effectiveDecision("sh010", "v001", 1004).orElseThrow().note());
    }

    @Test
    void periodAndCommaWalkOnlyTheFlaggedFrames() throws Exception {
        scoreEverything();
        assertTrue(model.nextFlagged());
        assertEquals(1004, model.currentFrameProperty().get());
        assertTrue(model.nextFlagged());
        assertEquals(1009, model.currentFrameProperty().get());
        assertFalse(model.nextFlagged(), "no flagged frame after 1009");
        assertEquals(1009, model.currentFrameProperty().get());
        assertEquals("No flagged frame after 1009", model.saveStatusProperty().get());
        assertTrue(model.previousFlagged());
        assertEquals(1004, model.currentFrameProperty().get());
        assertEquals("", model.saveStatusProperty().get(), "the walk's 'none' message does not outlive it");
    }

    @Test
    void raisingTheThresholdFlagsMoreFrames() throws Exception {
        scoreEverything();
        model.checkBelowProperty().set(70);
        assertTrue(model.nextFlagged());
        assertEquals(1004, model.currentFrameProperty().get());
        assertFalse(model.nextFlagged(), "72 is not below 70");
    }

    @Test
    void undecidedInPassFilterSkipsFramesDecidedInThisPass() throws Exception {
        scoreEverything();
        model.seek(1004);
        model.decide(Verdict.REJECT).join();
        model.passFilterProperty().set(PassFilter.UNDECIDED_IN_PASS);
        model.seek(1001);
        assertTrue(model.nextFlagged());
        assertEquals(1009, model.currentFrameProperty().get(), "1004 was decided in this pass");
    }

    @Test
    void decidedByRoleFilterShowsOnlyThatRolesFrames() {
        model.seek(1002);
        model.decide(Verdict.APPROVE).join();
        model.passFilterProperty().set(PassFilter.DECIDED_BY_ROLE);
        model.filterRoleProperty().set(Role.ANIMATOR);
        var v001 = project.shot("sh010").orElseThrow().variants().get(0);
        assertTrue(model.matchesFilter(v001, 1002));
        assertFalse(model.matchesFilter(v001, 1003));
        model.filterRoleProperty().set(Role.DIRECTOR);
        assertFalse(model.matchesFilter(v001, 1002));
    }

    @Test
    void scoresStreamIntoTheCurrentFrame() throws Exception {
        model.seek(1004);
        assertNull(model.currentScoreProperty().get());
        scoreEverything();
        assertEquals(41, model.currentScoreProperty().get().score());
        assertTrue(model.scoringStatusProperty().get().startsWith("Scored 48 of 48"),
                model.scoringStatusProperty().get());
    }

    @Test
    void numberKeysPickVariantsAndFlipKeepsTheFrame() {
        model.seek(1007);
        model.pickVariant(2);
        assertEquals("v002", model.selectedVariantProperty().get().name());
        assertEquals(1007, model.currentFrameProperty().get());
        model.pickVariant(9);
        assertEquals("v002", model.selectedVariantProperty().get().name(), "no ninth variant: unchanged");
        assertEquals("v001", model.compareVariantProperty().get().name(), "the old A became B");
        model.flipAB();
        assertEquals("v001", model.selectedVariantProperty().get().name());
        assertEquals("v002", model.compareVariantProperty().get().name());
        assertEquals(1007, model.currentFrameProperty().get());
    }

    @Test
    void heroMarkUsesTheMarkedRange() {
        model.seek(1003);
        model.markIn();
        model.seek(1008);
        model.markOut();
        model.markHero().join();
        var hero = session.hero("sh010").orElseThrow();
        assertEquals("v001", hero.variant());
        assertEquals(FrameRange.ofInclusive(1003, 1008), hero.approved());
        assertEquals(hero, model.heroOfShotProperty().get());
    }

    @Test
    void playbackAdvancesAtTheShotsRateAndLoopsTheVariant() {
        long second = 1_000_000_000L;
        model.togglePlay(0);
        assertTrue(model.playingProperty().get());
        assertEquals(0, model.playbackTick(second / 24 + 1)); // just past one frame at 24 fps
        assertEquals(1002, model.currentFrameProperty().get());
        long skipped = model.playbackTick(4 * second / 24 + 1);
        assertEquals(1005, model.currentFrameProperty().get());
        assertEquals(2, skipped, "1003 and 1004 were never shown");
        assertEquals(6, model.playbackTick(11 * second / 24 + 1), "1006-1011 passed over");
        assertEquals(1012, model.currentFrameProperty().get());
        assertEquals(0, model.playbackTick(12 * second / 24 + 1), "1012 -> 1001 around the loop skips nothing");
        assertEquals(1001, model.currentFrameProperty().get(), "12 frames later it looped over 1001-1012");
        model.togglePlay(0);
        assertFalse(model.playingProperty().get());
    }

    @Test
    void shuttleDoublesSpeedUpToFourTimes() {
        model.shuttle(1, 0);
        model.shuttle(1, 0);
        model.shuttle(1, 0);
        model.shuttle(1, 0);
        assertEquals(4, model.playbackSpeedProperty().get());
        model.shuttle(-1, 0);
        assertEquals(-1, model.playbackSpeedProperty().get());
        model.stop();
        assertEquals(0, model.playbackSpeedProperty().get());
    }

    @Test
    void aNewSessionOnTheSameStoreFindsEveryDecision() {
        model.seek(1002);
        model.decide(Verdict.APPROVE, "clean").join();
        model.dispose();
        session.close();
        JsonFileReviewSession reopened = new JsonFileReviewSession(storeDir.resolve("store.json"),
                new Reviewer("Ali", Role.ANIMATOR), "pass 1", ScriptedScores.forTinyProject(projectDir));
        ReviewViewModel again = new ReviewViewModel(project, reopened, Runnable::run);
        again.seek(1002);
        assertEquals("clean", again.currentDecisionProperty().get().note());
        again.dispose();
        reopened.close();
    }
}
