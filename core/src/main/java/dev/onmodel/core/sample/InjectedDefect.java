package dev.onmodel.core.sample;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * One defect the generator drew on purpose, as recorded in ground-truth.json.
 *
 * @param shot        shot name, e.g. {@code sh020}
 * @param variant     variant name, e.g. {@code v002}
 * @param character   the cast member whose drawing is wrong (for a swap: the one who should be there)
 * @param kind        what is wrong
 * @param first       first affected frame number (as in file names, from 1001), inclusive
 * @param last        last affected frame number, inclusive; equals {@code first} for a flicker pop
 * @param description one sentence for people reading the ground truth
 */
@JsonPropertyOrder({"shot", "variant", "character", "kind", "first", "last", "description"})
public record InjectedDefect(String shot, String variant, String character, DefectKind kind, int first, int last,
                             String description) {

    public InjectedDefect {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (last < first) {
            throw new IllegalArgumentException("defect range " + first + "-" + last + " is empty");
        }
        if (kind == DefectKind.FLICKER_POP && first != last) {
            throw new IllegalArgumentException("a flicker pop is one frame, got " + first + "-" + last);
        }
    }

    /** True when frame number {@code frame} lies in this defect's range. */
    public boolean covers(int frame) {
        return frame >= first && frame <= last;
    }
}
