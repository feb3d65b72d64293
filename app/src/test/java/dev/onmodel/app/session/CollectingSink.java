package dev.onmodel.app.session;

import java.util.ArrayList;
import java.util.List;

/** A {@link FrameScoring.Sink} that keeps what a scoring job reported, for tests. */
class CollectingSink implements FrameScoring.Sink {
    final List<FrameScore> scores = new ArrayList<>();
    final List<ScoringProgress> progress = new ArrayList<>();
    final List<Exception> errors = new ArrayList<>();

    @Override
    public synchronized void scored(FrameScore score) {
        scores.add(score);
    }

    @Override
    public synchronized void progress(ScoringProgress report) {
        progress.add(report);
    }

    @Override
    public synchronized void failed(Exception error) {
        errors.add(error);
    }
}
