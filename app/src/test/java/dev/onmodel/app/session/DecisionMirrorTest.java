package dev.onmodel.app.session;

import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionMirrorTest {

    private final DecisionMirror mirror = new DecisionMirror();
    private long nextId = 1;

    private DecisionEvent set(long first, long last, Verdict verdict, Role role) {
        Decision d = new Decision(nextId++, "sh010", "v001", FrameRange.ofInclusive(first, last), verdict, "",
                role == Role.DIRECTOR ? "dana" : "ali", role, "pass 1", Instant.now());
        DecisionEvent event = new DecisionEvent(d, verdict == null ? DecisionEvent.Kind.CLEAR
                : DecisionEvent.Kind.SET, OptionalLong.empty());
        mirror.add(event);
        return event;
    }

    private void act(DecisionEvent target, DecisionEvent.Kind kind) {
        Decision t = target.decision();
        Decision d = new Decision(nextId++, t.shot(), t.variant(), t.frames(), null, "", "ali", Role.ANIMATOR,
                "pass 1", Instant.now());
        mirror.add(new DecisionEvent(d, kind, OptionalLong.of(t.id())));
    }

    private List<Verdict> verdicts(long first, long last) {
        return Arrays.stream(mirror.decisions("sh010", "v001", FrameRange.ofInclusive(first, last)))
                .map(d -> d == null ? null : d.verdict()).toList();
    }

    @Test
    void latestDecisionCoveringAFrameWins() {
        set(1001, 1004, Verdict.APPROVE, Role.ANIMATOR);
        set(1003, 1003, Verdict.REJECT, Role.ANIMATOR);
        assertEquals(Arrays.asList(Verdict.APPROVE, Verdict.APPROVE, Verdict.REJECT, Verdict.APPROVE, null),
                verdicts(1001, 1005));
    }

    @Test
    void undoRestoresWhatTheFramesShowedBeforeAndRedoPutsItBack() {
        set(1001, 1004, Verdict.APPROVE, Role.ANIMATOR);
        DecisionEvent reject = set(1002, 1003, Verdict.REJECT, Role.ANIMATOR);
        act(reject, DecisionEvent.Kind.UNDO);
        assertEquals(List.of(Verdict.APPROVE, Verdict.APPROVE, Verdict.APPROVE, Verdict.APPROVE),
                verdicts(1001, 1004));
        assertFalse(mirror.inForce("sh010", "v001", reject.id()));
        act(reject, DecisionEvent.Kind.REDO);
        assertEquals(Verdict.REJECT, mirror.effective("sh010", "v001", 1002).orElseThrow().verdict());
    }

    @Test
    void clearRowsMakeFramesUndecided() {
        set(1001, 1004, Verdict.APPROVE, Role.ANIMATOR);
        set(1002, 1002, null, Role.ANIMATOR);
        assertNull(mirror.effective("sh010", "v001", 1002).orElse(null));
        assertTrue(mirror.effective("sh010", "v001", 1003).isPresent());
    }

    @Test
    void historyKeepsTheAnimatorsDecisionAndNamesTheDirectorsOverrule() {
        set(1001, 1004, Verdict.APPROVE, Role.ANIMATOR);
        set(1002, 1002, Verdict.REJECT, Role.DIRECTOR);
        List<HistoryEntry> history = mirror.history("sh010", "v001", 1002);
        assertEquals(2, history.size());
        assertEquals("dana", history.get(0).overruledBy().orElseThrow().reviewer());
        assertTrue(history.get(1).overruledBy().isEmpty());
        assertTrue(mirror.history("sh010", "v001", 1001).get(0).overruledBy().isEmpty(),
                "frame 1001 was not overruled");
    }

    @Test
    void aVariantWithoutDecisionsIsUndecidedEverywhere() {
        assertEquals(Arrays.asList(null, null), Arrays.asList(mirror.decisions("sh020", "v009",
                FrameRange.ofInclusive(1, 2))));
    }
}
