package dev.onmodel.core.sample;

/**
 * Told how far a sample generation has come. Called on the thread that runs
 * {@link SampleProjectGenerator#generate}, once per written file, with {@code done} rising from 1 to {@code total};
 * a listener should be quick (a UI hands the numbers to its own thread).
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  files written so far
     * @param total files the generation writes in all
     */
    void progress(int done, int total);
}
