package dev.onmodel.core.model;

import java.util.Objects;

/**
 * One take of a shot (an AI-generated variant), named after its folder: {@code shots/sh010/v002/}.
 */
public record Variant(String shot, String name, VariantMedia media) {
    public Variant {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(media, "media");
    }

    /** {@code sh010/v002}: how logs and messages name a variant. */
    public String qualifiedName() {
        return shot + "/" + name;
    }
}
