package dev.onmodel.core.editorial.otio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.onmodel.core.editorial.HeroRule;
import dev.onmodel.core.editorial.ImportedCut;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first video track of an OpenTimelineIO JSON file back into an {@link ImportedCut}: clips (Clip.1 and
 * Clip.2) and gaps in track order, record positions summed from the global start. OnModel's {@code review}
 * metadata restores shot, variant and hero rule; other files fall back to clip names.
 */
public final class OtioJsonReader {

    private OtioJsonReader() {
    }

    /** Reads {@code file}; errors name it. */
    public static ImportedCut read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses OTIO JSON text.
     *
     * @throws IOException naming {@code sourceName} when it is not a Timeline or holds what a cut order cannot
     *                     express (nested stacks)
     */
    public static ImportedCut parse(String json, String sourceName) throws IOException {
        JsonNode root;
        try {
            root = OtioJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IOException(sourceName + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("OTIO_SCHEMA").asText().startsWith("Timeline.")) {
            throw new IOException(sourceName + ": not an OpenTimelineIO timeline (no Timeline OTIO_SCHEMA)");
        }
        JsonNode track = null;
        for (JsonNode candidate : root.path("tracks").path("children")) {
            if ("Video".equals(candidate.path("kind").asText())) {
                track = candidate;
                break;
            }
        }
        if (track == null) {
            throw new IOException(sourceName + ": the timeline has no video track");
        }
        JsonNode start = root.path("global_start_time");
        FrameRate rate;
        try {
            rate = start.isObject() ? rateOf(start.path("rate").asDouble()) : firstRate(track, sourceName);
        } catch (IllegalArgumentException e) {
            throw new IOException(sourceName + ": " + e.getMessage(), e);
        }
        long record = start.isObject() ? frames(start, rate) : 0;
        long recordStart = record;
        JsonNode review = root.path("metadata").path(OtioJsonExporter.NAMESPACE);
        boolean dropFrame = review.path("drop_frame").asBoolean(false) && rate.supportsDropFrame();

        List<ImportedCut.Event> events = new ArrayList<>();
        int index = 0;
        for (JsonNode item : track.path("children")) {
            index++;
            String schema = item.path("OTIO_SCHEMA").asText();
            String where = sourceName + ": track item " + index;
            if (schema.startsWith("Transition.")) {
                continue; // transitions overlap neighbours and take no record time of their own
            }
            if (!schema.startsWith("Clip.") && !schema.startsWith("Gap.")) {
                throw new IOException(where + ": " + schema + " is not supported in a cut order (clips and gaps only)");
            }
            boolean gap = schema.startsWith("Gap.");
            JsonNode media = gap ? null : activeReference(item);
            JsonNode range = item.path("source_range");
            if (!range.isObject() && media != null) {
                range = media.path("available_range");
            }
            if (!range.isObject()) {
                throw new IOException(where + ": no source_range");
            }
            FrameRange source = FrameRange.ofLength(frames(range.path("start_time"), rate), frames(range.path("duration"), rate));
            FrameRange recordRange = FrameRange.ofLength(record, source.length());
            record = recordRange.endExclusive();
            JsonNode meta = item.path("metadata").path(OtioJsonExporter.NAMESPACE);
            String name = item.path("name").asText("");
            String shot = meta.path("shot").isTextual() ? meta.path("shot").asText() : name;
            String variant = meta.path("variant").isTextual() ? meta.path("variant").asText() : null;
            HeroRule rule = null;
            if (meta.path("hero_rule").isTextual()) {
                try {
                    rule = HeroRule.fromId(meta.path("hero_rule").asText());
                } catch (IllegalArgumentException e) {
                    throw new IOException(where + ": " + e.getMessage(), e);
                }
            }
            List<ImportedCut.Marker> markers = new ArrayList<>();
            for (JsonNode marker : item.path("markers")) {
                JsonNode marked = marker.path("marked_range");
                markers.add(new ImportedCut.Marker(frames(marked.path("start_time"), rate),
                        frames(marked.path("duration"), rate), marker.path("color").asText(""),
                        marker.path("name").asText("")));
            }
            events.add(new ImportedCut.Event(shot, variant, rule, gap ? "" : name, gap, gap ? FrameRange.ofLength(0, source.length()) : source,
                    recordRange, media == null ? "" : mediaPath(media), markers));
        }
        return new ImportedCut(root.path("name").asText(""), rate, dropFrame, recordStart, events);
    }

    private static JsonNode activeReference(JsonNode clip) {
        if (clip.has("media_references")) {
            String key = clip.path("active_media_reference_key").asText("DEFAULT_MEDIA");
            return clip.path("media_references").path(key);
        }
        return clip.path("media_reference");
    }

    private static String mediaPath(JsonNode reference) {
        String schema = reference.path("OTIO_SCHEMA").asText();
        if (schema.startsWith("ImageSequenceReference.")) {
            return reference.path("target_url_base").asText("") + reference.path("name_prefix").asText("")
                    + "#".repeat(Math.max(1, reference.path("frame_zero_padding").asInt(1)))
                    + reference.path("name_suffix").asText("");
        }
        return reference.path("target_url").asText("");
    }

    private static FrameRate firstRate(JsonNode track, String sourceName) throws IOException {
        for (JsonNode item : track.path("children")) {
            JsonNode rate = item.path("source_range").path("duration").path("rate");
            if (rate.isNumber()) {
                return rateOf(rate.asDouble());
            }
        }
        throw new IOException(sourceName + ": cannot tell the timeline's rate (no global_start_time and no clips)");
    }

    /** The exact rate a float stands for: 23.976023976023978 is 24000/1001. */
    static FrameRate rateOf(double value) {
        for (FrameRate standard : FrameRate.STANDARD) {
            if (Math.abs(standard.toDouble() - value) < 1e-6) {
                return standard;
            }
        }
        if (value > 0 && Math.abs(value - Math.rint(value)) < 1e-9) {
            return FrameRate.of((int) Math.rint(value));
        }
        throw new IllegalArgumentException("unsupported OTIO rate " + value);
    }

    /** A RationalTime as frames at {@code rate}, rounded to the nearest frame. */
    private static long frames(JsonNode time, FrameRate rate) {
        double value = time.path("value").asDouble(0);
        double itemRate = time.path("rate").asDouble(rate.toDouble());
        return Math.round(value * rate.toDouble() / itemRate);
    }
}
