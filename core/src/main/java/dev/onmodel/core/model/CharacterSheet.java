package dev.onmodel.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A character as the project approved it: its name (the folder under {@code characters/}) and one or more
 * sheet views. Named "sheet" rather than "Character" so it never shadows {@link java.lang.Character}.
 */
public record CharacterSheet(String name, List<SheetView> views) {

    public CharacterSheet {
        Objects.requireNonNull(name, "name");
        views = List.copyOf(views);
        if (views.isEmpty()) {
            throw new IllegalArgumentException("character '" + name + "' has no sheet views");
        }
    }

    public Optional<SheetView> view(String viewName) {
        return views.stream().filter(v -> v.name().equals(viewName)).findFirst();
    }
}
