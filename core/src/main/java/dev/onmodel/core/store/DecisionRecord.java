package dev.onmodel.core.store;

import dev.onmodel.core.model.Decision;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One row of the audit trail. For UNDO and REDO rows {@code decision} carries who did it, when, in which pass and
 * the target's shot/variant/frames, with a {@code null} verdict; {@link #target()} names the record acted on.
 *
 * @param decision the row as a decision (its id is the row id)
 * @param action   what the row does
 * @param target   the record an UNDO or REDO acts on; empty for SET and CLEAR
 * @param inForce  for SET and CLEAR rows: false when the row is currently undone; always true for UNDO/REDO rows
 */
public record DecisionRecord(Decision decision, DecisionAction action, OptionalLong target, boolean inForce) {

    public DecisionRecord {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
    }

    public long id() {
        return decision.id();
    }
}
