package dev.onmodel.core.media;

import dev.onmodel.core.imaging.ImageFormat;
import dev.onmodel.core.imaging.ImageHeader;
import dev.onmodel.core.imaging.ImageHeaders;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks one still-image file without decoding its pixels: zero-byte, unknown content, extension that lies about
 * the content, truncation (the format's end marker or declared length missing), damaged header, declared size
 * above the pixel limit. Reads the first and last few bytes and the header only, so it is cheap enough to run on
 * every frame at import.
 */
public final class ImageFileInspector {

    private final long maxPixels;

    /** What was found. {@code usable} is false when the file must not be decoded; problems say why. */
    public record Inspection(Optional<ImageFormat> format, Optional<ImageHeader> header, List<MediaProblem> problems,
                             boolean usable) {
        public Inspection {
            problems = List.copyOf(problems);
        }

        /** The first problem that makes the file unusable, as one sentence. */
        public Optional<String> refusal() {
            return usable ? Optional.empty() : problems.stream()
                    .filter(p -> p.kind() != MediaProblem.Kind.WRONG_EXTENSION)
                    .map(MediaProblem::reason).findFirst();
        }
    }

    /** @param maxPixels declared pixel count above which a file is refused ({@link ImageHeaders#DEFAULT_MAX_PIXELS}) */
    public ImageFileInspector(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("pixel limit must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    public Inspection inspect(Path file) {
        List<MediaProblem> problems = new ArrayList<>();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            problems.add(new MediaProblem(file, "cannot read file: " + describe(e), MediaProblem.Kind.UNREADABLE));
            return new Inspection(Optional.empty(), Optional.empty(), problems, false);
        }
        if (size == 0) {
            problems.add(new MediaProblem(file, "zero-byte file", MediaProblem.Kind.ZERO_BYTE));
            return new Inspection(Optional.empty(), Optional.empty(), problems, false);
        }
        String extension = SequenceScanner.extensionOf(file);
        Optional<ImageFormat> format;
        byte[] head = new byte[32];
        byte[] tail;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int headLength = readAt(channel, 0, head);
            format = ImageFormat.sniff(head, headLength);
            int tailLength = (int) Math.min(size, 1024);
            tail = new byte[tailLength];
            readAt(channel, size - tailLength, tail);
        } catch (IOException e) {
            problems.add(new MediaProblem(file, "cannot read file: " + describe(e), MediaProblem.Kind.UNREADABLE));
            return new Inspection(Optional.empty(), Optional.empty(), problems, false);
        }
        if (format.isEmpty()) {
            problems.add(new MediaProblem(file, "not a readable image (content is not PNG, JPEG, TIFF, BMP, GIF,"
                    + " WebP, EXR or DPX)", MediaProblem.Kind.UNREADABLE));
            return new Inspection(format, Optional.empty(), problems, false);
        }
        ImageFormat actual = format.get();
        if (!actual.extensions().contains(extension)) {
            problems.add(new MediaProblem(file, "wrong extension: '." + extension + "' but the content is "
                    + actual.displayName() + "; read as " + actual.displayName(), MediaProblem.Kind.WRONG_EXTENSION));
        }
        if (!actual.decodable()) {
            problems.add(new MediaProblem(file, actual.displayName() + " frames are recognised but this version"
                    + " cannot decode them; convert to PNG or TIFF", MediaProblem.Kind.UNSUPPORTED));
            return new Inspection(format, Optional.empty(), problems, false);
        }
        Optional<String> truncation = truncation(actual, head, tail, size);
        if (truncation.isPresent()) {
            problems.add(new MediaProblem(file, truncation.get(), MediaProblem.Kind.TRUNCATED));
            return new Inspection(format, Optional.empty(), problems, false);
        }
        try {
            ImageHeader header = ImageHeaders.readWithinLimit(file, maxPixels);
            return new Inspection(format, Optional.of(header), problems, true);
        } catch (IOException e) {
            String reason = describe(e);
            MediaProblem.Kind kind = reason.startsWith("image too large") ? MediaProblem.Kind.TOO_LARGE
                    : MediaProblem.Kind.UNREADABLE;
            problems.add(new MediaProblem(file, reason, kind));
            return new Inspection(format, Optional.empty(), problems, false);
        }
    }

    /** The end marker or declared length each format has; empty when the file looks complete. */
    static Optional<String> truncation(ImageFormat format, byte[] head, byte[] tail, long size) {
        switch (format) {
            case PNG:
                return contains(tail, Math.max(0, tail.length - 64), new byte[]{'I', 'E', 'N', 'D'})
                        ? Optional.empty() : Optional.of("truncated PNG: the file ends before its IEND chunk");
            case JPEG:
                return contains(tail, 0, new byte[]{(byte) 0xFF, (byte) 0xD9})
                        ? Optional.empty() : Optional.of("truncated JPEG: the file ends before its end-of-image marker");
            case GIF:
                return contains(tail, Math.max(0, tail.length - 16), new byte[]{0x3B})
                        ? Optional.empty() : Optional.of("truncated GIF: the file ends before its trailer");
            case BMP: {
                long declared = ByteBuffer.wrap(head, 2, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                return declared > size ? Optional.of("truncated BMP: header declares " + declared + " bytes, file has "
                        + size) : Optional.empty();
            }
            case WEBP: {
                long declared = (ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL) + 8;
                return declared > size ? Optional.of("truncated WebP: header declares " + declared + " bytes, file has "
                        + size) : Optional.empty();
            }
            case TIFF: {
                ByteOrder order = head[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                long ifd = ByteBuffer.wrap(head, 4, 4).order(order).getInt() & 0xFFFFFFFFL;
                return ifd + 2 > size ? Optional.of("truncated TIFF: its first directory lies beyond the end of the"
                        + " file") : Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }

    private static boolean contains(byte[] data, int from, byte[] needle) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int readAt(FileChannel channel, long position, byte[] into) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return buffer.position();
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
