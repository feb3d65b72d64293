package dev.onmodel.core.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A frame could not be decoded. The message names the file and the frame ("Cannot decode frame 1012 of
 * sh010/v003 [path '/.../v003.1012.png']: truncated PNG ..."); {@link #kind()} says which sort of failure.
 */
public final class MediaReadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final MediaProblem.Kind kind;

    public MediaReadException(Path path, MediaProblem.Kind kind, String message) {
        super(message);
        this.path = Objects.requireNonNull(path, "path");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public MediaReadException(Path path, MediaProblem.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.path = Objects.requireNonNull(path, "path");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Path path() {
        return path;
    }

    public MediaProblem.Kind kind() {
        return kind;
    }
}
