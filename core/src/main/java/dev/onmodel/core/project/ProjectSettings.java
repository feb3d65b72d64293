package dev.onmodel.core.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The optional {@code project.json}: what the folder structure cannot say. Every field may be missing.
 *
 * @param name      project name (default: folder name)
 * @param frameRate edit rate as text ({@code 24}, {@code 24000/1001}); default 24
 * @param shots     shots in cut order with cut length, rate and cast; shots found on disk but not listed are
 *                  appended in name order
 * @param thresholds the score bands of the project; null: the engine's defaults
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSettings(String name, String frameRate, List<ShotSettings> shots, Thresholds thresholds) {

    /** Settings without score thresholds (the engine's defaults apply). */
    public ProjectSettings(String name, String frameRate, List<ShotSettings> shots) {
        this(name, frameRate, shots, null);
    }

    /**
     * The project's score bands, which every scoring of it uses (the window, {@code onmodel score --project}, the
     * exports): a studio sets how strict a show is once, for every reviewer and pipeline. Whole scores, so that the
     * window's bands (whole scores) are the stored ones; a missing value keeps the engine's default.
     *
     * @param ok       scores at or above this are ok (engine default 85)
     * @param offModel scores below this are off-model (engine default 65); between the two a frame is to check
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Thresholds(Double ok, Double offModel) {

        /**
         * The thresholds with the missing ones from {@code defaultOk} and {@code defaultOffModel}.
         *
         * @throws IllegalArgumentException saying which value is wrong: not a whole score from 0 to 100, or the
         *                                  off-model threshold above the ok one
         */
        public int[] resolve(int defaultOk, int defaultOffModel) {
            int resolvedOk = whole("ok", ok, defaultOk);
            int resolvedOff = whole("offModel", offModel, defaultOffModel);
            if (resolvedOff > resolvedOk) {
                throw new IllegalArgumentException("thresholds: offModel (" + resolvedOff + ") must not be above ok ("
                        + resolvedOk + ")");
            }
            return new int[] {resolvedOk, resolvedOff};
        }

        private static int whole(String name, Double value, int fallback) {
            if (value == null) {
                return fallback;
            }
            if (value < 0 || value > 100 || value != Math.rint(value)) {
                throw new IllegalArgumentException("thresholds: " + name + " must be a whole score from 0 to 100, not "
                        + value);
            }
            return value.intValue();
        }
    }

    /** One shot's entry; {@code cutLength} null means "the length of its longest variant". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShotSettings(String name, Long cutLength, String frameRate, List<String> cast) {
    }
}
