package dev.onmodel.app.cli;

import dev.onmodel.core.editorial.FrameScore;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.sample.ProgressListener;
import dev.onmodel.core.sample.SampleOptions;
import dev.onmodel.core.sample.SampleProjectGenerator;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoredFrame;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.store.VariantKey;
import dev.onmodel.core.workflow.StoreReviewFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI end to end on a small generated sample: import, score into the store (and again from the cache), decide
 * through standard input, export every format from the store's facts.
 */
class WorkflowEndToEndTest {

    private static final Pattern SCORED = Pattern.compile("(\\d+) frames scored \\((\\d+) from cache, (\\d+) files digested, (\\d+) unchanged\\)");

    @TempDir
    Path dir;

    @Test
    void importScoreDecideExport() throws Exception {
        Path project = dir.resolve("sample");
        SampleProjectGenerator.generate(project, SampleOptions.defaults().withFrameScale(0.2).withPictureScale(0.25),
                ProgressListener.NONE);

        StoreCommandsTest.Run imported = StoreCommandsTest.run("", "import", "--project", project.toString());
        assertEquals(0, imported.exitCode(), imported.stdout() + imported.stderr());

        // First score: everything analysed and stored.
        StoreCommandsTest.Run first = StoreCommandsTest.run("", "score", "--project", project.toString(), "--threads", "2");
        assertEquals(0, first.exitCode(), first.stdout() + first.stderr());
        assertTrue(first.stderr().contains("scoring "), "progress line: " + first.stderr());
        Matcher m1 = SCORED.matcher(first.stdout());
        assertTrue(m1.find(), first.stdout());
        int frames = Integer.parseInt(m1.group(1));
        assertEquals(0, Integer.parseInt(m1.group(2)));

        Map<VariantKey, NavigableMap<Long, StoredFrame>> stored;
        Map<VariantKey, NavigableMap<Long, List<StoredScore>>> scores;
        try (ReviewStore store = ReviewStore.open(project)) {
            stored = store.storedFrames();
            scores = store.allScores();
            assertEquals(stored.values().stream().mapToInt(Map::size).sum(), frames);
            assertEquals(stored.keySet(), scores.keySet());
            stored.forEach((variant, f) -> assertEquals(f.keySet(), scores.get(variant).keySet(), variant.toString()));
            assertEquals(6, store.casts().size());
        }

        // Second score: every analysis from the store's cache, no file digested, the same scores stored.
        StoreCommandsTest.Run second = StoreCommandsTest.run("", "score", "--project", project.toString());
        assertEquals(0, second.exitCode(), second.stdout() + second.stderr());
        Matcher m2 = SCORED.matcher(second.stdout());
        assertTrue(m2.find(), second.stdout());
        assertEquals(frames, Integer.parseInt(m2.group(1)));
        assertEquals(frames, Integer.parseInt(m2.group(2)), "re-score must hit the cache for every frame");
        assertEquals(0, Integer.parseInt(m2.group(3)), "unchanged imported frames must not be digested");
        assertEquals(frames, Integer.parseInt(m2.group(4)), "the same scores are not written again");
        try (ReviewStore store = ReviewStore.open(project)) {
            Map<VariantKey, NavigableMap<Long, List<StoredScore>>> again = store.allScores();
            scores.forEach((variant, byFrame) -> byFrame.forEach((frame, rows) -> assertEquals(
                    rows.stream().map(r -> r.character() + r.score() + r.band() + r.view() + r.payload()).toList(),
                    again.get(variant).get(frame).stream()
                            .map(r -> r.character() + r.score() + r.band() + r.view() + r.payload()).toList())));
        }

        // Decide: approve every frame of the first variant of each shot, mark nothing hero.
        Map<String, VariantKey> approvedVariant = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("shot,variant,first,last,verdict,reviewer,role,pass,note\n");
        for (Map.Entry<VariantKey, NavigableMap<Long, StoredFrame>> e : stored.entrySet()) {
            if (approvedVariant.putIfAbsent(e.getKey().shot(), e.getKey()) == null) {
                csv.append(e.getKey().shot()).append(',').append(e.getKey().variant()).append(',')
                        .append(e.getValue().firstKey()).append(',').append(e.getValue().lastKey())
                        .append(",approve,dora,director,director approval,\"all good, ship it\"\n");
            }
        }
        StoreCommandsTest.Run decide = StoreCommandsTest.run(csv.toString(), "decide", "--project", project.toString());
        assertEquals(0, decide.exitCode(), decide.stdout() + decide.stderr());
        assertEquals(approvedVariant.size(), decide.lines().stream().filter(l -> l.startsWith("ok ")).count());

        // The facts the export reads are what was recorded.
        try (ReviewStore store = ReviewStore.open(project)) {
            StoreReviewFacts facts = StoreReviewFacts.load(store);
            assertEquals(approvedVariant.size(), facts.decisions().size());
            for (Decision d : facts.decisions()) {
                VariantKey key = approvedVariant.get(d.shot());
                assertEquals(key.variant(), d.variant());
                assertEquals(Verdict.APPROVE, d.verdict());
                assertEquals("dora", d.reviewer());
                assertEquals("all good, ship it", d.note());
                assertEquals(stored.get(key).firstKey(), d.frames().start());
                assertEquals(stored.get(key).lastKey() + 1, d.frames().endExclusive());
                assertTrue(facts.heroMark(d.shot()).isEmpty());
            }
            for (VariantKey variant : stored.keySet()) {
                NavigableMap<Long, FrameScore> shown = facts.scores(variant.shot(), variant.variant());
                scores.get(variant).forEach((frame, rows) -> {
                    StoredScore worst = rows.stream().min(java.util.Comparator.comparingDouble(StoredScore::score))
                            .orElseThrow();
                    assertEquals(new FrameScore(frame, worst.score(), !worst.band().equals("ok"), worst.character(),
                            worst.view()), shown.get(frame));
                });
            }
        }

        // Export every format from the store's facts: each shot chosen by the FULLY_APPROVED rule.
        List<String> written = new ArrayList<>();
        for (String format : ExportCommand.FORMATS) {
            Path out = dir.resolve("cut." + format);
            StoreCommandsTest.Run export = StoreCommandsTest.run("", "export", "--project", project.toString(),
                    "--format", format, "--out", out.toString());
            assertEquals(0, export.exitCode(), format + ": " + export.stdout() + export.stderr());
            assertTrue(Files.size(out) > 0, format);
            written.add(export.stdout());
            if (List.of("edl", "fcpxml", "otio").contains(format)) {
                assertTrue(export.stdout().contains("0 marked hero, " + approvedVariant.size() + " fully approved, 0 best"),
                        export.stdout());
            }
        }
        assertTrue(written.get(ExportCommand.FORMATS.indexOf("csv")).contains("wrote " + approvedVariant.size()
                + " decisions"), written.toString());
        String edl = Files.readString(dir.resolve("cut.edl"));
        for (VariantKey variant : approvedVariant.values()) {
            assertTrue(edl.contains(variant.shot() + "_" + variant.variant()), "EDL names " + variant + ":\n" + edl);
        }
    }

    private static final Pattern FLAGGED = Pattern.compile("(\\d+) frames scored .*; (\\d+) frames outside the ok band");

    /**
     * The thresholds in project.json band every stored score of {@code score --project}; --ok / --off-model given on
     * the command line win over them.
     */
    @Test
    void projectThresholdsBandTheScoresAndTheCommandLineOverridesThem() throws Exception {
        Path project = dir.resolve("strict");
        SampleProjectGenerator.generate(project, SampleOptions.defaults().withFrameScale(0.2).withPictureScale(0.25),
                ProgressListener.NONE);
        Path file = project.resolve("project.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode settings =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
        settings.putObject("thresholds").put("ok", 100).put("offModel", 0);
        json.writeValue(file.toFile(), settings);

        StoreCommandsTest.Run strict = StoreCommandsTest.run("", "score", "--project", project.toString());
        assertEquals(0, strict.exitCode(), strict.stdout() + strict.stderr());
        Matcher m = FLAGGED.matcher(strict.stdout());
        assertTrue(m.find(), strict.stdout());
        assertEquals(m.group(1), m.group(2), "no frame reaches the project's ok threshold of 100: " + strict.stdout());
        assertEquals(java.util.Set.of("check"), bands(project));

        StoreCommandsTest.Run lenient = StoreCommandsTest.run("", "score", "--project", project.toString(), "--ok", "0",
                "--off-model", "0");
        assertEquals(0, lenient.exitCode(), lenient.stdout() + lenient.stderr());
        m = FLAGGED.matcher(lenient.stdout());
        assertTrue(m.find(), lenient.stdout());
        assertEquals("0", m.group(2), lenient.stdout());
        assertEquals(java.util.Set.of("ok"), bands(project));
    }

    private static java.util.Set<String> bands(Path project) throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            return store.allScores().values().stream().flatMap(v -> v.values().stream()).flatMap(List::stream)
                    .map(StoredScore::band).collect(java.util.stream.Collectors.toSet());
        }
    }
}
