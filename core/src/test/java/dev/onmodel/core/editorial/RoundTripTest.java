package dev.onmodel.core.editorial;

import dev.onmodel.core.editorial.edl.Cmx3600EdlExporter;
import dev.onmodel.core.editorial.edl.Cmx3600EdlReader;
import dev.onmodel.core.editorial.otio.OtioJsonExporter;
import dev.onmodel.core.editorial.otio.OtioJsonReader;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OnModel reads its own EDL and OTIO back into the cut order it wrote. */
class RoundTripTest {

    static Stream<Arguments> ratesAndModes() {
        return FrameRate.STANDARD.stream().flatMap(rate -> rate.supportsDropFrame()
                ? Stream.of(Arguments.of(rate, false), Arguments.of(rate, true))
                : Stream.of(Arguments.of(rate, false)));
    }

    /** ep101 plus a missing shot (gap) in the middle and a best-score stand-in. */
    private static EditList mixedEdit(FrameRate rate, boolean dropFrame) throws MissingApprovalException {
        Project base = EditorialFixtures.ep101(rate, 1072);
        var sh015 = new dev.onmodel.core.model.Shot("sh015", rate, 20, List.of(), List.of());
        var sh040 = new dev.onmodel.core.model.Shot("sh040", rate, 24, List.of(), List.of(
                EditorialFixtures.variant("sh040", "v001", "/proj/ep101/sh040/comp", "sh040_comp_v001", 1001, 1030)));
        Project project = new Project(base.name(), base.root(), rate, List.of(),
                List.of(base.shots().get(0), sh015, base.shots().get(1), base.shots().get(2), sh040));
        InMemoryReviewFacts.Builder facts = InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("sh010", "v003", dev.onmodel.core.time.FrameRange.ofInclusive(1001, 1048), "dana", EditorialFixtures.T0))
                .heroMark(new HeroMark("sh020", "v007", dev.onmodel.core.time.FrameRange.ofInclusive(1005, 1064), "dana", EditorialFixtures.T0))
                .heroMark(new HeroMark("sh030", "v012", dev.onmodel.core.time.FrameRange.ofInclusive(1001, 1036), "dana", EditorialFixtures.T0))
                .decision(EditorialFixtures.decision(1, "sh020", "v007", 1013, 1020, dev.onmodel.core.model.Verdict.REJECT,
                        "jacket", "lee", dev.onmodel.core.model.Role.LEAD, 1))
                .score("sh040", "v001", FrameScore.of(1001, 80, false));
        return EditListBuilder.build(project, facts.build(), EditListOptions.defaults().withRate(rate)
                .withStart(Timecode.parse(dropFrame ? "00:59:30;00" : "00:59:30:00", rate))
                .withMissingPolicy(MissingPolicy.BEST));
    }

    private static void assertSameCut(EditList edit, ImportedCut back) {
        assertEquals(edit.events().stream().map(EditEvent::shot).toList(), back.shotOrder());
        assertEquals(edit.recordStart(), back.recordStart());
        assertEquals(edit.dropFrame(), back.dropFrame());
        for (int i = 0; i < edit.events().size(); i++) {
            EditEvent written = edit.events().get(i);
            ImportedCut.Event read = back.events().get(i);
            assertEquals(written.record(), read.record(), "record of " + written.shot());
            if (written instanceof ClipEvent clip) {
                assertEquals(clip.source(), read.source(), "source of " + clip.shot());
                assertEquals(clip.variant().name(), read.variant());
                assertEquals(clip.rule(), read.rule());
                assertEquals(clip.markers().stream().map(m -> m.frames().start()).toList(),
                        read.markers().stream().map(ImportedCut.Marker::frame).toList(), "markers of " + clip.shot());
            } else {
                assertTrue(read.gap(), written.shot() + " reads back as a gap");
                assertNull(read.rule());
            }
        }
    }

    @ParameterizedTest(name = "EDL {0} drop-frame={1}")
    @MethodSource("ratesAndModes")
    void edlReadsBackTheCutItWrote(FrameRate rate, boolean dropFrame, @TempDir Path folder) throws Exception {
        EditList edit = mixedEdit(rate, dropFrame);
        Path file = folder.resolve("cut.edl");
        new Cmx3600EdlExporter().export(edit, file);
        assertSameCut(edit, Cmx3600EdlReader.read(file, rate));
    }

    @ParameterizedTest(name = "OTIO {0} drop-frame={1}")
    @MethodSource("ratesAndModes")
    void otioReadsBackTheCutItWrote(FrameRate rate, boolean dropFrame, @TempDir Path folder) throws Exception {
        EditList edit = mixedEdit(rate, dropFrame);
        Path file = folder.resolve("cut.otio");
        new OtioJsonExporter().export(edit, file);
        assertSameCut(edit, OtioJsonReader.read(file));
    }

    @Test
    void mixedEditHasAGapAndABestScoreStandIn() throws Exception {
        EditList edit = mixedEdit(FrameRate.FPS_24, false);
        assertTrue(edit.events().get(1) instanceof GapEvent);
        assertEquals(HeroRule.BEST_SCORE, ((ClipEvent) edit.events().get(4)).rule());
    }

    @Test
    void hostileNamesRoundTripThroughOtio(@TempDir Path folder) throws Exception {
        EditList edit = EditorialFixtures.hostile(FrameRate.FPS_25);
        Path file = folder.resolve("hostile.otio");
        new OtioJsonExporter().export(edit, file);
        ImportedCut back = OtioJsonReader.read(file);
        assertEquals(List.of(EditorialFixtures.HOSTILE_SHOT, "sh020 ñ"), back.shotOrder());
        assertEquals(EditorialFixtures.HOSTILE_VARIANT, back.events().get(0).variant());
        assertEquals(edit.title(), back.title());
    }

    @Test
    void readsSpecSampleEdlAsThreeShots() throws Exception {
        ImportedCut cut = Cmx3600EdlReader.read(Golden.shared("samples/ep101_2997df.edl"), FrameRate.FPS_29_97);
        assertEquals(List.of("sh010_comp_v003", "sh020_comp_v007", "sh030_anim_v012"), cut.shotOrder());
        assertTrue(cut.dropFrame());
        assertEquals(dev.onmodel.core.time.FrameRange.ofInclusive(1005, 1076), cut.events().get(1).source());
        assertEquals("/proj/ep101/sh020/comp/sh020_comp_v007.[1001-1076].exr", cut.events().get(1).mediaPath());
    }

    @Test
    void readsSpecSampleOtio() throws Exception {
        ImportedCut cut = OtioJsonReader.read(Golden.shared("samples/ep101_24fps.otio"));
        assertEquals(List.of("sh010", "sh020", "sh030"), cut.shotOrder());
        assertEquals(86400 + 48, cut.events().get(1).record().start());
        assertEquals(dev.onmodel.core.time.FrameRange.ofInclusive(1005, 1064), cut.events().get(1).source());
    }
}
