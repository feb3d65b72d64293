package dev.onmodel.core.editorial;

import dev.onmodel.core.time.FrameRange;

import java.util.Objects;

/**
 * Black where a shot has no approved variant (missing-shot policy {@link MissingPolicy#GAP}), so the cut keeps
 * its length and the editor sees what is missing.
 *
 * @param shot   the shot that is missing
 * @param record the timeline frames left black
 * @param reason why, for people
 */
public record GapEvent(String shot, FrameRange record, String reason) implements EditEvent {

    public GapEvent {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(record, "record");
        reason = reason == null ? "" : reason;
    }
}
