package dev.onmodel.core.editorial;

import dev.onmodel.core.model.Verdict;

/**
 * Marker colours, named as OpenTimelineIO and CMX {@code LOC} lines name them, so every format carries the same
 * meaning: red for rejected frames, yellow for rework, magenta for an unapproved stand-in.
 */
public enum MarkerColor {
    RED, YELLOW, MAGENTA, GREEN, BLUE;

    /** The colour for frames decided {@code verdict}. */
    public static MarkerColor of(Verdict verdict) {
        return switch (verdict) {
            case REJECT -> RED;
            case REWORK -> YELLOW;
            case APPROVE -> GREEN;
        };
    }
}
