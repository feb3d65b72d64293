package dev.onmodel.app.ui.keys;

import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which key runs which {@link ReviewAction}: the defaults with the user's overrides (action id to key text) laid
 * over them. An override that cannot be read, that takes a key already used, or that takes a menu's own key
 * ({@link MenuKey}), is reported and the default kept.
 */
public final class KeyMap {

    private final Map<ReviewAction, KeyCombination> keys = new EnumMap<>(ReviewAction.class);
    private final List<String> problems = new ArrayList<>();

    /** @param overrides action id ({@code approve}) to key text ({@code "A"}, {@code "Shortcut+Z"}) */
    public KeyMap(Map<String, String> overrides) {
        for (ReviewAction action : ReviewAction.values()) {
            keys.put(action, KeyCombination.valueOf(action.defaultKey()));
        }
        overrides.forEach((id, text) -> {
            Optional<ReviewAction> action = byId(id);
            if (action.isEmpty()) {
                problems.add("unknown action '" + id + "' in the key preferences");
                return;
            }
            KeyCombination combination;
            try {
                combination = KeyCombination.valueOf(text);
            } catch (IllegalArgumentException e) {
                problems.add("key '" + text + "' for " + action.get().label() + " is not a key; kept "
                        + action.get().defaultKey());
                return;
            }
            Optional<MenuKey> menuKey = MenuKey.holding(combination);
            if (menuKey.isPresent()) {
                problems.add(combination.getDisplayText() + " is " + menuKey.get().label() + "'s key and cannot run "
                        + action.get().label() + "; kept " + action.get().defaultKey());
                return;
            }
            keys.put(action.get(), combination);
        });
        // Two actions on one key: the later override wins only if it is unique; else keep both defaults.
        for (ReviewAction a : ReviewAction.values()) {
            for (ReviewAction b : ReviewAction.values()) {
                if (a.ordinal() < b.ordinal() && keys.get(a).equals(keys.get(b))) {
                    problems.add(keys.get(a).getDisplayText() + " is set for both " + a.label() + " and " + b.label()
                            + "; both keep their defaults");
                    keys.put(a, KeyCombination.valueOf(a.defaultKey()));
                    keys.put(b, KeyCombination.valueOf(b.defaultKey()));
                }
            }
        }
    }

    public static KeyMap defaults() {
        return new KeyMap(Map.of());
    }

    public static Optional<ReviewAction> byId(String id) {
        for (ReviewAction action : ReviewAction.values()) {
            if (action.id().equals(id)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** The action a pressed key runs, if any. */
    public Optional<ReviewAction> actionFor(KeyEvent event) {
        for (Map.Entry<ReviewAction, KeyCombination> entry : keys.entrySet()) {
            if (entry.getValue().match(event)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    public KeyCombination keyOf(ReviewAction action) {
        return keys.get(action);
    }

    /** Overrides that could not be applied, one sentence each. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }
}
