package dev.onmodel.core.store;

import dev.onmodel.core.time.FrameRange;

import java.time.Instant;
import java.util.Objects;

/**
 * A shot's chosen (hero) variant and the frames of it approved for the cut, which the editorial export reads.
 * Choices are append-only: the latest one is in force, earlier ones stay in the history.
 *
 * @param id         store-assigned, increasing
 * @param approved   approved frames of the variant (file-name numbers), start-inclusive, end-exclusive
 * @param chosenBy   reviewer who chose it
 */
public record HeroChoice(long id, String shot, String variant, FrameRange approved, String chosenBy, String note,
                         Instant recordedAt) {

    public HeroChoice {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(approved, "approved");
        Objects.requireNonNull(chosenBy, "chosenBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        note = note == null ? "" : note;
    }
}
