package dev.onmodel.app.session;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a background scoring job is.
 *
 * @param done      frames scored (or failed) so far
 * @param total     frames the job will score
 * @param failed    frames that could not be scored (unreadable); the rest continue
 * @param remaining estimated time left, once enough frames were timed
 * @param finished  true for the last report of the job (completed or cancelled)
 * @param cancelled true when the job stopped because it was cancelled
 */
public record ScoringProgress(long done, long total, long failed, Optional<Duration> remaining, boolean finished,
                              boolean cancelled) {

    public double fraction() {
        return total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }
}
