package dev.onmodel.core.editorial;

import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.time.FrameRange;

import java.util.List;
import java.util.Objects;

/**
 * A shot's chosen variant over its used frames.
 *
 * @param shot       shot name
 * @param variant    the variant used, with its media
 * @param rule       which rule chose it
 * @param ruleDetail who/when/why, for people ({@code marked by dana 2026-11-20T10:00:00Z})
 * @param source     the used frames, in the variant's frame numbers
 * @param record     the timeline frames the clip occupies; same length as {@code source}
 * @param markers    notes on frames inside {@code source}, in frame order
 */
public record ClipEvent(String shot, Variant variant, HeroRule rule, String ruleDetail, FrameRange source,
                        FrameRange record, List<EditMarker> markers) implements EditEvent {

    public ClipEvent {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(record, "record");
        ruleDetail = ruleDetail == null ? "" : ruleDetail;
        markers = List.copyOf(markers);
        if (source.length() != record.length()) {
            throw new IllegalArgumentException("shot " + shot + ": source " + source + " and record " + record
                    + " differ in length");
        }
    }

    /**
     * The clip's name as editors see it: the media's own name ({@code sh010_comp_v003} for
     * {@code sh010_comp_v003.####.exr}, the file name without extension for a movie).
     */
    public String clipName() {
        if (variant.media() instanceof ImageSequence sequence) {
            return sequence.prefix();
        }
        String file = ((MovieMedia) variant.media()).file().getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /**
     * How far source time is from frame numbers. An image sequence's frame number is its source time (frame 1001
     * at 24 fps = 00:00:41:17, SPEC convention shared with OpenTimelineIO); a movie's first frame is at its embedded
     * start timecode ({@link MovieMedia#sourceStart}, 00:00:00:00 without one), whatever number the project gives
     * that frame.
     */
    public long sourceTimeOffset() {
        return variant.media() instanceof MovieMedia movie ? movie.firstFrame() - movie.sourceStart() : 0;
    }

    /** The used frames as source time (what EDL source columns, FCPXML clip start and OTIO source_range hold). */
    public FrameRange sourceTime() {
        return source.shift(-sourceTimeOffset());
    }

    /** All of the media's frames as source time (asset / available range). */
    public FrameRange availableTime() {
        return variant.media().range().shift(-sourceTimeOffset());
    }
}
