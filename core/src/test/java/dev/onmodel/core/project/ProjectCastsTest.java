package dev.onmodel.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A shot's cast set from the window: written into project.json without moving shots or losing unknown fields. */
class ProjectCastsTest {

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        for (String shot : List.of("sh010", "sh020", "sh030", "sh040")) {
            touch(root.resolve("shots/" + shot + "/v001/" + shot + "_v001.1001.png"));
        }
        touch(root.resolve("characters/mira/front.png"));
        touch(root.resolve("characters/dora/front.png"));
    }

    private static void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
    }

    private Project read() throws IOException {
        return new ProjectReader(MovieProbe.unavailable("install ffmpeg")).read(root).project();
    }

    private static List<String> order(Project project) {
        return project.shots().stream().map(Shot::name).toList();
    }

    @Test
    void aCastIsWrittenWithoutMovingAnyShotOrLosingUnknownFields() throws IOException {
        Files.writeString(root.resolve("project.json"), """
                {"name": "Ep 101", "pipeline": {"id": 42},
                 "shots": [{"name": "sh030", "cutLength": 12, "task": "anim"}]}
                """);
        Project before = read();
        assertEquals(List.of("sh030", "sh010", "sh020", "sh040"), order(before));

        ProjectCasts.setCast(before, "sh040", List.of("dora", "mira"));
        Project after = read();
        assertEquals(order(before), order(after), "listing sh040 must not move it before sh010 and sh020");
        assertEquals(List.of("dora", "mira"), after.shot("sh040").orElseThrow().cast());
        assertEquals(12, after.shot("sh030").orElseThrow().cutLength());
        JsonNode file = new ObjectMapper().readTree(root.resolve("project.json").toFile());
        assertEquals(42, file.at("/pipeline/id").asInt(), "a field OnModel does not know stays");
        assertEquals("anim", file.at("/shots/0/task").asText());

        ProjectCasts.setCast(after, "sh040", List.of());
        Project cleared = read();
        assertTrue(cleared.shot("sh040").orElseThrow().cast().isEmpty(), "no cast: the engine proposes one");
        assertEquals(order(before), order(cleared));
    }

    @Test
    void aProjectWithoutProjectJsonGetsOne() throws IOException {
        ProjectCasts.setCast(read(), "sh020", List.of("mira"));
        Project after = read();
        assertEquals(List.of("mira"), after.shot("sh020").orElseThrow().cast());
        assertEquals(List.of("sh010", "sh020", "sh030", "sh040"), order(after));
        assertEquals(root.getFileName().toString(), after.name(), "the name still defaults to the folder's");
    }

    @Test
    void clearingTheCastOfAnUnlistedShotWritesNothing() throws IOException {
        ProjectCasts.setCast(read(), "sh020", List.of());
        assertFalse(Files.exists(root.resolve("project.json")));
    }

    @Test
    void unknownNamesAndABrokenFileAreRefusedAndChangeNothing() throws IOException {
        Project project = read();
        assertThrows(IllegalArgumentException.class, () -> ProjectCasts.setCast(project, "sh020", List.of("tobo")));
        assertThrows(IllegalArgumentException.class, () -> ProjectCasts.setCast(project, "sh999", List.of("mira")));
        assertFalse(Files.exists(root.resolve("project.json")));

        String broken = "{\"shots\": [ {\"name\": \"sh010\"";
        Files.writeString(root.resolve("project.json"), broken);
        IOException e = assertThrows(IOException.class, () -> ProjectCasts.setCast(project, "sh010", List.of("mira")));
        assertTrue(e.getMessage().contains("project.json: not a valid project file"), e.getMessage());
        assertEquals(broken, Files.readString(root.resolve("project.json")));

        Files.writeString(root.resolve("project.json"), "{\"shots\": {\"name\": \"sh010\"}}");
        e = assertThrows(IOException.class, () -> ProjectCasts.setCast(project, "sh010", List.of("mira")));
        assertTrue(e.getMessage().contains("\"shots\" is not a list"), e.getMessage());
    }
}
