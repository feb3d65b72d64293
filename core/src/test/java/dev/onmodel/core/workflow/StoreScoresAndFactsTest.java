package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.Band;
import dev.onmodel.core.consistency.Box;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.consistency.FrameScore;
import dev.onmodel.core.editorial.HeroMark;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.store.DecisionRequest;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.ShotCast;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scores written through the sink come back unchanged; the facts read from the store are what was recorded. */
class StoreScoresAndFactsTest {

    @TempDir
    Path project;

    private Variant variant(String shot, String name) {
        return new Variant(shot, name, new MovieMedia(project.resolve("shots").resolve(shot).resolve(name + ".mov"),
                1001, 200, FrameRate.FPS_24, 64, 36, false));
    }

    private Path file(String shot, String variant, long frame) {
        return project.resolve("shots/" + shot + "/" + variant + "/" + shot + "_" + variant + "." + frame + ".png");
    }

    private static CharacterScore character(String name, double score, Band band, double temporal, String why) {
        return new CharacterScore(name, score, band, score - 1.5, score + 0.25, temporal, "side",
                new Box(3, 4, 50, 60), why);
    }

    @Test
    void scoresAndCastsWrittenThroughTheSinkReadBackAsTheEngineMadeThem() throws Exception {
        Map<Long, FrameScore> made = new java.util.TreeMap<>();
        try (ReviewStore store = ReviewStore.open(project)) {
            StoreScoreSink sink = new StoreScoreSink(store, project, "5-abc");
            sink.cast("sh010", List.of("mira", "tobo"), true);
            int n = StoreScoreSink.BATCH + 3;
            for (long f = 1001; f < 1001 + n; f++) {
                FrameScore score = new FrameScore(List.of(
                        character("mira", 91.5, Band.OK, f == 1001 ? Double.NaN : 97, "on model (matches 'side')"),
                        character("tobo", f % 10 == 0 ? 41 : 80, f % 10 == 0 ? Band.OFF_MODEL : Band.OK, 88,
                                "costume colour differs from the \"side\" view, \u00e9")));
                made.put(f, score);
                sink.frame(variant("sh010", "v001"), f, file("sh010", "v001", f), score);
            }
            assertEquals(StoreScoreSink.BATCH * 2L, store.scoreCount(), "a full batch is stored before finish");
            sink.problem(new MediaProblem(file("sh010", "v001", 2000), "truncated"));
            sink.finish();
            assertEquals(n, sink.frames());
            assertEquals(made.values().stream().filter(s -> s.worst().orElseThrow().band() != Band.OK).count(),
                    sink.flaggedFrames());
            assertEquals(1, sink.problems().size());

            NavigableMap<Long, List<StoredScore>> stored = store.scores("sh010", "v001");
            assertEquals(made.keySet(), stored.keySet());
            for (Map.Entry<Long, FrameScore> e : made.entrySet()) {
                List<CharacterScore> back = stored.get(e.getKey()).stream().map(ScorePayload::toCharacterScore).toList();
                assertEquals(e.getValue().characters(), back);
                assertEquals("shots/sh010/v001/sh010_v001." + e.getKey() + ".png", stored.get(e.getKey()).get(0).path());
                assertEquals("5-abc", stored.get(e.getKey()).get(0).engineVersion());
            }
            ShotCast cast = store.casts().get("sh010");
            assertEquals(List.of("mira", "tobo"), cast.characters());
            assertTrue(cast.proposed());
        }
    }

    @Test
    void factsCarryHeroMarksDecisionsInForceAndWorstCharacterScores() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            Decision reject = store.record(DecisionRequest.range("sh010", "v001", 1001, 1010, Verdict.REJECT,
                    "arm", "ana", Role.LEAD, "anim 1"));
            Decision approve = store.record(DecisionRequest.range("sh010", "v001", 1005, 1006, Verdict.APPROVE,
                    "", "dora", Role.DIRECTOR, "anim 1"));
            Decision undone = store.record(DecisionRequest.range("sh010", "v002", 1001, 1003, Verdict.APPROVE,
                    "", "ana", Role.LEAD, "anim 1"));
            store.undo(undone.id(), "ana", Role.LEAD);
            store.chooseHero("sh010", "v002", FrameRange.ofInclusive(1001, 1020), "dora", "best take");

            StoreScoreSink sink = new StoreScoreSink(store, project, "5-abc");
            sink.frame(variant("sh010", "v001"), 1001, file("sh010", "v001", 1001), new FrameScore(List.of(
                    character("mira", 90, Band.OK, 95, "on model"),
                    character("tobo", 55, Band.CHECK, 95, "proportions differ"))));
            sink.frame(variant("sh010", "v001"), 1002, file("sh010", "v001", 1002), new FrameScore(List.of(
                    character("mira", 93, Band.OK, 95, "on model"))));
            sink.finish();

            StoreReviewFacts facts = StoreReviewFacts.load(store);
            assertFalse(facts.isEmpty());
            assertEquals(List.of(reject, approve), facts.decisions(), "undone decisions are not in force");
            HeroMark hero = facts.heroMark("sh010").orElseThrow();
            assertEquals("v002", hero.variant());
            assertEquals(FrameRange.ofInclusive(1001, 1020), hero.approvedRange());
            assertEquals("dora", hero.markedBy());
            assertTrue(facts.heroMark("sh020").isEmpty());

            NavigableMap<Long, Decision> effective = facts.effectiveDecisions("sh010", "v001");
            assertEquals(store.effectiveDecisions("sh010", "v001"), effective);
            assertEquals(Verdict.APPROVE, effective.get(1005L).verdict());
            assertEquals(Verdict.REJECT, effective.get(1007L).verdict());
            assertTrue(facts.effectiveDecisions("sh010", "v002").isEmpty(), "the undone approval is gone");

            var scores = facts.scores("sh010", "v001");
            assertEquals(new dev.onmodel.core.editorial.FrameScore(1001, 55, true, "tobo", "side"), scores.get(1001L));
            assertEquals(new dev.onmodel.core.editorial.FrameScore(1002, 93, false, "mira", "side"), scores.get(1002L));
            assertTrue(facts.scores("sh010", "v002").isEmpty());
        }
    }

    @Test
    void aStoreWithoutDecisionsOrHeroesHasNoFacts() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            List<StoredScore> none = new ArrayList<>();
            store.putScores(none);
            assertTrue(StoreReviewFacts.load(store).isEmpty());
        }
    }

    @Test
    void reScoringWithTheSameResultsWritesNothingButAChangedFrameIsReplaced() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            FrameScore same = new FrameScore(List.of(character("mira", 91.5, Band.OK, 97, "on model")));
            StoreScoreSink first = new StoreScoreSink(store, project, "5-abc");
            first.cast("sh010", List.of("mira"), false);
            for (long f = 1001; f <= 1003; f++) {
                first.frame(variant("sh010", "v001"), f, file("sh010", "v001", f), same);
            }
            first.finish();
            var storedBefore = store.scores("sh010", "v001");

            StoreScoreSink again = new StoreScoreSink(store, project, "5-abc", store.allScores(), store.casts());
            again.cast("sh010", List.of("mira"), false);
            FrameScore changed = new FrameScore(List.of(character("mira", 60, Band.CHECK, 97, "proportions differ")));
            again.frame(variant("sh010", "v001"), 1001, file("sh010", "v001", 1001), same);
            again.frame(variant("sh010", "v001"), 1002, file("sh010", "v001", 1002), changed);
            again.frame(variant("sh010", "v001"), 1003, file("sh010", "v001", 1003), same);
            again.finish();
            assertEquals(2, again.unchangedFrames());
            var storedAfter = store.scores("sh010", "v001");
            assertEquals(storedBefore.get(1001L), storedAfter.get(1001L), "unchanged rows keep their time");
            assertEquals(List.of(changed.characters().get(0)),
                    storedAfter.get(1002L).stream().map(ScorePayload::toCharacterScore).toList());

            StoreScoreSink otherEngine = new StoreScoreSink(store, project, "6-def", store.allScores(), store.casts());
            otherEngine.cast("sh010", List.of("mira"), false);
            otherEngine.frame(variant("sh010", "v001"), 1001, file("sh010", "v001", 1001), same);
            otherEngine.finish();
            assertEquals(0, otherEngine.unchangedFrames());
            assertEquals("6-def", store.casts().get("sh010").engineVersion());
            assertEquals("6-def", store.scores("sh010", "v001").get(1001L).get(0).engineVersion());
        }
    }
}
