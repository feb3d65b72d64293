package dev.onmodel.core.consistency.evaluation;

import dev.onmodel.core.consistency.Band;
import dev.onmodel.core.consistency.Box;
import dev.onmodel.core.consistency.CharacterScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code onmodel eval --scores}: the file score-dev.py reads ({@code path} and {@code score} first), with each frame's
 * explanation last, so that what the reviewer would be told can be counted per kind.
 */
class DevSetScoresFileTest {

    @TempDir
    Path dir;

    @Test
    void writesTheExplanationQuotedWhenItHoldsAComma() throws IOException {
        CharacterScore detail = new CharacterScore("mira", 71.25, Band.CHECK, 72.0, 98.0, Double.NaN, "front, left",
                new Box(10, 20, 30, 40), "costume colour differs from the 'front, left' view");
        DevSetEvaluation.Row row = new DevSetEvaluation.Row("mira/drift/d01_hue.png", "mira", "drift", "hue", true,
                71.25, 50.0, detail, null);
        Path file = dir.resolve("scores.csv");

        DevSetEvaluation.writeScores(List.of(row), true, file);

        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("path,score,band,colour,shape,view,box_x,box_y,box_w,box_h,explanation",
                "mira/drift/d01_hue.png,71.3,check,72.0,98.0,\"front, left\",10,20,30,40,"
                        + "\"costume colour differs from the 'front, left' view\""), lines);
    }
}
