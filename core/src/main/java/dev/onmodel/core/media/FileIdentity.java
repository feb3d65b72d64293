package dev.onmodel.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Who a media file is, for caching results about it: its path relative to the project (so a moved project keeps
 * its cache), size, modification time and a digest of its content. Two identities with the same path and digest
 * describe the same content even if the file was touched.
 *
 * @param relativePath path relative to the project root, with {@code /} separators
 * @param size         bytes
 * @param mtimeMillis  last-modified time in milliseconds since the epoch
 * @param digest       lower-case hex SHA-256 of the content
 */
public record FileIdentity(String relativePath, long size, long mtimeMillis, String digest) {

    public FileIdentity {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(digest, "digest");
        if (relativePath.contains("\\")) {
            relativePath = relativePath.replace('\\', '/');
        }
    }

    /** Reads size and time, and digests the content of {@code file} (relative to {@code projectRoot}). */
    public static FileIdentity of(Path projectRoot, Path file) throws IOException {
        long size = Files.size(file);
        long mtime = Files.getLastModifiedTime(file).toMillis();
        return new FileIdentity(relativize(projectRoot, file), size, mtime, digest(file));
    }

    /** {@code shots/sh010/v001/sh010_v001.1001.png}: the file's path under the root, {@code /}-separated. */
    public static String relativize(Path projectRoot, Path file) {
        Path root = projectRoot.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return relative.toString().replace('\\', '/');
    }

    /** Lower-case hex SHA-256 of the file's content. */
    public static String digest(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
