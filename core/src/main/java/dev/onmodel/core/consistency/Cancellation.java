package dev.onmodel.core.consistency;

/**
 * A flag a caller raises to stop a running batch: workers check it between frames, so a batch stops within one frame
 * per thread. Thread-safe.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
