package dev.onmodel.app.session;

import dev.onmodel.core.model.Decision;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a frame's history: a decision covering the frame, whether it is still in force, and which later
 * decision of a higher-ranked role overruled it (a director over an animator), so both stay visible.
 *
 * @param overruledBy a later, in-force decision on this frame by a role of higher authority with another verdict
 */
public record HistoryEntry(DecisionEvent event, boolean inForce, Optional<Decision> overruledBy) {

    public HistoryEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(overruledBy, "overruledBy");
    }

    public Decision decision() {
        return event.decision();
    }
}
