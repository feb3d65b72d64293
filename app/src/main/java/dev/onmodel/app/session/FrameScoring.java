package dev.onmodel.app.session;

import dev.onmodel.core.model.Variant;

import java.util.List;

/**
 * Where a {@link StoreReviewSession} gets consistency scores: an adapter over the consistency engine that scores
 * variants in the background (cached analyses first) and streams each frame's score.
 */
public interface FrameScoring {

    /** Receives a job's results on the job's threads. */
    interface Sink {
        void scored(FrameScore score);

        void progress(ScoringProgress progress);

        /** The job stopped on an error (the last progress report follows). */
        default void failed(Exception error) {
        }
    }

    /** Starts scoring {@code variants} in the background and returns at once. */
    ScoringJob start(List<Variant> variants, Sink sink);
}
