package dev.onmodel.core.consistency;

/**
 * Receives batch progress. Called from worker threads, possibly concurrently: implementations hand the numbers to
 * their own thread (e.g. {@code Platform.runLater} in the UI).
 */
@FunctionalInterface
public interface ScoringProgress {

    /**
     * @param done  frames finished so far (scored, taken from the cache or reported as unreadable)
     * @param total frames in the batch
     */
    void update(int done, int total);

    static ScoringProgress none() {
        return (done, total) -> { };
    }
}
