package dev.onmodel.core.editorial;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How exports name media files: absolute paths (the default: opens on the machine that wrote it), or paths
 * relative to a chosen root (for a hand-off that moves with its media).
 *
 * @param root the folder paths are made relative to, or {@code null} for absolute paths
 */
public record MediaPaths(Path root) {

    /** Absolute paths. */
    public static final MediaPaths ABSOLUTE = new MediaPaths(null);

    public MediaPaths {
        root = root == null ? null : root.toAbsolutePath().normalize();
    }

    public static MediaPaths relativeTo(Path root) {
        return new MediaPaths(root);
    }

    public Optional<Path> rootIfAny() {
        return Optional.ofNullable(root);
    }

    /** The path as exports write it: absolute, or relative to the root, always with {@code /} separators. */
    public String path(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path written = root == null ? absolute : root.relativize(absolute);
        String text = written.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    /**
     * The path as a URL: {@code file:///abs/path} (percent-encoded), or a relative URL reference when a root is
     * set. {@code asDirectory} appends the {@code /} that OTIO's {@code target_url_base} expects.
     */
    public String url(Path file, boolean asDirectory) {
        String path = path(file);
        if (asDirectory && !path.endsWith("/")) {
            path = path + "/";
        }
        try {
            if (root == null) {
                String absolute = path.startsWith("/") ? path : "/" + path;
                return new URI("file", "", absolute, null).toASCIIString();
            }
            // A relative first segment holding ':' would read as a URL scheme; "./" keeps it a path.
            String first = path.split("/", 2)[0];
            return new URI(null, null, first.contains(":") ? "./" + path : path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express " + file + " as a URL: " + e.getMessage(), e);
        }
    }
}
