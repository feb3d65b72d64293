package dev.onmodel.core.editorial;

import java.util.Optional;

/**
 * What the consistency engine said about one frame, as far as the hand-off needs it.
 *
 * @param frame            frame number (as in the file name)
 * @param score            consistency score 0-100, higher is more on-model
 * @param flagged          whether the engine flagged the frame for a reviewer's attention
 * @param matchedCharacter the character whose sheet matched best, or {@code null} when none matched
 * @param matchedView      the sheet view that matched best, or {@code null}
 */
public record FrameScore(long frame, double score, boolean flagged, String matchedCharacter, String matchedView) {

    public FrameScore {
        if (Double.isNaN(score) || score < 0 || score > 100) {
            throw new IllegalArgumentException("score of frame " + frame + " must be within 0-100, got " + score);
        }
    }

    /** A score without a matched sheet view. */
    public static FrameScore of(long frame, double score, boolean flagged) {
        return new FrameScore(frame, score, flagged, null, null);
    }

    public Optional<String> character() {
        return Optional.ofNullable(matchedCharacter);
    }

    public Optional<String> view() {
        return Optional.ofNullable(matchedView);
    }
}
