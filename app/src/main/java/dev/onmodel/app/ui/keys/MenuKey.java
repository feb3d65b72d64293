package dev.onmodel.app.ui.keys;

import javafx.scene.input.KeyCombination;

import java.util.Optional;

/**
 * Keys the window's menus hold themselves (File ▸ Export…, File ▸ Quit). They are not review actions and cannot be
 * remapped; {@link KeyMap} refuses an override that takes one, because a menu accelerator would run first and the
 * remapped action would never be reached.
 */
public enum MenuKey {
    EXPORT("File \u25b8 Export\u2026", "Shortcut+E"),
    QUIT("File \u25b8 Quit", "Shortcut+Q");

    private final String label;
    private final String key;

    MenuKey(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** Where the key is, as the menus show it ("File ▸ Quit"). */
    public String label() {
        return label;
    }

    public KeyCombination combination() {
        return KeyCombination.valueOf(key);
    }

    /** The menu key {@code combination} is, if any. */
    static Optional<MenuKey> holding(KeyCombination combination) {
        for (MenuKey menuKey : values()) {
            if (menuKey.combination().equals(combination)) {
                return Optional.of(menuKey);
            }
        }
        return Optional.empty();
    }
}
