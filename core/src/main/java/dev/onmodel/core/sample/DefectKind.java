package dev.onmodel.core.sample;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

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
    @JsonValue
    public String label() {
        return label;
    }

    /**
     * The kind spelled {@code label} in ground-truth.json.
     *
     * @throws IllegalArgumentException for a label that is not one of the four kinds
     */
    @JsonCreator
    public static DefectKind fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown defect kind '" + label + "'; expected one of "
                        + Arrays.stream(values()).map(DefectKind::label).toList()));
    }
}
