package dev.onmodel.core.consistency.evaluation;

import dev.onmodel.core.consistency.CharacterAnalysis;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.FrameAnalysis;
import dev.onmodel.core.consistency.PerceptualHash;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.consistency.SheetFolders;
import dev.onmodel.core.consistency.decode.FrameDecoder;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.SheetView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Scores the labelled development set (../shared/dev-eval/README.md) with OnModel and with a naive whole-frame pHash
 * baseline, and computes the figures of its metric.
 *
 * <p>Reads only the columns {@code path, character, label, subkind, expect_flag} of labels.csv: the true position
 * and the debugging columns ({@code shown, action, params, bbox_*}) are never looked at.
 */
public final class DevSetEvaluation {

    /** The kinds in the order the metric prints them. */
    public static final List<String> KIND_ORDER = List.of("other:near", "other:far", "drift:hue", "drift:recolor",
            "drift:stretch", "drift:mirror", "drift:occlude", "drift:scale");

    /** One labelled frame and its two scores. */
    public record Row(String path, String character, String label, String subkind, boolean expectFlag,
                      double engineScore, double baselineScore, CharacterScore detail,
                      CharacterAnalysis analysis) {
        public String kind() {
            return label + ":" + subkind;
        }
    }

    /** Figures of one kind for one scorer. */
    public record KindFigures(String kind, boolean expectFlag, int count, double auc, double flaggedShare) {
    }

    /** The metric's figures for one scorer. */
    public record Figures(double threshold, List<KindFigures> kinds, double pooledAuc, double pooledDetection,
                          double mustNotFlagFalseAlarms) {
    }

    /** Everything the evaluation produced. */
    public record Report(List<Row> rows, Figures engine, Figures baseline, List<String> problems) {
    }

    private DevSetEvaluation() {
    }

    /**
     * @param devSet     the built set's folder (holding labels.csv)
     * @param threads    worker threads
     * @param progress   called with the number of frames done, from worker threads
     */
    public static Report run(Path devSet, ScoringSettings settings, int threads, IntConsumer progress)
            throws IOException {
        Path labels = devSet.resolve("labels.csv");
        if (!Files.isRegularFile(labels)) {
            throw new IOException(labels + ": not found (build the set with ../shared/dev-eval/build-dev-set.sh)");
        }
        List<Map<String, String>> records = readCsv(labels);
        Map<String, ConsistencyEngine> engines = new LinkedHashMap<>();
        Map<String, List<Long>> sheetHashes = new LinkedHashMap<>();
        for (Map<String, String> r : records) {
            String character = r.get("character");
            if (!engines.containsKey(character)) {
                CharacterSheet sheet = SheetFolders.read(devSet.resolve(character).resolve("sheet"));
                CharacterSheet named = new CharacterSheet(character, sheet.views());
                engines.put(character, ConsistencyEngine.load(List.of(named), settings));
                List<Long> hashes = new ArrayList<>();
                for (SheetView view : named.views()) {
                    hashes.add(PerceptualHash.of(FrameDecoder.readFull(view.image(), settings.maxPixels())));
                }
                sheetHashes.put(character, hashes);
            }
        }
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (Map<String, String> r : records) {
                futures.add(pool.submit(() -> {
                    Row row = scoreRow(devSet, r, engines.get(r.get("character")), sheetHashes.get(r.get("character")),
                            settings, problems);
                    progress.accept(done.incrementAndGet());
                    return row;
                }));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                Row row = f.get();
                if (row != null) {
                    rows.add(row);
                }
            }
            return new Report(rows, figures(rows, true, 0.05), figures(rows, false, 0.05), List.copyOf(problems));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("evaluation failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Row scoreRow(Path devSet, Map<String, String> r, ConsistencyEngine engine, List<Long> sheetHashes,
                                ScoringSettings settings, List<String> problems) {
        Path frame = devSet.resolve(r.get("path"));
        try {
            FrameAnalysis analysis = engine.analyze(frame, List.of());
            CharacterScore score = engine.score(analysis, null, null).characters().get(0);
            long hash = PerceptualHash.of(FrameDecoder.readSubsampled(frame, 512, settings.maxPixels()).raster());
            double baseline = sheetHashes.stream().mapToDouble(h -> PerceptualHash.similarity(hash, h)).max()
                    .orElse(0);
            return new Row(r.get("path"), r.get("character"), r.get("label"), r.get("subkind"),
                    "1".equals(r.get("expect_flag")), score.score(), baseline, score,
                    analysis.characters().get(0));
        } catch (IOException e) {
            problems.add(frame + ": " + e.getMessage());
            return null;
        }
    }

    /** The metric's figures over {@code rows} for the engine or the baseline score. */
    public static Figures figures(List<Row> rows, boolean engine, double falseAlarmRate) {
        List<Double> same = rows.stream().filter(r -> r.label().equals("same"))
                .map(r -> engine ? r.engineScore() : r.baselineScore()).toList();
        double threshold = DetectionMetrics.thresholdFor(same, falseAlarmRate);
        Map<String, List<Row>> byKind = new LinkedHashMap<>();
        KIND_ORDER.forEach(k -> byKind.put(k, new ArrayList<>()));
        rows.stream().filter(r -> !r.label().equals("same"))
                .forEach(r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r));
        List<KindFigures> kinds = new ArrayList<>();
        List<Double> flagged = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byKind.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            List<Double> scores = e.getValue().stream().map(r -> engine ? r.engineScore() : r.baselineScore()).toList();
            boolean expectFlag = e.getValue().get(0).expectFlag();
            (expectFlag ? flagged : kept).addAll(scores);
            kinds.add(new KindFigures(e.getKey(), expectFlag, scores.size(), DetectionMetrics.auc(same, scores),
                    DetectionMetrics.shareBelow(scores, threshold)));
        }
        return new Figures(threshold, kinds, DetectionMetrics.auc(same, flagged),
                DetectionMetrics.shareBelow(flagged, threshold), DetectionMetrics.shareBelow(kept, threshold));
    }

    /** Writes {@code path,score,...} for score-dev.py (engine or baseline scores), atomically. */
    public static void writeScores(List<Row> rows, boolean engine, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(engine
                ? new String[] {"path", "score", "band", "colour", "shape", "view", "box_x", "box_y", "box_w", "box_h",
                        "explanation"}
                : new String[] {"path", "score"}).get();
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Row r : rows) {
                if (engine) {
                    CharacterScore d = r.detail();
                    printer.printRecord(r.path(), decimal("%.1f", r.engineScore()), d.band().label(),
                            decimal("%.1f", d.colour()), decimal("%.1f", d.shape()), d.view(), d.box().x(),
                            d.box().y(), d.box().width(), d.box().height(), d.explanation());
                } else {
                    printer.printRecord(r.path(), decimal("%.2f", r.baselineScore()));
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String decimal(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    /** labels.csv's rows, with only the columns the engine is allowed to see (never the placed sprite's box). */
    static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> allowed = List.of("path", "character", "label", "subkind", "expect_flag");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : parser.getHeaderNames()) {
                    if (allowed.contains(column)) {
                        row.put(column, record.isSet(column) ? record.get(column) : "");
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
