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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The development set's CSV files: {@code onmodel eval --scores} writes the file score-dev.py reads ({@code path} and
 * {@code score} first), with each frame's explanation last, so that what the reviewer would be told can be counted per
 * kind; labels.csv is read with only the columns the engine may see.
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

    @Test
    void labelsKeepOnlyTheColumnsTheEngineMaySee() throws IOException {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "path,character,label,subkind,expect_flag,shown,action,params,bg,bbox_x,bbox_y\n"
                + "a/f00.png,a,same,frame,0,a,idle,,landscape,343,309\n"
                + "\n"
                + "\"b/d01, \"\"odd\"\".png\",b,drift,occlude,0,b,walk,\"occlude=left:target=0.39\",sky,10,20\n");

        List<Map<String, String>> rows = DevSetEvaluation.readCsv(labels);

        assertEquals(List.of(
                Map.of("path", "a/f00.png", "character", "a", "label", "same", "subkind", "frame", "expect_flag", "0"),
                Map.of("path", "b/d01, \"odd\".png", "character", "b", "label", "drift", "subkind", "occlude",
                        "expect_flag", "0")), rows);
    }
}
