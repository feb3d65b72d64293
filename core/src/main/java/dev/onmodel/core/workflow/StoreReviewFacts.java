package dev.onmodel.core.workflow;

import dev.onmodel.core.editorial.FrameScore;
import dev.onmodel.core.editorial.HeroMark;
import dev.onmodel.core.editorial.ReviewFacts;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.store.DecisionFilter;
import dev.onmodel.core.store.HeroChoice;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.store.VariantKey;
import dev.onmodel.core.consistency.Band;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The editorial hand-off's {@link ReviewFacts} read from a project's review store: hero marks from the hero choices
 * in force, the decisions in force (undone ones left out, as the store's log means them), the effective decision
 * per frame as the store computes it, and per-frame scores from the persisted consistency scores.
 *
 * <p>Everything is read once, when the facts are {@linkplain #load loaded}, from one store state: an export sees
 * one consistent picture even while reviewers keep deciding, and a store failure surfaces at load (with the store's
 * message), never halfway through writing a file.
 */
public final class StoreReviewFacts implements ReviewFacts {

    private final Map<String, HeroMark> heroes;
    private final List<Decision> decisions;
    private final Map<VariantKey, NavigableMap<Long, Decision>> effective;
    private final Map<VariantKey, NavigableMap<Long, FrameScore>> scores;

    private StoreReviewFacts(Map<String, HeroMark> heroes, List<Decision> decisions,
                             Map<VariantKey, NavigableMap<Long, Decision>> effective,
                             Map<VariantKey, NavigableMap<Long, FrameScore>> scores) {
        this.heroes = heroes;
        this.decisions = decisions;
        this.effective = effective;
        this.scores = scores;
    }

    /** Reads hero choices, decisions and scores from {@code store}. */
    public static StoreReviewFacts load(ReviewStore store) throws StoreException {
        Map<String, HeroMark> heroes = new TreeMap<>();
        for (HeroChoice h : store.heroes().values()) {
            heroes.put(h.shot(), new HeroMark(h.shot(), h.variant(), h.approved(), h.chosenBy(), h.recordedAt()));
        }
        List<Decision> decisions = store.decisions(DecisionFilter.all()).stream()
                .sorted(Comparator.comparingLong(Decision::id)).toList();
        Map<VariantKey, NavigableMap<Long, Decision>> effective = store.allEffectiveDecisions();
        Map<VariantKey, NavigableMap<Long, FrameScore>> scores = new TreeMap<>();
        store.allScores().forEach((variant, frames) -> {
            NavigableMap<Long, FrameScore> byFrame = new TreeMap<>();
            frames.forEach((frame, rows) -> byFrame.put(frame, frameScore(frame, rows)));
            scores.put(variant, Collections.unmodifiableNavigableMap(byFrame));
        });
        return new StoreReviewFacts(Collections.unmodifiableMap(heroes), decisions, effective, scores);
    }

    /**
     * A frame's score for the hand-off: its worst character decides (a frame with one character off model needs
     * a look however well the others match); flagged when that character's band is not ok.
     */
    static FrameScore frameScore(long frame, List<StoredScore> rows) {
        StoredScore worst = rows.stream().min(Comparator.comparingDouble(StoredScore::score)).orElseThrow();
        return new FrameScore(frame, worst.score(), ScorePayload.band(worst) != Band.OK, worst.character(),
                worst.view());
    }

    /** True when the store holds no hero choice and no decision: nothing a hand-off could be built from. */
    public boolean isEmpty() {
        return heroes.isEmpty() && decisions.isEmpty();
    }

    @Override
    public Optional<HeroMark> heroMark(String shot) {
        return Optional.ofNullable(heroes.get(shot));
    }

    @Override
    public List<Decision> decisions() {
        return decisions;
    }

    @Override
    public NavigableMap<Long, Decision> effectiveDecisions(String shot, String variant) {
        NavigableMap<Long, Decision> map = effective.get(new VariantKey(shot, variant));
        return map == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(map);
    }

    @Override
    public NavigableMap<Long, FrameScore> scores(String shot, String variant) {
        return scores.getOrDefault(new VariantKey(shot, variant), Collections.emptyNavigableMap());
    }
}
