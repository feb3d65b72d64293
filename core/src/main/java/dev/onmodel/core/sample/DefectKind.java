package dev.onmodel.core.sample;

/** The consistency defects the sample injects; {@link #label()} is the exact string used in ground-truth.json. */
public enum DefectKind {
    /** The costume's hue shifts further and further over a frame range. */
    COSTUME_DRIFT("costume-drift"),
    /** Another character (of the same drawing style) is drawn in the character's place over a range. */
    CHARACTER_SWAP("character-swap"),
    /** Stretched or squashed proportions over a range. */
    SHAPE_DISTORTION("shape-distortion"),
    /** One isolated frame whose colours and shape pop; always a single frame (first == last). */
    FLICKER_POP("flicker-pop");

    private final String label;

    DefectKind(String label) {
        this.label = label;
    }

    /** The ground-truth spelling, e.g. {@code costume-drift}. */
    public String label() {
        return label;
    }
}
