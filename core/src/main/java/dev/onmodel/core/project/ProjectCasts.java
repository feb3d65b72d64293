package dev.onmodel.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onmodel.core.editorial.AtomicFiles;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Sets a shot's cast in the project's {@code project.json}, where the window, {@code onmodel score --project} and
 * every later scoring read it ({@link ProjectSettings}).
 *
 * <p>The file is edited, not rewritten from the model: fields OnModel does not know (a pipeline's own keys) stay as
 * they are. A shot that project.json does not list yet gets an entry; so that adding it cannot move it in the cut
 * (listed shots come first, the others follow in name order), every shot not yet listed is listed with it, in the
 * cut's order. The file is written to a temporary file and moved into place.
 */
public final class ProjectCasts {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectCasts() {
    }

    /**
     * Sets the cast of {@code shot} to {@code characters}; an empty list removes the shot's cast, so that the engine
     * proposes one from the best matches.
     *
     * @param project    the project as read now (its cut order and characters)
     * @param characters names of the project's characters, in the order to keep
     * @throws IllegalArgumentException when the shot or a character is not in the project
     * @throws IOException              naming project.json when it cannot be read as a JSON object, or written
     */
    public static void setCast(Project project, String shot, List<String> characters) throws IOException {
        Objects.requireNonNull(shot, "shot");
        if (project.shot(shot).isEmpty()) {
            throw new IllegalArgumentException("no shot " + shot + " in project " + project.name());
        }
        for (String character : characters) {
            if (project.character(character).isEmpty()) {
                throw new IllegalArgumentException("no character " + character + " in project " + project.name()
                        + " (a character is a folder under characters/)");
            }
        }
        Path file = ProjectLayout.projectFile(project.root());
        ObjectNode settings = read(file);
        ArrayNode shots = shotList(file, settings);
        ObjectNode entry = entryFor(shots, shot);
        if (entry == null) {
            if (characters.isEmpty()) {
                return; // not listed, so no cast is set: nothing to remove
            }
            listEveryShot(shots, project);
            entry = entryFor(shots, shot);
        }
        if (characters.isEmpty()) {
            entry.remove("cast");
        } else {
            ArrayNode cast = entry.putArray("cast");
            characters.forEach(cast::add);
        }
        AtomicFiles.write(file, out -> JSON.writeValue(out, settings));
    }

    private static ObjectNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a valid project file: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return JSON.createObjectNode(); // an empty file holds no settings
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new IOException(file + ": not a valid project file: expected a JSON object, found "
                    + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return object;
    }

    private static ArrayNode shotList(Path file, ObjectNode settings) throws IOException {
        JsonNode shots = settings.get("shots");
        if (shots == null || shots.isNull()) {
            return settings.putArray("shots");
        }
        if (!(shots instanceof ArrayNode array)) {
            throw new IOException(file + ": not a valid project file: \"shots\" is not a list");
        }
        return array;
    }

    private static ObjectNode entryFor(ArrayNode shots, String shot) {
        for (JsonNode entry : shots) {
            if (entry instanceof ObjectNode object && shot.equals(object.path("name").asText(null))) {
                return object;
            }
        }
        return null;
    }

    /** Lists every shot of the cut not listed yet, in the cut's order, after those already listed. */
    private static void listEveryShot(ArrayNode shots, Project project) {
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : shots) {
            listed.add(entry.path("name").asText(""));
        }
        for (Shot shot : project.shots()) {
            if (listed.add(shot.name())) {
                shots.addObject().put("name", shot.name());
            }
        }
    }
}
