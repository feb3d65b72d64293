package dev.onmodel.core.consistency;

import java.util.List;

/**
 * Everything measured in one frame file, for every character scored: what the {@link AnalysisCache} stores (as
 * JSON) so that an unchanged frame is never decoded twice.
 *
 * @param width      the frame file's width in pixels
 * @param height     the frame file's height in pixels
 * @param characters one analysis per character, in the engine's character order
 */
public record FrameAnalysis(int width, int height, List<CharacterAnalysis> characters) {

    public FrameAnalysis {
        characters = List.copyOf(characters);
    }

    /** The analysis of {@code character}, or null when it was not analysed in this frame. */
    public CharacterAnalysis character(String character) {
        return characters.stream().filter(c -> c.character().equals(character)).findFirst().orElse(null);
    }
}
