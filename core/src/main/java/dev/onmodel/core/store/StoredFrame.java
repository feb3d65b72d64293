package dev.onmodel.core.store;

import dev.onmodel.core.media.FileIdentity;

import java.util.Objects;
import java.util.Optional;

/**
 * One frame file of an image-sequence variant as last imported.
 *
 * @param frame    frame number from the file name
 * @param identity path (relative to the project), size, mtime and content digest
 * @param width    declared width, 0 when the header could not be read
 * @param height   declared height, 0 when the header could not be read
 * @param problem  why the frame cannot be used (zero-byte, truncated, too large...), empty when it is fine
 */
public record StoredFrame(VariantKey variant, long frame, FileIdentity identity, int width, int height,
                          Optional<String> problem) {

    public StoredFrame {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(identity, "identity");
        problem = problem == null ? Optional.empty() : problem;
    }

    public boolean usable() {
        return problem.isEmpty();
    }
}
