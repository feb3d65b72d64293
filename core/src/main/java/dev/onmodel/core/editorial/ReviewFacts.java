package dev.onmodel.core.editorial;

import dev.onmodel.core.model.Decision;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The review facts the editorial hand-off reads: hero marks, decisions and per-frame scores. Read-only, so an
 * export never changes what reviewers recorded.
 *
 * <p>Defined here, not in the store, so that exporters depend on nothing but this contract: the application binds
 * it to the decision store and the consistency scores; tests use {@link InMemoryReviewFacts}.
 */
public interface ReviewFacts {

    /** The variant a reviewer marked as hero for {@code shot}, if any (the latest mark when marked several times). */
    Optional<HeroMark> heroMark(String shot);

    /** Every decision record ever made, history included, oldest first (ascending {@link Decision#id()}). */
    List<Decision> decisions();

    /** The decision records of one variant, oldest first. */
    default List<Decision> decisions(String shot, String variant) {
        return decisions().stream().filter(d -> d.shot().equals(shot) && d.variant().equals(variant)).toList();
    }

    /**
     * The decision in force on each decided frame of a variant: the latest record covering the frame, with
     * frames whose latest record is a clear (undo) left out. Implementations backed by a store may answer this
     * with one query; the default derives it from {@link #decisions(String, String)}.
     */
    default NavigableMap<Long, Decision> effectiveDecisions(String shot, String variant) {
        return EffectiveDecisions.latestPerFrame(decisions(shot, variant));
    }

    /** The scores known for a variant's frames, by frame number; empty when the variant was never scored. */
    NavigableMap<Long, FrameScore> scores(String shot, String variant);
}
