package dev.onmodel.core.editorial;

import dev.onmodel.core.model.Decision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Review facts held in memory: what tests build by hand and what {@link JsonReviewFacts} reads from a file.
 * Immutable once built.
 */
public final class InMemoryReviewFacts implements ReviewFacts {

    private final Map<String, HeroMark> heroMarks;
    private final List<Decision> decisions;
    private final Map<String, NavigableMap<Long, FrameScore>> scores;

    private InMemoryReviewFacts(Map<String, HeroMark> heroMarks, List<Decision> decisions,
                                Map<String, NavigableMap<Long, FrameScore>> scores) {
        this.heroMarks = Map.copyOf(heroMarks);
        this.decisions = List.copyOf(decisions);
        this.scores = Map.copyOf(scores);
    }

    /** No marks, no decisions, no scores. */
    public static InMemoryReviewFacts empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<HeroMark> heroMark(String shot) {
        return Optional.ofNullable(heroMarks.get(shot));
    }

    @Override
    public List<Decision> decisions() {
        return decisions;
    }

    @Override
    public NavigableMap<Long, FrameScore> scores(String shot, String variant) {
        return scores.getOrDefault(key(shot, variant), Collections.emptyNavigableMap());
    }

    private static String key(String shot, String variant) {
        // A separator that cannot occur in folder names keeps "a/b"+"c" apart from "a"+"b/c".
        return shot + '\u0000' + variant;
    }

    /** Collects facts; decisions without an id are numbered in the order they are added. */
    public static final class Builder {
        private final Map<String, HeroMark> heroMarks = new java.util.HashMap<>();
        private final List<Decision> decisions = new ArrayList<>();
        private final Map<String, TreeMap<Long, FrameScore>> scores = new java.util.HashMap<>();
        private long highestId;

        private Builder() {
        }

        /** Marks a hero; a later mark for the same shot replaces the earlier one. */
        public Builder heroMark(HeroMark mark) {
            HeroMark previous = heroMarks.get(mark.shot());
            if (previous == null || !mark.markedAt().isBefore(previous.markedAt())) {
                heroMarks.put(mark.shot(), mark);
            }
            return this;
        }

        public Builder decision(Decision decision) {
            long id = decision.id() > 0 ? decision.id() : highestId + 1;
            highestId = Math.max(highestId, id);
            decisions.add(new Decision(id, decision.shot(), decision.variant(), decision.frames(), decision.verdict(),
                    decision.note(), decision.reviewer(), decision.role(), decision.pass(), decision.recordedAt()));
            return this;
        }

        public Builder score(String shot, String variant, FrameScore score) {
            scores.computeIfAbsent(key(shot, variant), k -> new TreeMap<>()).put(score.frame(), score);
            return this;
        }

        public InMemoryReviewFacts build() {
            List<Decision> ordered = new ArrayList<>(decisions);
            ordered.sort(Comparator.comparingLong(Decision::id));
            Map<String, NavigableMap<Long, FrameScore>> frozen = scores.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> Collections.unmodifiableNavigableMap(new TreeMap<>(e.getValue()))));
            return new InMemoryReviewFacts(heroMarks, ordered, frozen);
        }
    }
}
