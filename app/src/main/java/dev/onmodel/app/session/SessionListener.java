package dev.onmodel.app.session;

/**
 * Changes of recorded state. Callbacks run on the session's own threads (never the FX thread by contract); a UI
 * hands them over with {@code Platform.runLater}. Every method has a do-nothing default.
 */
public interface SessionListener {

    /** Decisions of this variant changed (committed here, undone, redone or recorded by another session). */
    default void decisionsChanged(String shot, String variant) {
    }

    /** A frame's consistency score arrived from a scoring job. */
    default void scoreArrived(FrameScore score) {
    }

    /** A scoring job progressed or finished. */
    default void scoringProgress(ScoringProgress progress) {
    }

    /** A scoring job stopped on an error (its last progress report follows). */
    default void scoringFailed(Exception error) {
    }

    /** The hero mark of this shot changed. */
    default void heroChanged(String shot) {
    }

    /** A pass was opened or closed. */
    default void passesChanged() {
    }

    /** The casts the engine proposed changed (a scoring run finished and recorded its casts). */
    default void castsChanged() {
    }
}
