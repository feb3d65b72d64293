package dev.onmodel.core.consistency;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * An {@link AnalysisCache} kept in memory and saved to one JSON-lines file, for the command line until the project
 * store binds the cache to its database. The file is read whole when opened and written whole (temp file, then
 * move) by {@link #save()}; a damaged file is ignored (the analyses are redone), never fatal.
 */
public final class JsonFileAnalysisCache extends InMemoryAnalysisCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the file. */
    record Entry(Key key, String analysis) {
    }

    private final Path file;

    private JsonFileAnalysisCache(Path file) {
        this.file = file;
    }

    /** Opens (or starts) the cache file; unreadable lines are skipped. */
    public static JsonFileAnalysisCache open(Path file) {
        JsonFileAnalysisCache cache = new JsonFileAnalysisCache(file);
        if (Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    try {
                        Entry e = JSON.readValue(line, Entry.class);
                        cache.entries.put(e.key(), e.analysis());
                    } catch (IOException damagedLine) {
                        // A damaged line only costs re-analysing that frame.
                        continue;
                    }
                }
            } catch (IOException unreadable) {
                cache.entries.clear();
            }
        }
        return cache;
    }

    /** Writes every entry to the file atomically. */
    public void save() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            for (Map.Entry<Key, String> e : entries.entrySet()) {
                out.write(JSON.writeValueAsString(new Entry(e.getKey(), e.getValue())));
                out.newLine();
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
