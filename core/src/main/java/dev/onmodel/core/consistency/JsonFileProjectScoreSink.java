package dev.onmodel.core.consistency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.Variant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a project's scores to one JSON file ({@code scores}: one entry per frame and character; {@code casts};
 * {@code problems}), atomically when the run finishes. The default sink of {@code onmodel score --project} until
 * the project store takes the scores.
 */
public final class JsonFileProjectScoreSink implements ProjectScoreSink {

    /** One frame's score of one character, as written. */
    public record Entry(String shot, String variant, long frame, String file, String character, double score,
                        String band, double colour, double shape, Double temporal, String view, Box box,
                        String explanation) {
    }

    private final Path file;
    private final Path root;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Object> casts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param file where to write
     * @param root frame paths are written relative to it
     */
    public JsonFileProjectScoreSink(Path file, Path root) {
        this.file = file;
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void cast(String shot, List<String> cast, boolean proposed) {
        casts.put(shot, Map.of("characters", cast, "proposed", proposed));
    }

    @Override
    public void frame(Variant variant, long frame, Path frameFile, FrameScore score) {
        Path absolute = frameFile.toAbsolutePath().normalize();
        String shown = (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
        for (CharacterScore c : score.characters()) {
            entries.add(new Entry(variant.shot(), variant.name(), frame, shown, c.character(), c.score(),
                    c.band().label(), c.colour(), c.shape(), c.hasTemporal() ? c.temporal() : null, c.view(), c.box(),
                    c.explanation()));
        }
    }

    @Override
    public void problem(MediaProblem problem) {
        problems.add(problem.toString());
    }

    /** Entries collected so far. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void finish() throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("engine", ConsistencyEngine.ENGINE_VERSION);
        document.put("casts", casts);
        document.put("scores", entries);
        document.put("problems", problems);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(temp.toFile(), document);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
