package dev.onmodel.core.consistency;

import java.util.Objects;

/**
 * How well one character in one frame matches its approved sheets, with the explanation a reviewer reads.
 *
 * @param character   the character name
 * @param score       0-100, 100 = on model
 * @param band        the band of {@code score} under the project's thresholds
 * @param colour      colour component 0-100: the found pixels' CIELAB colours against the best view's palette
 * @param shape       shape component 0-100: proportions (area over height squared, spread) against the closest view,
 *                    mirror- and scale-invariant
 * @param temporal    temporal component 0-100: 100 when the character looks like it does in the neighbouring frames;
 *                    {@link Double#NaN} when the frame was scored without neighbours
 * @param view        the sheet view that matched best
 * @param box         where the character was found, in frame pixels
 * @param explanation one short sentence: "on model (matches 'front')", "costume colour differs from the 'front'
 *                    view", "sudden change from frame 1011"
 */
public record CharacterScore(String character, double score, Band band, double colour, double shape, double temporal,
                             String view, Box box, String explanation) {

    public CharacterScore {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(explanation, "explanation");
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score out of 0..100: " + score);
        }
    }

    /** True when the temporal component was measured. */
    public boolean hasTemporal() {
        return !Double.isNaN(temporal);
    }
}
