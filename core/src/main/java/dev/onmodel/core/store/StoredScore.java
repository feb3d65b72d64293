package dev.onmodel.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One character's consistency score of one frame, as persisted ({@code frame_score}). The store keeps the fields it
 * is asked about as columns and the rest of the explanation as the engine's JSON {@code payload}, so it needs to know
 * nothing about how a score is made.
 *
 * @param frame         frame number from the file name (1001, ...)
 * @param engineVersion the engine fingerprint the score was made with
 * @param score         0-100, 100 = on model
 * @param band          the band label ("ok", "check", "off-model")
 * @param view          the sheet view that matched best
 * @param payload       JSON: components, box, explanation
 * @param path          the frame file, relative to the media root with '/' (what rescan invalidation matches)
 * @param scoredAt      when the score was made
 */
public record StoredScore(String shot, String variant, long frame, String character, String engineVersion,
                          double score, String band, String view, String payload, String path, Instant scoredAt) {

    public StoredScore {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scoredAt, "scoredAt");
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score of " + shot + "/" + variant + " frame " + frame
                    + " out of 0..100: " + score);
        }
    }

    public VariantKey variantKey() {
        return new VariantKey(shot, variant);
    }
}
