package dev.onmodel.app.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes {@link Preferences} as JSON. Writes go to a temp file that is moved over the old one, so a crash
 * mid-write leaves the previous preferences intact. A damaged file is kept aside (".broken") and defaults are used,
 * with a message for the user, rather than refusing to start.
 *
 * <p>Blocking file I/O: call it from a background thread, never the FX thread.
 */
public final class PreferencesStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private volatile String loadProblem;

    public PreferencesStore(Path file) {
        this.file = file;
    }

    /** The store at {@link UserDirectories#preferencesFile()}. */
    public static PreferencesStore forUser() {
        return new PreferencesStore(UserDirectories.preferencesFile());
    }

    public Path file() {
        return file;
    }

    /** The preferences on disk, or defaults when there are none or the file is damaged (see {@link #loadProblem}). */
    public Preferences load() {
        loadProblem = null;
        if (!Files.exists(file)) {
            return Preferences.defaults();
        }
        try {
            Preferences read = JSON.readValue(file.toFile(), Preferences.class);
            return read == null ? Preferences.defaults() : read;
        } catch (JacksonException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".broken");
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                e.addSuppressed(moveFailed);
            }
            loadProblem = "Preferences in " + file + " could not be read (" + e.getOriginalMessage()
                    + "); defaults are used and the old file was kept as " + aside.getFileName() + ".";
            return Preferences.defaults();
        } catch (IOException e) {
            loadProblem = "Preferences in " + file + " could not be read (" + e.getMessage() + "); defaults are used.";
            return Preferences.defaults();
        }
    }

    /** Why the last {@link #load} fell back to defaults, if it did. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /** Writes atomically: temp file in the same folder, then a move over the old file. */
    public void save(Preferences preferences) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "preferences", ".tmp");
        try {
            JSON.writeValue(temp.toFile(), preferences);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
