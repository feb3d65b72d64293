package dev.onmodel.core.consistency;

/**
 * The knobs of the consistency engine. Defaults ({@link #defaults()}) were set on the development set described in
 * docs/consistency-scoring.md; projects may override the band thresholds.
 *
 * @param okThreshold       scores at or above this are {@link Band#OK}; default 85 (on the development set, about
 *                          5% of on-model frames score below it). Raise it to see more frames
 *                          in the check band.
 * @param offModelThreshold scores below this are {@link Band#OFF_MODEL}; default 65. Between the two thresholds a
 *                          frame is {@link Band#CHECK}.
 * @param workingSize       the longest side, in pixels, frames are read at for analysis (subsampled while
 *                          decoding); default 640. Smaller is faster and coarser; 4K frames are subsampled 6:1.
 * @param maxPixels         frames whose header declares more pixels than this are refused before decoding;
 *                          default 16384 x 16384.
 */
public record ScoringSettings(double okThreshold, double offModelThreshold, int workingSize, long maxPixels) {

    public ScoringSettings {
        if (!(offModelThreshold >= 0 && offModelThreshold <= okThreshold && okThreshold <= 100)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= off-model (" + offModelThreshold
                    + ") <= ok (" + okThreshold + ") <= 100");
        }
        if (workingSize < 64 || workingSize > 4096) {
            throw new IllegalArgumentException("working size must be within 64..4096 pixels, was " + workingSize);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("max pixels must be positive, was " + maxPixels);
        }
    }

    public static ScoringSettings defaults() {
        return new ScoringSettings(85, 65, 640, 16384L * 16384L);
    }

    public ScoringSettings withThresholds(double ok, double offModel) {
        return new ScoringSettings(ok, offModel, workingSize, maxPixels);
    }

    /** The band of {@code score} under these thresholds. */
    public Band band(double score) {
        if (score >= okThreshold) {
            return Band.OK;
        }
        return score >= offModelThreshold ? Band.CHECK : Band.OFF_MODEL;
    }
}
