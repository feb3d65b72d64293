package dev.onmodel.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The characters a shot was last scored against ({@code shot_cast}).
 *
 * @param characters    character names in scoring order
 * @param proposed      true when proposed from the best matches rather than listed in project.json
 * @param engineVersion the engine fingerprint of the run that used it
 */
public record ShotCast(String shot, List<String> characters, boolean proposed, String engineVersion,
                       Instant recordedAt) {

    public ShotCast {
        Objects.requireNonNull(shot, "shot");
        characters = List.copyOf(characters);
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
