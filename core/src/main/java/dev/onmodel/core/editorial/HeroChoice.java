package dev.onmodel.core.editorial;

import dev.onmodel.core.model.Variant;
import dev.onmodel.core.time.FrameRange;

import java.util.Objects;

/**
 * The variant chosen for a shot and why.
 *
 * @param variant the chosen variant
 * @param rule    the rule that chose it
 * @param source  the frames to use, in the variant's frame numbers
 * @param detail  who/when/why in words ({@code marked by dana at 2026-11-20T10:00:00Z})
 */
public record HeroChoice(Variant variant, HeroRule rule, FrameRange source, String detail) {

    public HeroChoice {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
    }
}
