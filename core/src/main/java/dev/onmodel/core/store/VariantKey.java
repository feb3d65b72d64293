package dev.onmodel.core.store;

import java.util.Comparator;
import java.util.Objects;

/** A variant named by shot and variant name ({@code sh010/v002}), the key decisions and frames hang off. */
public record VariantKey(String shot, String variant) implements Comparable<VariantKey> {

    private static final Comparator<VariantKey> ORDER =
            Comparator.comparing(VariantKey::shot).thenComparing(VariantKey::variant);

    public VariantKey {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(variant, "variant");
    }

    @Override
    public int compareTo(VariantKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return shot + "/" + variant;
    }
}
