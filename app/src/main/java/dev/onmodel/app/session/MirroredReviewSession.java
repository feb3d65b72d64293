package dev.onmodel.app.session;

import dev.onmodel.core.model.Decision;
import dev.onmodel.core.time.FrameRange;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every review session keeps in memory for the window, whatever records the decisions: who reviews in which
 * pass, the mirror of the decision log (effective verdicts, history), the scores that arrived, this session's undo
 * history and the listeners. Subclasses record decisions and answer for passes and heroes.
 */
abstract class MirroredReviewSession implements ReviewSession {

    protected final DecisionMirror mirror = new DecisionMirror();
    protected final ScoreMirror scores = new ScoreMirror();
    protected final UndoHistory undo = new UndoHistory();
    protected final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    protected final Reviewer reviewer;
    protected final String pass;

    protected MirroredReviewSession(Reviewer reviewer, String pass) {
        this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
        this.pass = Objects.requireNonNull(pass, "pass");
    }

    @Override
    public Reviewer reviewer() {
        return reviewer;
    }

    @Override
    public String pass() {
        return pass;
    }

    @Override
    public Optional<Decision> effectiveDecision(String shot, String variant, long frame) {
        return mirror.effective(shot, variant, frame);
    }

    @Override
    public Decision[] decisions(String shot, String variant, FrameRange frames) {
        return mirror.decisions(shot, variant, frames);
    }

    @Override
    public List<HistoryEntry> history(String shot, String variant, long frame) {
        return mirror.history(shot, variant, frame);
    }

    @Override
    public Optional<FrameScore> score(String shot, String variant, long frame) {
        return scores.get(shot, variant, frame);
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public boolean canUndo() {
        return undo.canUndo();
    }

    @Override
    public boolean canRedo() {
        return undo.canRedo();
    }

    /** Where a scoring job's results go: into the score mirror, then to the listeners. */
    protected FrameScoring.Sink scoreSink() {
        return new FrameScoring.Sink() {
            @Override
            public void scored(FrameScore score) {
                scores.put(score);
                listeners.forEach(l -> l.scoreArrived(score));
            }

            @Override
            public void progress(ScoringProgress progress) {
                listeners.forEach(l -> l.scoringProgress(progress));
            }

            @Override
            public void failed(Exception error) {
                listeners.forEach(l -> l.scoringFailed(error));
            }
        };
    }
}
