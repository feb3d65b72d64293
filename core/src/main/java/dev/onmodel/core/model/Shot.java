package dev.onmodel.core.model;

import dev.onmodel.core.time.FrameRate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A shot of the cut: its name, frame rate, cut length (frames the edit uses), the characters expected in it
 * (its cast) and its variants in name order.
 */
public record Shot(String name, FrameRate rate, long cutLength, List<String> cast, List<Variant> variants) {

    public Shot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rate, "rate");
        cast = List.copyOf(cast);
        variants = List.copyOf(variants);
        if (cutLength < 0) {
            throw new IllegalArgumentException("shot " + name + " has negative cut length " + cutLength);
        }
    }

    public Optional<Variant> variant(String variantName) {
        return variants.stream().filter(v -> v.name().equals(variantName)).findFirst();
    }
}
