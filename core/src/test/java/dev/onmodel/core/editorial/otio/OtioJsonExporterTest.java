package dev.onmodel.core.editorial.otio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onmodel.core.editorial.EditList;
import dev.onmodel.core.editorial.EditorialFixtures;
import dev.onmodel.core.editorial.Golden;
import dev.onmodel.core.editorial.ImportedCut;
import dev.onmodel.core.editorial.TimelineExporter;
import dev.onmodel.core.editorial.TimelineExporterContractTest;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtioJsonExporterTest extends TimelineExporterContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keys OTIO 0.18.1's reader requires per schema (SPEC §4, probed by deleting each key). */
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "Timeline", Set.of("tracks"),
            "Stack", Set.of("children"),
            "Track", Set.of("children", "kind"),
            "Clip", Set.of("media_references", "active_media_reference_key"),
            "ImageSequenceReference", Set.of("target_url_base", "name_prefix", "name_suffix", "start_frame",
                    "frame_step", "rate", "frame_zero_padding", "missing_frame_policy"),
            "ExternalReference", Set.of("target_url"),
            "TimeRange", Set.of("start_time", "duration"),
            "RationalTime", Set.of("rate", "value"));

    @Override
    protected TimelineExporter exporter() {
        return new OtioJsonExporter();
    }

    @Override
    protected void assertWellFormed(byte[] bytes) throws Exception {
        JsonNode root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        assertEquals("Timeline.1", root.path("OTIO_SCHEMA").asText());
        assertRequiredKeys(root, "$");
    }

    private static void assertRequiredKeys(JsonNode node, String path) {
        if (node.isObject()) {
            String schema = node.path("OTIO_SCHEMA").asText("");
            if (!schema.isEmpty()) {
                String name = schema.substring(0, schema.indexOf('.'));
                for (String key : REQUIRED.getOrDefault(name, Set.of())) {
                    assertTrue(node.has(key), path + " (" + schema + ") lacks required key " + key);
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                assertRequiredKeys(field.getValue(), path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertRequiredKeys(node.get(i), path + "[" + i + "]");
            }
        }
    }

    @Override
    protected List<FrameRange> recordRanges(byte[] bytes, FrameRate rate, boolean dropFrame) throws Exception {
        ImportedCut cut = OtioJsonReader.parse(new String(bytes, StandardCharsets.UTF_8), "test");
        assertEquals(rate, cut.rate());
        assertEquals(dropFrame, cut.dropFrame());
        return cut.events().stream().map(ImportedCut.Event::record).toList();
    }

    @Test
    void reproducesSpecSampleAt24() throws Exception {
        JsonNode sample = JSON.readTree(Files.readString(Golden.shared("samples/ep101_24fps.otio")));
        JsonNode ours = JSON.readTree(bytes(EditorialFixtures.ep101At24()));
        assertContains(sample, ours, "$");
    }

    /** Every key of the sample is in ours with an equal value, except who exported it. */
    private static void assertContains(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertTrue(actual.isObject(), path + " is not an object");
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (field.getKey().equals("exported_by")) {
                    continue;
                }
                assertTrue(actual.has(field.getKey()), path + " lacks " + field.getKey());
                assertContains(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path + " length");
            for (int i = 0; i < expected.size(); i++) {
                assertContains(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertEquals(expected.asDouble(), actual.asDouble(), 0.0, path);
        } else {
            assertEquals(expected, actual, path);
        }
    }

    @Test
    void writesNtscRatesAsTheExactFloatOtioUses() throws Exception {
        JsonNode ours = JSON.readTree(bytes(EditorialFixtures.ep101WithMarkers(FrameRate.FPS_23_976, null)));
        assertEquals(23.976023976023978, ours.path("global_start_time").path("rate").asDouble(), 0.0);
        assertEquals(86400.0, ours.path("global_start_time").path("value").asDouble(), 0.0);
    }

    @Test
    void markersSitOnTheClipInSourceFrames() throws Exception {
        JsonNode ours = JSON.readTree(bytes(EditorialFixtures.ep101WithMarkers(FrameRate.FPS_24, null)));
        JsonNode marker = ours.at("/tracks/children/0/children/1/markers/0");
        assertEquals("Marker.2", marker.path("OTIO_SCHEMA").asText());
        assertEquals("RED", marker.path("color").asText());
        assertEquals(1013.0, marker.at("/marked_range/start_time/value").asDouble(), 0.0);
        assertEquals(8.0, marker.at("/marked_range/duration/value").asDouble(), 0.0);
        assertEquals("jacket turns teal", marker.at("/metadata/review/note").asText());
    }

    @Test
    void moviesBecomeExternalReferencesAndHostileNamesSurvive() throws Exception {
        EditList edit = EditorialFixtures.hostile(FrameRate.FPS_24);
        JsonNode ours = JSON.readTree(bytes(edit));
        JsonNode movieClip = ours.at("/tracks/children/0/children/1");
        assertEquals("ExternalReference.1", movieClip.at("/media_references/DEFAULT_MEDIA/OTIO_SCHEMA").asText());
        assertEquals("file:///proj/%C3%A9p%20101/movies/take%20%3C2%3E%20&%20%22q%22.mov",
                movieClip.at("/media_references/DEFAULT_MEDIA/target_url").asText());
        assertEquals(0.0, movieClip.at("/source_range/start_time/value").asDouble(), 0.0, "movie frame 1 = time 0");
        assertEquals(EditorialFixtures.HOSTILE_SHOT, ours.at("/tracks/children/0/children/0/metadata/review/shot").asText());
        assertEquals(EditorialFixtures.HOSTILE_NOTE,
                ours.at("/tracks/children/0/children/0/markers/0/metadata/review/note").asText());
    }

    @ParameterizedTest(name = "{0} drop-frame={1}")
    @MethodSource("ratesAndModes")
    void matchesGoldenFilePerRate(FrameRate rate, boolean dropFrame) throws Exception {
        EditList edit = EditorialFixtures.ep101WithMarkers(rate, Timecode.parse(dropFrame ? "01:00:00;00" : "01:00:00:00", rate));
        String label = rate.displayName().replace(".", "") + (rate.supportsDropFrame() ? (dropFrame ? "df" : "ndf") : "");
        Golden.assertMatches("otio/ep101_" + label + ".otio", new String(bytes(edit), StandardCharsets.UTF_8));
    }

    @Test
    void clip1CompatibilityWritesOneMediaReferenceAndReadsBack() throws Exception {
        EditList edit = EditorialFixtures.ep101WithMarkers(FrameRate.FPS_24, null);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new OtioJsonExporter(OtioJsonExporter.ClipSchema.CLIP_1).write(edit, out);
        JsonNode clip = JSON.readTree(out.toByteArray()).at("/tracks/children/0/children/0");
        assertEquals("Clip.1", clip.path("OTIO_SCHEMA").asText());
        assertEquals("ImageSequenceReference.1", clip.at("/media_reference/OTIO_SCHEMA").asText());
        assertTrue(clip.path("media_references").isMissingNode());
        ImportedCut back = OtioJsonReader.parse(out.toString(StandardCharsets.UTF_8), "clip1");
        assertEquals(List.of("sh010", "sh020", "sh030"), back.shotOrder());
        assertEquals("file:///proj/ep101/sh010/comp/sh010_comp_v003.####.exr", back.events().get(0).mediaPath());
    }
}
