package dev.onmodel.core.store;

import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;

import java.util.Objects;

/**
 * A decision someone wants recorded; the store answers with the committed {@link dev.onmodel.core.model.Decision}
 * (id and time assigned at commit).
 *
 * @param shot     shot name, e.g. {@code sh010}
 * @param variant  variant name, e.g. {@code v002}
 * @param frames   frames decided, numbers as in the file names, start-inclusive and end-exclusive
 * @param verdict  the verdict, or {@code null} to clear earlier verdicts on these frames (back to undecided)
 * @param note     free text; {@code null} is stored as empty
 * @param reviewer who decides (not blank)
 * @param role     in which role
 * @param pass     the review pass; created (open) on first use, refused when closed
 */
public record DecisionRequest(String shot, String variant, FrameRange frames, Verdict verdict,
                              String note, String reviewer, Role role, String pass) {

    public DecisionRequest {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(pass, "pass");
        note = note == null ? "" : note;
    }

    /** One frame. */
    public static DecisionRequest frame(String shot, String variant, long frame, Verdict verdict, String note,
                                        String reviewer, Role role, String pass) {
        return new DecisionRequest(shot, variant, FrameRange.ofLength(frame, 1), verdict, note, reviewer, role, pass);
    }

    /** First and last frame inclusive, as people and the CSV name them. */
    public static DecisionRequest range(String shot, String variant, long first, long last, Verdict verdict,
                                        String note, String reviewer, Role role, String pass) {
        return new DecisionRequest(shot, variant, FrameRange.ofInclusive(first, last), verdict, note, reviewer, role,
                pass);
    }
}
