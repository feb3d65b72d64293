package dev.onmodel.app.session;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class UndoHistoryTest {

    @Test
    void undoTakesTheLatestAndANewDecisionEmptiesRedo() {
        UndoHistory history = new UndoHistory();
        history.recorded(1);
        history.recorded(2);
        assertEquals(OptionalLong.of(2), history.nextUndo());
        history.undone(2);
        assertEquals(OptionalLong.of(2), history.nextRedo());
        assertEquals(OptionalLong.of(1), history.nextUndo());
        history.recorded(3);
        assertFalse(history.canRedo());
        assertEquals(OptionalLong.of(3), history.nextUndo());
    }
}
