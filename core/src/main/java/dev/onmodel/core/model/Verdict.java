package dev.onmodel.core.model;

import java.util.Locale;

/** What a reviewer decided about a frame. "Undecided" is the absence of a decision, not a verdict. */
public enum Verdict {
    APPROVE,
    REJECT,
    /** Usable direction, but the frames must be fixed and brought back. */
    REWORK;

    /** Reads {@code approve}, {@code approved}, {@code A}, {@code reject}, {@code R}, {@code rework}, {@code W} (any case). */
    public static Verdict parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "approve": case "approved": case "a": return APPROVE;
            case "reject": case "rejected": case "r": return REJECT;
            case "rework": case "w": return REWORK;
            default: throw new IllegalArgumentException("unknown verdict '" + text + "' (use approve, reject or rework)");
        }
    }

    /** The lower-case word used in CSV, CLI and reports. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
