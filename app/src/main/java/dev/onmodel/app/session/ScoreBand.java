package dev.onmodel.app.session;

/** How a consistency score reads at a glance. Thresholds come from the preferences (or the engine's defaults). */
public enum ScoreBand {
    /** On model. */
    OK,
    /** Worth a look. */
    CHECK,
    /** Off model: the character drifted, swapped or deformed. */
    OFF_MODEL;

    /**
     * @param score           0-100, higher is more on-model
     * @param checkBelow      scores below this are at least CHECK
     * @param offModelBelow   scores below this are OFF_MODEL
     */
    public static ScoreBand of(int score, int checkBelow, int offModelBelow) {
        if (score < offModelBelow) {
            return OFF_MODEL;
        }
        return score < checkBelow ? CHECK : OK;
    }

    /** "ok", "check", "off-model": the words the report and the CLI use. */
    public String word() {
        return switch (this) {
            case OK -> "ok";
            case CHECK -> "check";
            case OFF_MODEL -> "off-model";
        };
    }
}
