package dev.onmodel.core.editorial;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes one hand-off format. Implementations are stateless and deterministic: the same input gives the same
 * bytes, so golden-file tests and diffs between exports mean something.
 *
 * @param <T> what the format is written from
 */
public interface EditorialExporter<T> {

    /** The format's identifier as the CLI names it ({@code edl}, {@code fcpxml}, {@code otio}, {@code csv}, {@code report}). */
    String formatId();

    /** The usual file extension, without the dot. */
    String fileExtension();

    /** Writes {@code input} to {@code out}; may close {@code out}. */
    void write(T input, OutputStream out) throws IOException;

    /** Writes {@code input} to {@code target} atomically (temp file + move); an old file survives a failure. */
    default void export(T input, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(input, out));
    }
}
