package dev.onmodel.core.editorial;

import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cut read back from an edit-list file: the order of shots and the ranges used, enough to rebuild a cut order
 * or to check a round trip.
 *
 * @param title       the edit's name
 * @param rate        the rate its timecodes count at
 * @param dropFrame   whether its labels are drop-frame
 * @param recordStart first record frame
 * @param events      events in record order
 */
public record ImportedCut(String title, FrameRate rate, boolean dropFrame, long recordStart, List<Event> events) {

    public ImportedCut {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rate, "rate");
        events = List.copyOf(events);
    }

    /** Shot names in cut order (gaps included, they stand for shots too). */
    public List<String> shotOrder() {
        return events.stream().map(Event::shot).toList();
    }

    /**
     * One event read back.
     *
     * @param shot      the shot name (from OnModel's own annotations, else the clip name)
     * @param variant   the variant name when the file says it, else {@code null}
     * @param rule      the hero rule when the file says it, else {@code null}
     * @param clipName  the clip name as written
     * @param gap       true for black / a gap
     * @param source    source frames (frame numbers for sequences); {@code 0..length} for gaps
     * @param record    record frames
     * @param mediaPath the media path or URL as written, or empty
     * @param markers   markers on the event
     */
    public record Event(String shot, String variant, HeroRule rule, String clipName, boolean gap, FrameRange source,
                        FrameRange record, String mediaPath, List<Marker> markers) {
        public Event {
            Objects.requireNonNull(shot, "shot");
            markers = List.copyOf(markers);
            mediaPath = mediaPath == null ? "" : mediaPath;
        }

        public Optional<String> variantIfKnown() {
            return Optional.ofNullable(variant);
        }
    }

    /**
     * A marker read back.
     *
     * @param frame  first marked source frame
     * @param length marked length in frames (0 when the format stores a point)
     * @param color  colour name as written
     * @param text   the marker's text
     */
    public record Marker(long frame, long length, String color, String text) {
    }
}
