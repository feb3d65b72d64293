package dev.onmodel.app.session;

import dev.onmodel.core.time.FrameRange;

import java.time.Instant;
import java.util.Objects;

/**
 * A shot's chosen (hero) variant and the frames of it approved for the cut; the latest mark is in force.
 *
 * @param approved approved frames of the variant (file-name numbers), start-inclusive, end-exclusive
 */
public record HeroMark(String shot, String variant, FrameRange approved, String chosenBy, String note,
                       Instant recordedAt) {

    public HeroMark {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(approved, "approved");
        Objects.requireNonNull(chosenBy, "chosenBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        note = note == null ? "" : note;
    }
}
