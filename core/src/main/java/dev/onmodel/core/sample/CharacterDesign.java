package dev.onmodel.core.sample;

import java.util.Objects;

/**
 * One original character of the sample: its name (folder under {@code characters/}), body build, headwear and
 * palette. Two builds keep two characters in one drawing family (same silhouette, different costume) so that a
 * swap between them cannot be caught by outline alone.
 *
 * @param relativeHeight height relative to the kid build, so a two-shot keeps the characters' sizes consistent
 * @param summary        one line for the sample's README
 */
record CharacterDesign(String name, Build build, Headwear headwear, Palette palette, double relativeHeight,
                       String summary) {

    CharacterDesign {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(headwear, "headwear");
        Objects.requireNonNull(palette, "palette");
    }

    /** Body proportions. */
    enum Build {
        /** Big round head, short body and legs. */
        KID,
        /** Small head, long coat and legs. */
        LANKY
    }

    /** What sits on top of the head, the strongest silhouette cue. */
    enum Headwear {
        HAIR_BUN,
        BEANIE,
        WIDE_HAT
    }
}
