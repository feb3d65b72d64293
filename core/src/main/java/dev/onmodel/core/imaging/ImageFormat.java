package dev.onmodel.core.imaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Still-image formats recognised by their first bytes ("magic numbers"), so a file's real format can be compared
 * with its extension and a PNG named {@code .jpg} is reported, not misread.
 */
public enum ImageFormat {
    PNG(Set.of("png")),
    JPEG(Set.of("jpg", "jpeg")),
    GIF(Set.of("gif")),
    BMP(Set.of("bmp")),
    TIFF(Set.of("tif", "tiff")),
    WEBP(Set.of("webp")),
    /** OpenEXR: recognised, not decodable by this build. */
    EXR(Set.of("exr")),
    /** SMPTE DPX: recognised, not decodable by this build. */
    DPX(Set.of("dpx"));

    private final Set<String> extensions;

    ImageFormat(Set<String> extensions) {
        this.extensions = extensions;
    }

    /** Lower-case extensions (without dot) this format is normally stored under. */
    public Set<String> extensions() {
        return extensions;
    }

    /** True when this build can decode the format (ImageIO, with TwelveMonkeys for WebP). */
    public boolean decodable() {
        return this != EXR && this != DPX;
    }

    public String displayName() {
        return name();
    }

    /** The format whose usual extensions include {@code extension} (any case). */
    public static Optional<ImageFormat> forExtension(String extension) {
        String e = extension.toLowerCase(Locale.ROOT);
        for (ImageFormat f : values()) {
            if (f.extensions.contains(e)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format the first bytes of {@code file} announce; empty when none of these. */
    public static Optional<ImageFormat> sniff(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return sniff(head, n);
    }

    /** As {@link #sniff(Path)}, on the first {@code length} bytes of a file. */
    public static Optional<ImageFormat> sniff(byte[] head, int length) {
        if (starts(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(head, length, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, length, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (starts(head, length, 'B', 'M')) {
            return Optional.of(BMP);
        }
        if (starts(head, length, 'I', 'I', 42, 0) || starts(head, length, 'M', 'M', 0, 42)) {
            return Optional.of(TIFF);
        }
        if (length >= 12 && starts(head, length, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E'
                && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (starts(head, length, 0x76, 0x2F, 0x31, 0x01)) {
            return Optional.of(EXR);
        }
        if (starts(head, length, 'S', 'D', 'P', 'X') || starts(head, length, 'X', 'P', 'D', 'S')) {
            return Optional.of(DPX);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != (magic[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
