package dev.onmodel.app.session;

import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;

import java.util.Objects;

/**
 * A decision the reviewer asked for, before the store committed it. The session adds who, role, pass and time.
 *
 * @param frames  frames of the variant, numbered as in the file names, start-inclusive and end-exclusive
 * @param verdict the verdict, or {@code null} to clear earlier verdicts on these frames
 * @param note    free text, never null (empty when none)
 */
public record DecisionDraft(String shot, String variant, FrameRange frames, Verdict verdict, String note) {

    public DecisionDraft {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(frames, "frames");
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one frame");
        }
        note = note == null ? "" : note.strip();
    }

    /** "approve 1001-1012 of sh010/v002": how status lines and error messages name the draft. */
    public String describe() {
        return (verdict == null ? "clear" : verdict.word()) + " " + frames + " of " + shot + "/" + variant;
    }
}
