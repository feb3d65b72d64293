package dev.onmodel.core.editorial;

import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static dev.onmodel.core.editorial.EditorialFixtures.T0;
import static dev.onmodel.core.editorial.EditorialFixtures.decision;
import static dev.onmodel.core.editorial.EditorialFixtures.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditListBuilderTest {

    /** One shot, cut length 10, three variants of 1001-1012 (v003 only 1001-1008). */
    private static Project oneShot() {
        Shot shot = new Shot("sh010", FrameRate.FPS_24, 10, List.of(), List.of(
                variant("sh010", "v001", "/p/sh010/v001", "sh010_v001", 1001, 1012),
                variant("sh010", "v002", "/p/sh010/v002", "sh010_v002", 1001, 1012),
                variant("sh010", "v003", "/p/sh010/v003", "sh010_v003", 1001, 1008)));
        return new Project("P", Path.of("/p"), FrameRate.FPS_24, List.of(), List.of(shot));
    }

    private static ClipEvent onlyClip(EditList edit) {
        assertEquals(1, edit.events().size());
        return assertInstanceOf(ClipEvent.class, edit.events().get(0));
    }

    @Test
    void markedHeroWinsOverFullyApprovedVariant() throws Exception {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .decision(decision(1, "sh010", "v001", 1001, 1010, Verdict.APPROVE, "", "ann", Role.DIRECTOR, 5))
                .heroMark(new HeroMark("sh010", "v002", FrameRange.ofInclusive(1003, 1008), "dana", T0))
                .build();
        ClipEvent clip = onlyClip(EditListBuilder.build(oneShot(), facts, EditListOptions.defaults()));
        assertEquals("v002", clip.variant().name());
        assertEquals(HeroRule.MARKED_HERO, clip.rule());
        assertEquals(FrameRange.ofInclusive(1003, 1008), clip.source());
        assertTrue(clip.ruleDetail().contains("dana"), clip.ruleDetail());
    }

    @Test
    void withoutMarkTheMostRecentlyFullyApprovedVariantWins() throws Exception {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .decision(decision(1, "sh010", "v001", 1001, 1010, Verdict.APPROVE, "", "ann", Role.DIRECTOR, 5))
                .decision(decision(2, "sh010", "v002", 1001, 1010, Verdict.APPROVE, "", "bob", Role.LEAD, 9))
                .build();
        ClipEvent clip = onlyClip(EditListBuilder.build(oneShot(), facts, EditListOptions.defaults()));
        assertEquals("v002", clip.variant().name());
        assertEquals(HeroRule.FULLY_APPROVED, clip.rule());
        assertEquals(FrameRange.ofInclusive(1001, 1010), clip.source());
    }

    @Test
    void aLaterRejectOnOneFrameDisqualifiesTheVariant() throws Exception {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .decision(decision(1, "sh010", "v001", 1001, 1010, Verdict.APPROVE, "", "ann", Role.DIRECTOR, 5))
                .decision(decision(2, "sh010", "v002", 1001, 1010, Verdict.APPROVE, "", "bob", Role.LEAD, 9))
                .decision(decision(3, "sh010", "v002", 1005, 1005, Verdict.REJECT, "pop", "ann", Role.DIRECTOR, 10))
                .build();
        assertEquals("v001", onlyClip(EditListBuilder.build(oneShot(), facts, EditListOptions.defaults())).variant().name());
    }

    @Test
    void aVariantShorterThanTheCutIsNotFullyApproved() throws Exception {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .decision(decision(1, "sh010", "v003", 1001, 1008, Verdict.APPROVE, "", "ann", Role.DIRECTOR, 5))
                .build();
        MissingApprovalException e = assertThrows(MissingApprovalException.class,
                () -> EditListBuilder.build(oneShot(), facts, EditListOptions.defaults()));
        assertEquals(List.of("sh010"), e.shots());
    }

    @Test
    void clearingAnApprovalMakesTheFrameUndecidedAgain() throws Exception {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .decision(decision(1, "sh010", "v001", 1001, 1010, Verdict.APPROVE, "", "ann", Role.DIRECTOR, 5))
                .decision(decision(2, "sh010", "v001", 1002, 1002, null, "", "ann", Role.DIRECTOR, 6))
                .build();
        assertThrows(MissingApprovalException.class, () -> EditListBuilder.build(oneShot(), facts, EditListOptions.defaults()));
    }

    @Test
    void defaultPolicyFailsListingEveryMissingShotInCutOrder() {
        Project ep101 = EditorialFixtures.ep101(FrameRate.FPS_24, 1072);
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("sh020", "v007", FrameRange.ofInclusive(1001, 1010), "dana", T0)).build();
        MissingApprovalException e = assertThrows(MissingApprovalException.class,
                () -> EditListBuilder.build(ep101, facts, EditListOptions.defaults()));
        assertEquals(List.of("sh010", "sh030"), e.shots());
        assertTrue(e.getMessage().contains("sh010, sh030"), e.getMessage());
    }

    @Test
    void gapPolicyLeavesBlackOfTheCutLengthAndKeepsRecordContiguous() throws Exception {
        Project ep101 = EditorialFixtures.ep101(FrameRate.FPS_24, 1072);
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("sh020", "v007", FrameRange.ofInclusive(1001, 1010), "dana", T0)).build();
        EditList edit = EditListBuilder.build(ep101, facts, EditListOptions.defaults().withMissingPolicy(MissingPolicy.GAP));
        assertEquals(List.of(new FrameRange(86400, 86448), new FrameRange(86448, 86458), new FrameRange(86458, 86494)),
                edit.events().stream().map(EditEvent::record).toList());
        assertInstanceOf(GapEvent.class, edit.events().get(0));
        assertTrue(edit.warnings().stream().anyMatch(w -> w.contains("sh010")), edit.warnings().toString());
    }

    @Test
    void bestPolicyUsesTheBestMeanScoreAndMarksItNotApproved() throws Exception {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .score("sh010", "v001", FrameScore.of(1001, 60, false))
                .score("sh010", "v001", FrameScore.of(1002, 70, false))
                .score("sh010", "v002", FrameScore.of(1001, 90, false))
                .score("sh010", "v002", FrameScore.of(1002, 80, false))
                .build();
        ClipEvent clip = onlyClip(EditListBuilder.build(oneShot(), facts,
                EditListOptions.defaults().withMissingPolicy(MissingPolicy.BEST)));
        assertEquals("v002", clip.variant().name());
        assertEquals(HeroRule.BEST_SCORE, clip.rule());
        assertEquals(MarkerColor.MAGENTA, clip.markers().get(0).color());
        assertTrue(clip.ruleDetail().contains("85.0"), clip.ruleDetail());
    }

    @Test
    void rejectAndReworkRunsInsideTheRangeBecomeMarkersWithNotes() throws Exception {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("sh010", "v001", FrameRange.ofInclusive(1003, 1010), "dana", T0))
                .decision(decision(1, "sh010", "v001", 1001, 1004, Verdict.REJECT, "outside then in", "ann", Role.DIRECTOR, 1))
                .decision(decision(2, "sh010", "v001", 1006, 1007, Verdict.REWORK, "hands", "bob", Role.LEAD, 2))
                .decision(decision(3, "sh010", "v001", 1008, 1008, Verdict.APPROVE, "", "bob", Role.LEAD, 3))
                .decision(decision(4, "sh010", "v001", 1009, 1012, Verdict.REJECT, "tail", "ann", Role.DIRECTOR, 4))
                .build();
        ClipEvent clip = onlyClip(EditListBuilder.build(oneShot(), facts, EditListOptions.defaults()));
        assertEquals(List.of(FrameRange.ofInclusive(1003, 1004), FrameRange.ofInclusive(1006, 1007),
                FrameRange.ofInclusive(1009, 1010)), clip.markers().stream().map(EditMarker::frames).toList());
        assertEquals(List.of(MarkerColor.RED, MarkerColor.YELLOW, MarkerColor.RED),
                clip.markers().stream().map(EditMarker::color).toList());
        assertEquals("hands", clip.markers().get(1).note());
        assertEquals("bob (lead)", clip.markers().get(1).author());
    }

    @Test
    void heroMarkOutsideTheMediaIsIgnoredWithAWarning() throws Exception {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("sh010", "v009", FrameRange.ofInclusive(1001, 1010), "dana", T0)).build();
        EditList edit = EditListBuilder.build(oneShot(), facts, EditListOptions.defaults().withMissingPolicy(MissingPolicy.GAP));
        assertInstanceOf(GapEvent.class, edit.events().get(0));
        assertTrue(edit.warnings().stream().anyMatch(w -> w.contains("v009") && w.contains("not on disk")), edit.warnings().toString());
    }

    @Test
    void heroRangeBeyondTheMediaIsClippedWithAWarning() throws Exception {
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("sh010", "v003", FrameRange.ofInclusive(1005, 1020), "dana", T0)).build();
        EditList edit = EditListBuilder.build(oneShot(), facts, EditListOptions.defaults());
        assertEquals(FrameRange.ofInclusive(1005, 1008), onlyClip(edit).source());
        assertTrue(edit.warnings().stream().anyMatch(w -> w.contains("clipped")), edit.warnings().toString());
    }

    @Test
    void recordStartDefaultsToOneHourAndDropFrameAtNtscRates() throws Exception {
        InMemoryReviewFacts facts = EditorialFixtures.ep101Facts(1005, 1064);
        EditList at24 = EditListBuilder.build(EditorialFixtures.ep101(FrameRate.FPS_24, 1072), facts, EditListOptions.defaults());
        assertEquals(86400, at24.recordStart());
        EditList at2997 = EditListBuilder.build(EditorialFixtures.ep101(FrameRate.FPS_29_97, 1072), facts, EditListOptions.defaults());
        assertTrue(at2997.dropFrame());
        assertEquals(107892, at2997.recordStart());
        EditList ndf = EditListBuilder.build(EditorialFixtures.ep101(FrameRate.FPS_29_97, 1072), facts,
                EditListOptions.defaults().withStart(Timecode.parse("01:00:00:00", FrameRate.FPS_29_97)));
        assertEquals(108000, ndf.recordStart());
        assertEquals(false, ndf.dropFrame());
    }

    @Test
    void eventsMustBeContiguous() {
        var clip = new GapEvent("a", new FrameRange(0, 10), "");
        var late = new GapEvent("b", new FrameRange(11, 20), "");
        assertThrows(IllegalArgumentException.class, () -> new EditList("t", "p", FrameRate.FPS_24, false, 0,
                FrameSize.HD_1080, MediaPaths.ABSOLUTE, List.of(clip, late), List.of()));
    }

    @Test
    void mediaPathsCanBeRelativeToARoot() {
        MediaPaths relative = MediaPaths.relativeTo(Path.of("/proj/ep101"));
        assertEquals("sh010/comp/a b.exr", relative.path(Path.of("/proj/ep101/sh010/comp/a b.exr")));
        assertEquals("sh010/comp/a%20b.exr", relative.url(Path.of("/proj/ep101/sh010/comp/a b.exr"), false));
        assertEquals("file:///proj/ep101/sh010/", MediaPaths.ABSOLUTE.url(Path.of("/proj/ep101/sh010"), true));
        assertEquals("./c:d/e.exr", relative.url(Path.of("/proj/ep101/c:d/e.exr"), false), "never read as a scheme");
    }

    @Test
    void heroRangeWithMissingFilesIsUsedWithAWarning() throws Exception {
        java.util.TreeMap<Long, Path> files = new java.util.TreeMap<>(EditorialFixtures.sequence("/p/a", "a", 1001, 1010).files());
        files.remove(1005L);
        var media = new dev.onmodel.core.model.ImageSequence(Path.of("/p/a"), "a", ".", 4, "exr", files);
        Shot shot = new Shot("a", FrameRate.FPS_24, 10, List.of(), List.of(new dev.onmodel.core.model.Variant("a", "v1", media)));
        Project project = new Project("P", Path.of("/p"), FrameRate.FPS_24, List.of(), List.of(shot));
        InMemoryReviewFacts facts = InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("a", "v1", FrameRange.ofInclusive(1001, 1010), "dana", T0)).build();
        EditList edit = EditListBuilder.build(project, facts, EditListOptions.defaults());
        assertEquals(FrameRange.ofInclusive(1001, 1010), onlyClip(edit).source());
        assertTrue(edit.warnings().stream().anyMatch(w -> w.contains("missing on disk") && w.contains("1005")),
                edit.warnings().toString());
    }
}
