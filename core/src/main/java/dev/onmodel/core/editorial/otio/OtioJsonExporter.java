package dev.onmodel.core.editorial.otio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onmodel.core.editorial.ClipEvent;
import dev.onmodel.core.editorial.EditEvent;
import dev.onmodel.core.editorial.EditList;
import dev.onmodel.core.editorial.EditMarker;
import dev.onmodel.core.editorial.GapEvent;
import dev.onmodel.core.editorial.TimelineExporter;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.time.FrameRate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes OpenTimelineIO JSON ({@code .otio}) readable by OpenTimelineIO 0.15+, as {@code shared/nle/SPEC.md} §4
 * describes it: Timeline.1 → Stack.1 → one Video Track.1 of Clip.2 and Gap.1 items. Image sequences become
 * ImageSequenceReference.1 (source range in frame numbers), movies ExternalReference.1. Markers sit on the clip
 * in its source time. OnModel's facts go under the {@code review} metadata namespace, which
 * {@link OtioJsonReader} reads back.
 */
public final class OtioJsonExporter implements TimelineExporter {

    /** Metadata namespace for OnModel's annotations (SPEC §4 example). */
    static final String NAMESPACE = "review";

    /** Which clip schema to write. */
    public enum ClipSchema {
        /** {@code Clip.2} with {@code media_references}: OpenTimelineIO 0.15 and later (the default). */
        CLIP_2,
        /** {@code Clip.1} with a single {@code media_reference}, for readers older than 0.15 (SPEC §4). */
        CLIP_1
    }

    private final ClipSchema clipSchema;

    /** Writes {@code Clip.2}. */
    public OtioJsonExporter() {
        this(ClipSchema.CLIP_2);
    }

    public OtioJsonExporter(ClipSchema clipSchema) {
        this.clipSchema = java.util.Objects.requireNonNull(clipSchema, "clipSchema");
    }

    @Override
    public String formatId() {
        return "otio";
    }

    @Override
    public String fileExtension() {
        return "otio";
    }

    @Override
    public void write(EditList edit, OutputStream out) throws IOException {
        ObjectNode timeline = timeline(edit);
        JsonGenerator generator = OtioJson.MAPPER.getFactory().createGenerator(out);
        // Non-ASCII stays UTF-8 (OTIO reads it); control characters are escaped by the generator.
        OtioJson.writer().writeValue(generator, timeline);
        out.write('\n');
        out.flush();
    }

    /** The timeline as a JSON tree. */
    public ObjectNode timeline(EditList edit) {
        FrameRate rate = edit.rate();
        ObjectNode timeline = OtioJson.MAPPER.createObjectNode();
        timeline.put("OTIO_SCHEMA", "Timeline.1");
        timeline.put("name", edit.title());
        timeline.set("global_start_time", OtioJson.rationalTime(edit.recordStart(), rate));
        ObjectNode review = timeline.putObject("metadata").putObject(NAMESPACE);
        review.put("fps", rate.displayName());
        review.put("exported_by", "OnModel");
        review.put("project", edit.projectName());
        review.put("drop_frame", edit.dropFrame());
        review.put("start_timecode", edit.timecode(edit.recordStart()));
        ArrayNode warnings = review.putArray("warnings");
        edit.warnings().forEach(warnings::add);

        ObjectNode stack = timeline.putObject("tracks");
        stack.put("OTIO_SCHEMA", "Stack.1");
        stack.put("name", "tracks");
        ObjectNode track = stack.putArray("children").addObject();
        track.put("OTIO_SCHEMA", "Track.1");
        track.put("name", "V1");
        track.put("kind", "Video");
        ArrayNode children = track.putArray("children");
        for (EditEvent event : edit.events()) {
            if (event instanceof ClipEvent clip) {
                children.add(clip(clip, edit, clipSchema));
            } else {
                children.add(gap((GapEvent) event, rate));
            }
        }
        return timeline;
    }

    private static ObjectNode clip(ClipEvent clip, EditList edit, ClipSchema schema) {
        FrameRate rate = edit.rate();
        ObjectNode node = OtioJson.MAPPER.createObjectNode();
        node.put("OTIO_SCHEMA", schema == ClipSchema.CLIP_2 ? "Clip.2" : "Clip.1");
        node.put("name", clip.clipName());
        node.set("source_range", OtioJson.timeRange(clip.sourceTime().start(), clip.sourceTime().length(), rate));
        ObjectNode reference = schema == ClipSchema.CLIP_2
                ? node.putObject("media_references").putObject("DEFAULT_MEDIA")
                : node.putObject("media_reference");
        if (clip.variant().media() instanceof ImageSequence sequence) {
            reference.put("OTIO_SCHEMA", "ImageSequenceReference.1");
            reference.put("name", clip.clipName());
            reference.put("target_url_base", edit.media().url(sequence.directory(), true));
            reference.put("name_prefix", sequence.prefix() + sequence.separator());
            reference.put("name_suffix", "." + sequence.extension());
            reference.put("start_frame", sequence.range().start());
            reference.put("frame_step", 1);
            reference.put("rate", rate.toDouble());
            reference.put("frame_zero_padding", sequence.padding());
            reference.put("missing_frame_policy", "error");
        } else {
            MovieMedia movie = (MovieMedia) clip.variant().media();
            reference.put("OTIO_SCHEMA", "ExternalReference.1");
            reference.put("name", clip.clipName());
            reference.put("target_url", edit.media().url(movie.file(), false));
        }
        reference.set("available_range", OtioJson.timeRange(clip.availableTime().start(), clip.availableTime().length(), rate));
        reference.putObject("metadata");
        if (schema == ClipSchema.CLIP_2) {
            node.put("active_media_reference_key", "DEFAULT_MEDIA");
        }
        ObjectNode review = node.putObject("metadata").putObject(NAMESPACE);
        review.put("shot", clip.shot());
        review.put("status", clip.rule().isApproved() ? "approved" : "not-approved");
        review.put("variant", clip.variant().name());
        review.put("hero_rule", clip.rule().id());
        review.put("hero_detail", clip.ruleDetail());
        node.putArray("effects");
        ArrayNode markers = node.putArray("markers");
        for (EditMarker marker : clip.markers()) {
            ObjectNode m = markers.addObject();
            m.put("OTIO_SCHEMA", "Marker.2");
            m.put("name", marker.title());
            m.put("comment", marker.text());
            m.put("color", marker.color().name());
            m.set("marked_range", OtioJson.timeRange(marker.frames().start() - clip.sourceTimeOffset(),
                    marker.frames().length(), rate));
            ObjectNode markerReview = m.putObject("metadata").putObject(NAMESPACE);
            markerReview.put("verdict", marker.verdict() == null ? "" : marker.verdict().word());
            markerReview.put("note", marker.note());
            markerReview.put("author", marker.author());
        }
        node.put("enabled", true);
        return node;
    }

    private static ObjectNode gap(GapEvent gap, FrameRate rate) {
        ObjectNode node = OtioJson.MAPPER.createObjectNode();
        node.put("OTIO_SCHEMA", "Gap.1");
        node.put("name", gap.shot());
        node.set("source_range", OtioJson.timeRange(0, gap.record().length(), rate));
        ObjectNode review = node.putObject("metadata").putObject(NAMESPACE);
        review.put("shot", gap.shot());
        review.put("status", "missing");
        review.put("reason", gap.reason());
        node.putArray("effects");
        node.putArray("markers");
        node.put("enabled", true);
        return node;
    }
}
