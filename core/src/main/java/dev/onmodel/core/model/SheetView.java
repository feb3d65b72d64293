package dev.onmodel.core.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One approved drawing of a character: a view such as {@code front}, {@code side}, {@code back} or an
 * expression, named after its file ({@code characters/mira/front.png} is view {@code front}).
 */
public record SheetView(String name, Path image) {
    public SheetView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
    }
}
