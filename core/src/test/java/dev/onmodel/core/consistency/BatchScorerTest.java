package dev.onmodel.core.consistency;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.CharacterSheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static dev.onmodel.core.consistency.TestCharacters.Costume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch scoring: bad files reported by path and reason while the rest is scored; progress; cancellation; cache. */
class BatchScorerTest {

    @TempDir
    Path dir;

    private ConsistencyEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        Path sheet = Files.createDirectories(dir.resolve("characters/mira"));
        TestCharacters.write(TestCharacters.figure(Costume.MIRA, false), sheet.resolve("front.png"));
        CharacterSheet mira = SheetFolders.read(sheet);
        engine = ConsistencyEngine.load(List.of(mira), ScoringSettings.defaults().withThresholds(60, 40));
    }

    private Path goodFrame(String name, long seed) throws IOException {
        BufferedImage shot = TestCharacters.shot(TestCharacters.figure(Costume.MIRA, false), 0.6, 0.5, 0.5, false, seed);
        return TestCharacters.write(shot, Files.createDirectories(dir.resolve("shot")).resolve(name));
    }

    @Test
    void badFilesAreReportedByPathAndReasonWhileTheOthersAreScored() throws IOException {
        Path good1 = goodFrame("sh_v1.1001.png", 1);
        Path zero = Files.write(dir.resolve("shot/sh_v1.1002.png"), new byte[0]);
        Path text = Files.writeString(dir.resolve("shot/sh_v1.1003.png"), "this is not an image");
        byte[] full = Files.readAllBytes(good1);
        Path truncated = Files.write(dir.resolve("shot/sh_v1.1004.png"), Arrays.copyOf(full, full.length / 2));
        Path good2 = goodFrame("sh_v1.1005.png", 2);
        Path missing = dir.resolve("shot/sh_v1.1006.png");
        List<BatchScorer.Input> inputs = List.of(good1, zero, text, truncated, good2, missing).stream()
                .map(BatchScorer.Input::of).toList();

        BatchScorer.Result result = new BatchScorer(engine).score(inputs, List.of(), 2, ScoringProgress.none(),
                new Cancellation());

        assertEquals(List.of(good1.toString(), good2.toString()),
                result.frames().stream().map(f -> f.input().displayPath()).toList());
        Map<String, String> reasons = result.problems().stream()
                .collect(Collectors.toMap(p -> p.path().toString(), MediaProblem::reason));
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.get(zero.toString()).contains("zero-byte"), reasons.toString());
        assertTrue(reasons.get(text.toString()).contains("not a readable image"), reasons.toString());
        assertTrue(reasons.get(truncated.toString()).contains("damaged"), reasons.toString());
        assertTrue(reasons.get(missing.toString()).contains("not found"), reasons.toString());
        assertFalse(result.cancelled());
        assertTrue(result.frames().get(0).score().characters().get(0).band() == Band.OK);
    }

    @Test
    void oversizedFramesAreRefusedBeforeDecoding() throws IOException {
        Path frame = goodFrame("big.png", 3);
        ConsistencyEngine strict = ConsistencyEngine.load(List.of(SheetFolders.read(dir.resolve("characters/mira"))),
                new ScoringSettings(60, 40, 640, 200 * 400));
        BatchScorer.Result result = new BatchScorer(strict).score(List.of(BatchScorer.Input.of(frame)), List.of(), 1,
                ScoringProgress.none(), new Cancellation());
        assertTrue(result.frames().isEmpty());
        assertTrue(result.problems().get(0).reason().contains("too large"), result.problems().toString());
    }

    @Test
    void cancellationStopsTheBatchAndSaysSo() throws IOException {
        List<BatchScorer.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inputs.add(BatchScorer.Input.of(goodFrame("c_" + i + ".png", i)));
        }
        Cancellation cancellation = new Cancellation();
        AtomicInteger progressCalls = new AtomicInteger();
        BatchScorer.Result result = new BatchScorer(engine).score(inputs, List.of(), 1, (done, total) -> {
            progressCalls.incrementAndGet();
            if (done == 3) {
                cancellation.cancel();
            }
        }, cancellation);
        assertTrue(result.cancelled());
        assertTrue(result.frames().size() < inputs.size(), "scored " + result.frames().size());
        assertTrue(progressCalls.get() >= 3);
    }

    @Test
    void theCacheServesUnchangedFramesAndItsJsonRoundTrips() throws IOException {
        List<BatchScorer.Input> inputs = List.of(BatchScorer.Input.of(goodFrame("k.1001.png", 1)),
                BatchScorer.Input.of(goodFrame("k.1002.png", 2)));
        InMemoryAnalysisCache cache = new InMemoryAnalysisCache();
        BatchScorer scorer = new BatchScorer(engine, cache, dir);
        BatchScorer.Result first = scorer.score(inputs, List.of(), 2, ScoringProgress.none(), new Cancellation());
        BatchScorer.Result second = scorer.score(inputs, List.of(), 2, ScoringProgress.none(), new Cancellation());
        assertEquals(0, first.cachedCount());
        assertEquals(2, second.cachedCount());
        assertEquals(2, cache.size());
        // Fresh and cached scores are the same to the last digit: a fresh analysis is scored as the cache keeps it.
        assertEquals(first.frames().get(0).score(), second.frames().get(0).score());
        assertEquals(first.frames().get(1).score(), second.frames().get(1).score());
        for (String payload : cache.entries.values()) {
            // At most 9 significant digits per number (a double would print up to 17).
            assertFalse(java.util.regex.Pattern.compile("[1-9][0-9]{9,}").matcher(payload.replace(".", "")).find(),
                    "measurements are stored at single precision: " + payload);
        }
        // Numbered neighbours in one folder get the temporal component.
        assertTrue(second.frames().get(0).score().characters().get(0).hasTemporal());

        Path file = dir.resolve("cache.jsonl");
        JsonFileAnalysisCache saved = JsonFileAnalysisCache.open(file);
        new BatchScorer(engine, saved, dir).score(inputs, List.of(), 1, ScoringProgress.none(), new Cancellation());
        saved.save();
        JsonFileAnalysisCache reopened = JsonFileAnalysisCache.open(file);
        assertEquals(2, reopened.size());
        BatchScorer.Result third = new BatchScorer(engine, reopened, dir).score(inputs, List.of(), 1,
                ScoringProgress.none(), new Cancellation());
        assertEquals(2, third.cachedCount());
        assertEquals(first.frames().get(0).score(), third.frames().get(0).score());
        new ObjectMapper().readTree(Files.readAllLines(file).get(0));
    }

    /** The colours an explanation names are measured, so they are cached with the analysis and read back the same. */
    @Test
    void theColoursAnExplanationNamesComeBackFromTheCache() throws IOException {
        BufferedImage shot = TestCharacters.shot(TestCharacters.figure(Costume.MIRA.coatHueRotated(180), false), 0.7,
                0.4, 0.5, false, 3);
        List<BatchScorer.Input> inputs = List.of(BatchScorer.Input.of(TestCharacters.write(shot,
                Files.createDirectories(dir.resolve("teal")).resolve("teal.png"))));
        Path file = dir.resolve("colours.jsonl");
        JsonFileAnalysisCache saved = JsonFileAnalysisCache.open(file);
        BatchScorer.Result fresh = new BatchScorer(engine, saved, dir).score(inputs, List.of(), 1,
                ScoringProgress.none(), new Cancellation());
        saved.save();
        BatchScorer.Result cached = new BatchScorer(engine, JsonFileAnalysisCache.open(file), dir).score(inputs,
                List.of(), 1, ScoringProgress.none(), new Cancellation());

        assertEquals(1, cached.cachedCount());
        String explanation = fresh.frames().get(0).score().characters().get(0).explanation();
        assertEquals("costume colour differs from the 'front' view: red missing, teal found", explanation);
        assertEquals(explanation, cached.frames().get(0).score().characters().get(0).explanation());
    }
}
