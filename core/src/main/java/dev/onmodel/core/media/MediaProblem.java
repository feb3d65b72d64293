package dev.onmodel.core.media;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Something wrong with one file or folder, reported to the reviewer instead of being skipped silently.
 *
 * @param path   the file or folder concerned
 * @param reason a plain sentence: "zero-byte file", "frames 1013-1014 missing"
 * @param kind   what sort of problem, for grouping in reports and for tests
 */
public record MediaProblem(Path path, String reason, Kind kind) {

    /** Sorts of problems an import reports. */
    public enum Kind {
        /** Frame numbers missing inside a sequence. */
        GAP,
        /** Two files give the same frame number. */
        DUPLICATE,
        /** Frames of one sequence declare different sizes. */
        MIXED_RESOLUTION,
        ZERO_BYTE,
        /** The file ends before its format says it should. */
        TRUNCATED,
        /** The content is another format than the extension says (still read by its content). */
        WRONG_EXTENSION,
        /** The header declares more pixels than the limit; not decoded. */
        TOO_LARGE,
        /** Not decodable: unknown content, damaged header, no permission. */
        UNREADABLE,
        /** A format recognised by name that this build cannot decode (EXR, DPX). */
        UNSUPPORTED,
        SYMLINK_LOOP,
        /** A symbolic link whose target does not exist. */
        BROKEN_LINK,
        /** A movie that cannot be probed or decoded, or ffmpeg missing. */
        MOVIE,
        /** Folder-level: unlistable folder, stray file, empty variant, shot missing. */
        LAYOUT,
        OTHER;

        /** "zero-byte", "mixed-resolution": the word used in CLI and CSV output. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public MediaProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(kind, "kind");
    }

    /** A problem of kind {@link Kind#OTHER}; kept for callers that only have a sentence. */
    public MediaProblem(Path path, String reason) {
        this(path, reason, Kind.OTHER);
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
