package dev.onmodel.core.model;

import dev.onmodel.core.time.FrameRate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A review project as read from its folder: approved characters and shots in cut order.
 *
 * @param name       shown in the window title and reports
 * @param root       the project folder
 * @param rate       the project (edit) frame rate; shots may differ
 * @param characters approved characters with their sheets
 * @param shots      shots in cut order
 */
public record Project(String name, Path root, FrameRate rate, List<CharacterSheet> characters, List<Shot> shots) {

    public Project {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(rate, "rate");
        characters = List.copyOf(characters);
        shots = List.copyOf(shots);
    }

    public Optional<Shot> shot(String shotName) {
        return shots.stream().filter(s -> s.name().equals(shotName)).findFirst();
    }

    public Optional<CharacterSheet> character(String characterName) {
        return characters.stream().filter(c -> c.name().equals(characterName)).findFirst();
    }

    /** The store file inside the project folder. */
    public Path databaseFile() {
        return root.resolve("onmodel.db");
    }
}
