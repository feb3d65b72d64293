package dev.onmodel.core.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong with one file or folder, reported to the reviewer instead of being skipped silently.
 *
 * @param path   the file or folder concerned
 * @param reason a plain sentence: "zero-byte file", "frames 1013-1014 missing"
 */
public record MediaProblem(Path path, String reason) {
    public MediaProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
