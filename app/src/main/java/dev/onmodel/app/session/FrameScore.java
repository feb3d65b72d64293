package dev.onmodel.app.session;

import dev.onmodel.core.model.SheetView;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The consistency engine's verdict on one frame, as the workstation shows it.
 *
 * @param frame       frame number as in the file name
 * @param score       0-100, higher is more on-model
 * @param band        ok / check / off-model
 * @param components  the signals behind the score
 * @param character   the character this score is about (the worst-scoring one when several are cast)
 * @param matchedView the approved sheet view that matched best
 * @param box         where the character was found
 * @param explanation one sentence a reviewer can read ("hue shifted 24° on the jacket")
 */
public record FrameScore(String shot, String variant, long frame, int score, ScoreBand band,
                         List<ScoreComponent> components, Optional<String> character,
                         Optional<SheetView> matchedView, Optional<CharacterBox> box, String explanation) {

    public FrameScore {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(band, "band");
        components = List.copyOf(components);
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(matchedView, "matchedView");
        Objects.requireNonNull(box, "box");
        explanation = explanation == null ? "" : explanation;
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score " + score + " of frame " + frame + " is outside 0-100");
        }
    }
}
