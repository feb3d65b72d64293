package dev.onmodel.app.ui.review;

import dev.onmodel.app.session.DecisionEvent;
import dev.onmodel.app.session.DecisionMirror;
import dev.onmodel.app.session.HistoryEntry;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryPanelTextTest {

    @Test
    void animatorEntryNamesTheDirectorWhoOverruledItAndKeepsItsNote() {
        DecisionMirror mirror = new DecisionMirror();
        mirror.add(new DecisionEvent(new Decision(1, "sh020", "v002", FrameRange.ofInclusive(1013, 1030),
                Verdict.APPROVE, "looks fine to me", "Ali", Role.ANIMATOR, "animation pass 1", Instant.EPOCH),
                DecisionEvent.Kind.SET, OptionalLong.empty()));
        mirror.add(new DecisionEvent(new Decision(2, "sh020", "v002", FrameRange.ofInclusive(1013, 1036),
                Verdict.REJECT, "", "Dana", Role.DIRECTOR, "director approval", Instant.EPOCH),
                DecisionEvent.Kind.SET, OptionalLong.empty()));
        List<HistoryEntry> history = mirror.history("sh020", "v002", 1020);
        String animator = HistoryPanel.text(history.get(0));
        assertTrue(animator.contains("approve 1013-1030") && animator.contains("Ali (animator) \u00b7 animation pass 1")
                && animator.contains("\u201clooks fine to me\u201d")
                && animator.contains("OVERRULED by Dana (director): reject"), animator);
        assertTrue(!HistoryPanel.text(history.get(1)).contains("OVERRULED"));
    }
}
