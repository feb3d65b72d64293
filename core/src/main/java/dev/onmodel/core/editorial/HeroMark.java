package dev.onmodel.core.editorial;

import dev.onmodel.core.time.FrameRange;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer's explicit choice of the variant that goes into the cut for a shot, over the frames they approved.
 *
 * @param shot          shot name
 * @param variant       the chosen variant's name
 * @param approvedRange the frames to use, in the variant's frame numbers (start-inclusive, end-exclusive)
 * @param markedBy      who marked it
 * @param markedAt      when it was marked
 */
public record HeroMark(String shot, String variant, FrameRange approvedRange, String markedBy, Instant markedAt) {

    public HeroMark {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(approvedRange, "approvedRange");
        Objects.requireNonNull(markedBy, "markedBy");
        Objects.requireNonNull(markedAt, "markedAt");
    }
}
