package dev.onmodel.core.editorial;

import dev.onmodel.core.model.Decision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Resolves an append-only decision history into the decision in force on each frame. */
public final class EffectiveDecisions {

    private EffectiveDecisions() {
    }

    /**
     * The latest decision per frame: records are applied in id order (ids grow with time), a verdict sets the
     * frames it covers and a clear removes them.
     *
     * @param history decision records of one variant, in any order
     */
    public static NavigableMap<Long, Decision> latestPerFrame(Collection<Decision> history) {
        List<Decision> ordered = new ArrayList<>(history);
        ordered.sort(Comparator.comparingLong(Decision::id).thenComparing(Decision::recordedAt));
        TreeMap<Long, Decision> byFrame = new TreeMap<>();
        for (Decision decision : ordered) {
            decision.frames().frames().forEach(frame -> {
                if (decision.isClear()) {
                    byFrame.remove(frame);
                } else {
                    byFrame.put(frame, decision);
                }
            });
        }
        return Collections.unmodifiableNavigableMap(byFrame);
    }
}
