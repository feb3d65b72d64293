package dev.onmodel.core.editorial;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every editorial exporter must do, whatever its format (after TwelveMonkeys' reader tests and JabRef's
 * ExporterTest): deterministic bytes, a well-formed document for empty, ordinary and hostile input, atomic
 * replacement of the target file.
 *
 * @param <T> the exporter's input
 */
public abstract class ExporterContractTest<T> {

    protected abstract EditorialExporter<T> exporter();

    protected abstract T ordinaryInput() throws Exception;

    protected abstract T emptyInput() throws Exception;

    protected abstract T hostileInput() throws Exception;

    /** Fails when {@code bytes} are not a well-formed document of the format. */
    protected abstract void assertWellFormed(byte[] bytes) throws Exception;

    protected byte[] bytes(T input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter().write(input, out);
        return out.toByteArray();
    }

    @Test
    void writingTwiceGivesIdenticalBytes() throws Exception {
        T input = ordinaryInput();
        assertArrayEquals(bytes(input), bytes(input));
    }

    @Test
    void ordinaryInputGivesWellFormedDocument() throws Exception {
        assertWellFormed(bytes(ordinaryInput()));
    }

    @Test
    void emptyInputGivesWellFormedDocument() throws Exception {
        byte[] written = bytes(emptyInput());
        assertTrue(written.length > 0, "even an empty export writes a document");
        assertWellFormed(written);
    }

    @Test
    void hostileNamesGiveWellFormedDocument() throws Exception {
        assertWellFormed(bytes(hostileInput()));
    }

    @Test
    void exportReplacesTargetAtomicallyAndLeavesNoTempFile(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("out." + exporter().fileExtension());
        Files.writeString(target, "old content");
        exporter().export(ordinaryInput(), target);
        assertArrayEquals(bytes(ordinaryInput()), Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(target), files.toList(), "only the target remains in the folder");
        }
    }

    @Test
    void failedExportKeepsOldFile(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("out." + exporter().fileExtension());
        Files.writeString(target, "old content");
        T input = ordinaryInput();
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            exporter().write(input, out);
            throw new IOException("disk full");
        }));
        assertEquals("old content", Files.readString(target));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "the temporary file was removed");
        }
    }

    @Test
    void exportIntoMissingFolderFailsNamingIt(@TempDir Path folder) throws Exception {
        Path target = folder.resolve("missing").resolve("out." + exporter().fileExtension());
        IOException e = assertThrows(IOException.class, () -> exporter().export(ordinaryInput(), target));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    }

    @Test
    void identifiesItsFormat() {
        assertFalse(exporter().formatId().isBlank());
        assertNotEquals("", exporter().fileExtension());
        assertFalse(exporter().fileExtension().startsWith("."));
    }
}
