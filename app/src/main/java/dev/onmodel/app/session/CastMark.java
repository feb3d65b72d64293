package dev.onmodel.app.session;

import java.util.Objects;

/**
 * One cast character's score in a frame and where it was found: in a shot with several characters the viewer frames
 * each of them, not only the worst-scoring one the headline names.
 *
 * @param score 0-100, as in {@link FrameScore#score()}
 */
public record CastMark(String character, int score, CharacterBox box) {

    public CastMark {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(box, "box");
    }
}
