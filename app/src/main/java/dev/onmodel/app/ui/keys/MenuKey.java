package dev.onmodel.app.ui.keys;

import javafx.scene.input.KeyCombination;

import java.util.Optional;

/**
 * Keys the window's menus hold themselves (File ▸ Export…, File ▸ Quit). They are not review actions and cannot
 * be remapped; {@link KeyMap} refuses an override that takes one, because a menu accelerator would run first and
 * the remapped action would never be reached.
 */
public enum MenuKey {
    EXPORT("File", "Export\u2026", "Shortcut+E"),
    QUIT("File", "Quit", "Shortcut+Q");

    private final String menu;
    private final String item;
    private final String key;

    MenuKey(String menu, String item, String key) {
        this.menu = menu;
        this.item = item;
        this.key = key;
    }

    /** The menu holding the item ("File"). */
    public String menu() {
        return menu;
    }

    /** The item as the menu shows it ("Quit"). */
    public String item() {
        return item;
    }

    /** Where the key is, as the menus show it ("File ▸ Quit"). */
    public String label() {
        return menu + " \u25b8 " + item;
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
