package dev.onmodel.app.session;

import dev.onmodel.core.consistency.Band;
import dev.onmodel.core.consistency.Box;
import dev.onmodel.core.consistency.CharacterScore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lines between the window and its scoring worker survive the trip and bad lines are named. */
class ScoringWorkerProtocolTest {

    @Test
    void aScoredFrameArrivesAsTheEngineGaveIt() {
        CharacterScore worst = new CharacterScore("mira", 41.25, Band.OFF_MODEL, 38.5, 77.0, 12.5, "back",
                new Box(10, 20, 300, 600), "costume colour differs from the 'back' view, \"quoted\"\nsecond line");
        String line = ScoringWorkerProtocol.scored("sh010", "v002", 1021, worst);
        assertFalse(line.contains("\n"), "one message is one line, whatever the explanation holds");
        ScoringWorkerProtocol.Message message = ScoringWorkerProtocol.parse(line);
        assertEquals("scored", message.type());
        assertEquals("sh010", message.shot());
        assertEquals("v002", message.variant());
        assertEquals(1021L, message.frame());
        assertEquals(worst, message.characterScore());
    }

    @Test
    void aFrameScoredWithoutNeighboursKeepsItsMissingTemporalComponent() {
        CharacterScore alone = new CharacterScore("abel", 97, Band.OK, 96, 99, Double.NaN, "front",
                new Box(0, 0, 1, 1), "on model");
        CharacterScore back = ScoringWorkerProtocol.parse(ScoringWorkerProtocol.scored("sh", "v", 1, alone))
                .characterScore();
        assertFalse(back.hasTemporal());
        assertEquals(97, back.score());
    }

    @Test
    void progressProblemsAndTheEndAreRead() {
        ScoringWorkerProtocol.Message progress = ScoringWorkerProtocol.parse(ScoringWorkerProtocol.progress(5, 48));
        assertEquals(5, progress.done());
        assertEquals(48, progress.total());
        ScoringWorkerProtocol.Message problem = ScoringWorkerProtocol.parse(
                ScoringWorkerProtocol.problem("/p/sh010.1003.png", "zero-byte file"));
        assertEquals("/p/sh010.1003.png", problem.path());
        assertEquals("zero-byte file", problem.message());
        ScoringWorkerProtocol.Message finished = ScoringWorkerProtocol.parse(ScoringWorkerProtocol.finished(48, true));
        assertEquals(48, finished.done());
        assertTrue(finished.cancelled());
        assertEquals("no sheet", ScoringWorkerProtocol.parse(ScoringWorkerProtocol.failed("no sheet")).message());
    }

    @Test
    void linesThatAreNotMessagesAreRefusedWithTheLineQuoted() {
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> ScoringWorkerProtocol.parse("Picked up JAVA_TOOL_OPTIONS: -Dx=y"));
        assertTrue(text.getMessage().contains("Picked up JAVA_TOOL_OPTIONS"), text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScoringWorkerProtocol.parse("{\"type\":\"progress\"}"),
                "a progress line without its numbers");
        assertThrows(IllegalArgumentException.class, () -> ScoringWorkerProtocol.parse("{\"type\":\"celebrate\"}"));
        assertThrows(IllegalArgumentException.class, () -> ScoringWorkerProtocol.parse("{\"done\":3}"),
                "a line without a type");
        assertThrows(IllegalArgumentException.class, () -> ScoringWorkerProtocol.parse(""));
    }
}
