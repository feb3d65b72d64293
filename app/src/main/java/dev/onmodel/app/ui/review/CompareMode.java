package dev.onmodel.app.ui.review;

/** How the viewer shows the current frame against something else. */
public enum CompareMode {
    /** The frame alone. */
    SINGLE("Single"),
    /** The frame beside the approved sheet view that matched best. */
    SIDE_BY_SIDE_SHEET("Frame | sheet"),
    /** The frame beside the same frame of the compare variant (B). */
    SIDE_BY_SIDE_VARIANT("A | B variants"),
    /** A over B, split by a draggable wipe line. */
    WIPE("Wipe A/B"),
    /** |A - B| amplified by a gain. */
    DIFFERENCE("Difference A-B"),
    /** Previous and next frames ghosted over the current one (pops show as doubled outlines). */
    ONION_SKIN("Onion skin");

    private final String label;

    CompareMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
