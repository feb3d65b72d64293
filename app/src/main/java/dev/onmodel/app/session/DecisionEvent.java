package dev.onmodel.app.session;

import dev.onmodel.core.model.Decision;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One committed row of the append-only decision log as the session mirrors it. Undo and redo are rows of their own
 * that name the row they act on, so nothing recorded is ever overwritten.
 *
 * @param decision who, role, pass, when, frames and (for SET) verdict and note; for UNDO/REDO rows the frames and
 *                 variant of the target and a {@code null} verdict
 * @param kind     what the row does
 * @param target   for UNDO and REDO: the id of the SET or CLEAR row acted on
 */
public record DecisionEvent(Decision decision, Kind kind, OptionalLong target) {

    /** What a row does to the effective state. */
    public enum Kind {
        /** Sets a verdict on its frames. */
        SET,
        /** Clears earlier verdicts on its frames (back to undecided). */
        CLEAR,
        /** Withdraws its target; the frames show what they showed before it. */
        UNDO,
        /** Puts its target back in force. */
        REDO
    }

    public DecisionEvent {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        if ((kind == Kind.UNDO || kind == Kind.REDO) != target.isPresent()) {
            throw new IllegalArgumentException(kind + " row " + decision.id() + (target.isPresent()
                    ? " must not name a target" : " must name the row it acts on"));
        }
    }

    public long id() {
        return decision.id();
    }

    /** True for SET and CLEAR rows, the ones that change verdicts. */
    public boolean isVerdictRow() {
        return kind == Kind.SET || kind == Kind.CLEAR;
    }
}
