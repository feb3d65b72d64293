package dev.onmodel.app.session;

import java.util.concurrent.CompletableFuture;

/** A running background scoring job: scores stream to the session's listeners while it runs. */
public interface ScoringJob {

    /** Asks the job to stop after the frame in hand; scores already delivered stay. */
    void cancel();

    /** Completes with the final progress (finished, maybe cancelled) on the job's thread. */
    CompletableFuture<ScoringProgress> completion();
}
