package dev.onmodel.core.consistency;

/** How a reviewer should treat a score: leave it, look at it, or treat it as off model. */
public enum Band {
    /** On model: nothing to look at. */
    OK,
    /** Borderline: worth a look. */
    CHECK,
    /** Off model: very likely a defect. */
    OFF_MODEL;

    /** Lower-case form used in CSV files and JSON: {@code ok}, {@code check}, {@code off-model}. */
    public String label() {
        return switch (this) {
            case OK -> "ok";
            case CHECK -> "check";
            case OFF_MODEL -> "off-model";
        };
    }
}
