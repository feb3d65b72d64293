package dev.onmodel.core.store;

import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random sequences of set / clear / undo / redo checked against a deliberately different model of the rules:
 * for each frame, walk the log backwards and take the first SET or CLEAR row covering it whose latest undo/redo
 * is not an undo. The store paints forwards; both must agree on every frame after every step.
 */
class EffectiveDecisionModelTest {

    @TempDir
    Path project;

    /** One row as the model sees it. */
    private record Row(long id, DecisionAction action, long target, long first, long endExclusive, Verdict verdict) {
    }

    private static Verdict modelVerdict(List<Row> log, long frame) {
        for (int i = log.size() - 1; i >= 0; i--) {
            Row row = log.get(i);
            if ((row.action() == DecisionAction.SET || row.action() == DecisionAction.CLEAR)
                    && frame >= row.first() && frame < row.endExclusive() && !undone(log, row.id())) {
                return row.verdict();
            }
        }
        return null;
    }

    private static boolean undone(List<Row> log, long id) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).target() == id) {
                return log.get(i).action() == DecisionAction.UNDO;
            }
        }
        return false;
    }

    @Test
    void storeAgreesWithAnIndependentModelOverRandomHistories() throws Exception {
        Random random = new Random(20261123);
        Verdict[] verdicts = {Verdict.APPROVE, Verdict.REJECT, Verdict.REWORK, null};
        try (ReviewStore store = ReviewStore.open(project, StoreOptions.defaults().withBackupsToKeep(0)
                .withDurability(StoreOptions.Durability.PROCESS_CRASH_SAFE))) {
            List<Row> log = new ArrayList<>();
            Map<Long, Boolean> undoneNow = new HashMap<>();
            for (int step = 0; step < 300; step++) {
                int kind = random.nextInt(10);
                List<Long> undoable = log.stream().filter(r -> r.action() == DecisionAction.SET
                        || r.action() == DecisionAction.CLEAR).map(Row::id).filter(id -> !undoneNow.getOrDefault(id, false)).toList();
                List<Long> redoable = log.stream().map(Row::id).filter(id -> undoneNow.getOrDefault(id, false)).toList();
                if (kind < 2 && !undoable.isEmpty()) {
                    long target = undoable.get(random.nextInt(undoable.size()));
                    DecisionRecord r = store.undo(target, "u", Role.LEAD);
                    log.add(new Row(r.id(), DecisionAction.UNDO, target, 0, 0, null));
                    undoneNow.put(target, true);
                } else if (kind < 3 && !redoable.isEmpty()) {
                    long target = redoable.get(random.nextInt(redoable.size()));
                    DecisionRecord r = store.redo(target, "u", Role.LEAD);
                    log.add(new Row(r.id(), DecisionAction.REDO, target, 0, 0, null));
                    undoneNow.put(target, false);
                } else {
                    long first = 1 + random.nextInt(40);
                    long last = first + random.nextInt(random.nextBoolean() ? 1 : 15);
                    Verdict verdict = verdicts[random.nextInt(verdicts.length)];
                    Decision d = store.record(DecisionRequest.range("sh010", "v001", first, last, verdict, "",
                            "r", Role.ANIMATOR, "p"));
                    log.add(new Row(d.id(), verdict == null ? DecisionAction.CLEAR : DecisionAction.SET, -1,
                            first, last + 1, verdict));
                }
                NavigableMap<Long, Decision> state = store.effectiveDecisions("sh010", "v001");
                for (long frame = 1; frame <= 56; frame++) {
                    Decision shown = state.get(frame);
                    assertEquals(modelVerdict(log, frame), shown == null ? null : shown.verdict(),
                            "frame " + frame + " after step " + step);
                }
            }
        }
    }
}
