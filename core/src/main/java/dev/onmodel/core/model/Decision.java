package dev.onmodel.core.model;

import dev.onmodel.core.time.FrameRange;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded verdict on a frame range of a variant. Decisions are append-only: a later decision on the same
 * frames supersedes an earlier one for display, and the earlier one stays in the history.
 *
 * @param id        store-assigned sequence number (0 before it is recorded); later decisions have larger ids
 * @param shot      shot name, e.g. {@code sh010}
 * @param variant   variant name within the shot, e.g. {@code v002}
 * @param frames    the frames decided (numbers as in the file names), start-inclusive, end-exclusive
 * @param verdict   approve, reject or rework; {@code null} for a record that clears earlier decisions (undo)
 * @param note      free text, may be empty
 * @param reviewer  who decided
 * @param role      in which role
 * @param pass      the review pass it was made in
 * @param recordedAt when it was committed
 */
public record Decision(long id, String shot, String variant, FrameRange frames, Verdict verdict, String note,
                       String reviewer, Role role, String pass, Instant recordedAt) {

    public Decision {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(recordedAt, "recordedAt");
        note = note == null ? "" : note;
    }

    /** True when this record clears earlier verdicts on its frames rather than setting one. */
    public boolean isClear() {
        return verdict == null;
    }
}
