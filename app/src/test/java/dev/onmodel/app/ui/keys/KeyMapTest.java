package dev.onmodel.app.ui.keys;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyMapTest {

    private static KeyEvent press(KeyCode code, boolean shift) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false);
    }

    @Test
    void everyDefaultKeyIsReadableAndUnique() {
        KeyMap keys = KeyMap.defaults();
        assertEquals(java.util.List.of(), keys.problems());
        Set<Object> seen = new java.util.HashSet<>();
        for (ReviewAction action : ReviewAction.values()) {
            assertTrue(seen.add(keys.keyOf(action)), "duplicate key for " + action);
        }
    }

    @Test
    void defaultKeysRunTheIssuesActions() {
        KeyMap keys = KeyMap.defaults();
        assertEquals(Optional.of(ReviewAction.STEP_FORWARD), keys.actionFor(press(KeyCode.RIGHT, false)));
        assertEquals(Optional.of(ReviewAction.STEP_FORWARD_10), keys.actionFor(press(KeyCode.RIGHT, true)));
        assertEquals(Optional.of(ReviewAction.NEXT_FLAGGED), keys.actionFor(press(KeyCode.PERIOD, false)));
        assertEquals(Optional.of(ReviewAction.PREVIOUS_FLAGGED), keys.actionFor(press(KeyCode.COMMA, false)));
        assertEquals(Optional.of(ReviewAction.VARIANT_3), keys.actionFor(press(KeyCode.DIGIT3, false)));
        assertEquals(Optional.of(ReviewAction.NEXT_SHOT), keys.actionFor(press(KeyCode.PAGE_DOWN, false)));
        assertEquals(Optional.of(ReviewAction.CHEAT_SHEET), keys.actionFor(press(KeyCode.SLASH, true)));
    }

    @Test
    void overridesRemapAndBadOnesAreReportedKeepingDefaults() {
        KeyMap keys = new KeyMap(Map.of("approve", "Y", "reject", "Hyper+Q", "no-such-action", "Q"));
        assertEquals(Optional.of(ReviewAction.APPROVE), keys.actionFor(press(KeyCode.Y, false)));
        assertEquals(Optional.of(ReviewAction.REJECT), keys.actionFor(press(KeyCode.R, false)));
        assertEquals(2, keys.problems().size(), keys.problems().toString());
    }

    @Test
    void aMenusOwnKeyCannotBeTakenByAnAction() {
        KeyMap keys = new KeyMap(Map.of("approve", "Shortcut+Q", "reject", "Shortcut+E"));
        assertEquals(KeyCombination.valueOf("A"), keys.keyOf(ReviewAction.APPROVE));
        assertEquals(KeyCombination.valueOf("R"), keys.keyOf(ReviewAction.REJECT));
        assertEquals(2, keys.problems().size(), keys.problems().toString());
        assertTrue(keys.problems().stream().anyMatch(p -> p.contains("File \u25b8 Quit")), keys.problems().toString());
        assertTrue(keys.problems().stream().anyMatch(p -> p.contains("File \u25b8 Export")), keys.problems().toString());
    }

    @Test
    void noDefaultKeyIsAMenusOwnKey() {
        KeyMap keys = KeyMap.defaults();
        for (ReviewAction action : ReviewAction.values()) {
            assertTrue(MenuKey.holding(keys.keyOf(action)).isEmpty(), action + " uses a menu's key");
        }
    }

    @Test
    void twoActionsOnOneKeyFallBackToDefaults() {
        KeyMap keys = new KeyMap(Map.of("approve", "R"));
        assertEquals(Optional.of(ReviewAction.REJECT), keys.actionFor(press(KeyCode.R, false)));
        assertEquals(Optional.of(ReviewAction.APPROVE), keys.actionFor(press(KeyCode.A, false)));
        assertEquals(1, keys.problems().size());
        assertTrue(EnumSet.allOf(ReviewAction.class).stream().allMatch(a -> a.id().matches("[a-z0-9-]+")));
    }
}
