package dev.onmodel.core.editorial;

import java.util.Locale;

/** What the edit list does with a shot that has no approved variant. */
public enum MissingPolicy {
    /** Leave a gap (black slug) of the shot's cut length, so the cut keeps its timing. */
    GAP,
    /** Use the best-scoring variant and mark it as not approved. */
    BEST,
    /** Export nothing and list the shots that are missing (the default: nobody ships an unapproved shot by accident). */
    FAIL;

    /** Reads {@code gap}, {@code best} or {@code fail} (any case). */
    public static MissingPolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown missing-shot policy '" + text + "' (use gap, best or fail)");
        }
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
