package dev.onmodel.core.store;

import java.util.Locale;

/** What a row of the append-only decision log does. */
public enum DecisionAction {
    /** Sets a verdict on its frames. */
    SET,
    /** Clears earlier verdicts on its frames (back to undecided). */
    CLEAR,
    /** Withdraws an earlier SET or CLEAR record (its target); the frames show what they showed before it. */
    UNDO,
    /** Puts an undone record back in force. */
    REDO;

    /** The word stored in the database and written to CSV. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DecisionAction fromWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
