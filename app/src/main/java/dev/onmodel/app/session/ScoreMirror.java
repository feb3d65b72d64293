package dev.onmodel.app.session;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Scores known to the session (cached from earlier runs or streamed by a job), readable from any thread. */
public final class ScoreMirror {

    private final Map<Key, FrameScore> scores = new ConcurrentHashMap<>();

    private record Key(String shot, String variant, long frame) {
    }

    public void put(FrameScore score) {
        scores.put(new Key(score.shot(), score.variant(), score.frame()), score);
    }

    public Optional<FrameScore> get(String shot, String variant, long frame) {
        return Optional.ofNullable(scores.get(new Key(shot, variant, frame)));
    }

    public int size() {
        return scores.size();
    }
}
