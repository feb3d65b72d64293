package dev.onmodel.core.consistency;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The scores of one frame: one per character scored.
 *
 * @param characters per character, in the order asked for
 */
public record FrameScore(List<CharacterScore> characters) {

    public FrameScore {
        characters = List.copyOf(characters);
    }

    /** The lowest-scoring character: what decides whether the frame needs a look. */
    public Optional<CharacterScore> worst() {
        return characters.stream().min(Comparator.comparingDouble(CharacterScore::score));
    }

    public Optional<CharacterScore> character(String name) {
        return characters.stream().filter(c -> c.character().equals(name)).findFirst();
    }
}
