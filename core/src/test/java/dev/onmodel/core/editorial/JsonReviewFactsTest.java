package dev.onmodel.core.editorial;

import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReviewFactsTest {

    @Test
    void readsMarksDecisionsAndScores(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(JsonReviewFacts.FILE_NAME);
        Files.writeString(file, """
                {"heroMarks": [{"shot": "sh010", "variant": "v002", "first": 1001, "last": 1048,
                                "markedBy": "dana", "markedAt": "2026-11-20T10:00:00Z"}],
                 "decisions": [{"id": 7, "shot": "sh010", "variant": "v002", "first": 1013, "last": 1036,
                                "verdict": "reject", "note": "teal jacket", "reviewer": "lee", "role": "supervisor",
                                "pass": "2", "recordedAt": "2026-11-20T11:00:00Z"},
                               {"shot": "sh010", "variant": "v002", "first": 1020, "last": 1020, "verdict": "clear",
                                "reviewer": "lee", "role": "lead", "recordedAt": "2026-11-20T12:00:00Z"}],
                 "scores": [{"shot": "sh010", "variant": "v002", "frame": 1013, "score": 41.5, "flagged": true,
                             "character": "mira", "view": "side"}]}
                """);
        InMemoryReviewFacts facts = JsonReviewFacts.read(file);
        assertEquals(FrameRange.ofInclusive(1001, 1048), facts.heroMark("sh010").orElseThrow().approvedRange());
        assertEquals(2, facts.decisions().size());
        assertEquals(7, facts.decisions().get(0).id());
        assertEquals(8, facts.decisions().get(1).id(), "unnumbered decisions follow the highest id");
        assertEquals(Verdict.REJECT, facts.effectiveDecisions("sh010", "v002").get(1019L).verdict());
        assertEquals(false, facts.effectiveDecisions("sh010", "v002").containsKey(1020L), "cleared");
        assertEquals("side", facts.scores("sh010", "v002").get(1013L).view().orElseThrow());
    }

    @Test
    void badRecordNamesFileAndEntry(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(JsonReviewFacts.FILE_NAME);
        Files.writeString(file, """
                {"decisions": [{"shot": "sh010", "variant": "v002", "first": 1013, "last": 1001,
                                "verdict": "reject", "reviewer": "lee", "role": "lead",
                                "recordedAt": "2026-11-20T11:00:00Z"}]}
                """);
        IOException e = assertThrows(IOException.class, () -> JsonReviewFacts.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("decisions[0]"), e.getMessage());
    }

    @Test
    void notJsonNamesFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(JsonReviewFacts.FILE_NAME);
        Files.writeString(file, "{not json");
        IOException e = assertThrows(IOException.class, () -> JsonReviewFacts.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
}
