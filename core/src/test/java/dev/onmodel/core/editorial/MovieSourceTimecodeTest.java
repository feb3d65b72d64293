package dev.onmodel.core.editorial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onmodel.core.editorial.edl.Cmx3600EdlExporter;
import dev.onmodel.core.editorial.fcpxml.Fcpxml110Exporter;
import dev.onmodel.core.editorial.otio.OtioJsonExporter;
import dev.onmodel.core.editorial.report.DecisionCsvExporter;
import dev.onmodel.core.editorial.report.ReviewSummary;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A movie's frames are placed in every edit list at the movie's own start timecode, which is what Premiere, Resolve,
 * Avid and Final Cut match when they relink it: a take rendered with timecode 01:00:00:00 whose frames the project
 * numbers from 1001 has its frame 1005 at source 01:00:00:04, not at 00:00:00:04 (which those systems would not
 * find in the file).
 */
class MovieSourceTimecodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One shot whose only take is a 48-frame movie numbered from 1001, starting at {@code startLabel}. */
    private static Project project(FrameRate rate, String startLabel) {
        long start = Timecode.parse(startLabel, rate).frames();
        MovieMedia movie = new MovieMedia(Path.of("/proj/ep101/sh010/take_v004.mov"), 1001, 48, rate, 1920, 1080,
                false, start);
        Shot shot = new Shot("sh010", rate, 48, List.of(), List.of(new Variant("sh010", "v004", movie)));
        return new Project("EP101", Path.of("/proj/ep101"), rate, List.of(), List.of(shot));
    }

    /** Frames 1003-1026 are the hero's approved range; frame 1005 is rejected. */
    private static InMemoryReviewFacts facts() {
        return InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("sh010", "v004", FrameRange.ofInclusive(1003, 1026), "dana",
                        EditorialFixtures.T0))
                .decision(EditorialFixtures.decision(1, "sh010", "v004", 1005, 1005, Verdict.REJECT, "eye pop",
                        "lee", Role.SUPERVISOR, 1))
                .build();
    }

    private static EditList edit(FrameRate rate, String startLabel, boolean dropFrame) throws Exception {
        EditListOptions options = EditListOptions.defaults().withTitle("TC").withRate(rate);
        if (dropFrame) {
            options = options.withStart(Timecode.parse("01:00:00;00", rate));
        }
        return EditListBuilder.build(project(rate, startLabel), facts(), options);
    }

    private static String written(TimelineExporter exporter, EditList edit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(edit, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theEdlNamesTheMovieFramesByItsTimecode() throws Exception {
        String edl = written(new Cmx3600EdlExporter(), edit(FrameRate.FPS_24, "01:00:00:00", false));
        // Frames 1003-1026 are the movie's 3rd to 26th: 01:00:00:02 to (exclusive) 01:00:01:02.
        assertTrue(edl.contains("01:00:00:02 01:00:01:02 01:00:00:00 01:00:01:00"), edl);
        assertTrue(edl.contains("LOC: 01:00:00:04"), "the rejected frame 1005 at its source timecode:\n" + edl);
    }

    @Test
    void aDropFrameStartIsKeptToTheLabel() throws Exception {
        String edl = written(new Cmx3600EdlExporter(), edit(FrameRate.FPS_29_97, "00:59:59;02", true));
        // 00:59:59;02 + 2 frames = 00:59:59;04; + 24 more = 00:59:59;28.
        assertTrue(edl.startsWith("TITLE: TC\nFCM: DROP FRAME\n"), edl);
        assertTrue(edl.contains("00:59:59;04 00:59:59;28 01:00:00;00 01:00:00;24"), edl);
    }

    @Test
    void fcpxmlAndOtioStartTheAssetAtTheMovieTimecode() throws Exception {
        EditList edit = edit(FrameRate.FPS_24, "01:00:00:00", false);
        String fcpxml = written(new Fcpxml110Exporter(), edit);
        // One hour at 24 fps, in FCPXML's rational seconds.
        assertTrue(fcpxml.contains("start=\"3600s\""), "the asset starts at the movie's timecode:\n" + fcpxml);
        // The clip's first frame is the movie's third (86,402 frames of 100/2400 s), the rejected frame its fifth.
        assertTrue(fcpxml.contains("start=\"8640200/2400s\""), fcpxml);
        assertTrue(fcpxml.contains("<marker start=\"8640400/2400s\""), fcpxml);

        JsonNode otio = JSON.readTree(written(new OtioJsonExporter(), edit));
        JsonNode clip = otio.at("/tracks/children/0/children/0");
        assertEquals(86402, clip.at("/source_range/start_time/value").asDouble(), 0.0);
        assertEquals(86400, clip.at("/media_references/DEFAULT_MEDIA/available_range/start_time/value").asDouble(),
                0.0);
        assertEquals(48, clip.at("/media_references/DEFAULT_MEDIA/available_range/duration/value").asDouble(), 0.0);
    }

    /** The review record names a movie frame by the same timecode as the viewer and the edit lists. */
    @Test
    void theDecisionCsvGivesAMovieFrameItsSourceTimecode() throws Exception {
        ReviewSummary summary = ReviewSummary.of(project(FrameRate.FPS_24, "01:00:00:00"), facts(), FrameRate.FPS_24,
                false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DecisionCsvExporter().write(summary, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.contains("sh010,v004,1005,01:00:00:04,reject"), csv);
    }

    @Test
    void aMovieWithoutTimecodeStartsAtZero() throws Exception {
        String edl = written(new Cmx3600EdlExporter(), edit(FrameRate.FPS_24, "00:00:00:00", false));
        assertTrue(edl.contains("00:00:00:02 00:00:01:02 01:00:00:00 01:00:01:00"), edl);
    }
}
