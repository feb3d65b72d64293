package dev.onmodel.app.cli;

import dev.onmodel.core.consistency.BatchScorer;
import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.JsonFileAnalysisCache;
import dev.onmodel.core.consistency.JsonFileProjectScoreSink;
import dev.onmodel.core.consistency.ProjectScorer;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.consistency.SheetFolders;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.media.SequenceScanner;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code onmodel score}: scores frames against character sheets. With {@code --sheet DIR... INPUT...} it writes a CSV
 * (stdout or {@code --csv FILE}); with {@code --project DIR} it scores every variant of a project against each shot's
 * cast, with a progress line, into the project's scores file and analysis cache.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score frames for character consistency against approved sheets.",
                "  onmodel score --sheet DIR [--sheet DIR ...] INPUT... [--csv FILE] [--threads N]",
                "  onmodel score --project DIR [--threads N]",
                "INPUT: image files or folders (searched recursively, sorted by name).",
                "Exit 0 when every input was scored, 1 when some could not be read (listed on stderr), 2 on usage errors."})
public final class ScoreCommand implements Callable<Integer> {

    /** Where {@code --project} writes, relative to the project folder. */
    static final String SCORES_FILE = "onmodel-scores.json";
    static final String CACHE_FILE = ".onmodel/analysis-cache.jsonl";

    @Option(names = "--sheet", paramLabel = "DIR", description = "A character's sheet folder (its name is the character's).")
    List<Path> sheets = new ArrayList<>();

    @Option(names = "--project", paramLabel = "DIR", description = "Score a whole project folder.")
    Path project;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the CSV here instead of standard output.")
    Path csv;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--ok", paramLabel = "SCORE", description = "Scores at or above this are ok (default: ${DEFAULT-VALUE}).")
    double okThreshold = ScoringSettings.defaults().okThreshold();

    @Option(names = "--off-model", paramLabel = "SCORE", description = "Scores below this are off-model (default: ${DEFAULT-VALUE}).")
    double offModelThreshold = ScoringSettings.defaults().offModelThreshold();

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Image files or folders.")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        ScoringSettings settings = ScoringSettings.defaults().withThresholds(okThreshold, offModelThreshold);
        if (project != null) {
            if (!sheets.isEmpty() || !inputs.isEmpty() || csv != null) {
                throw new IllegalArgumentException("--project scores the project's own sheets and frames; "
                        + "do not combine it with --sheet, --csv or INPUT");
            }
            return scoreProject(settings);
        }
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("give at least one --sheet DIR (or --project DIR)");
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("give at least one INPUT image file or folder");
        }
        List<CharacterSheet> characterSheets = sheets.stream().map(SheetFolders::read).toList();
        ConsistencyEngine engine = ConsistencyEngine.load(characterSheets, settings);
        engine.warnings().forEach(w -> System.err.println("onmodel score: " + w));
        List<MediaProblem> problems = new ArrayList<>();
        List<BatchScorer.Input> files = expand(inputs, problems);
        BatchScorer.Result result = new BatchScorer(engine).score(files, List.of(), threads, (done, total) -> { },
                new Cancellation());
        writeCsv(result);
        problems.addAll(result.problems());
        problems.forEach(p -> System.err.println("onmodel score: " + p.path() + ": " + p.reason()));
        return problems.isEmpty() ? 0 : 1;
    }

    private int scoreProject(ScoringSettings settings) throws IOException {
        if (!Files.isDirectory(project) || !ProjectLayout.looksLikeProject(project)) {
            throw new IllegalArgumentException(project + " is not an OnModel project (no shots/ or characters/ folder)");
        }
        ProjectReader.ReadResult read = new ProjectReader(MovieProbe.unavailable("install ffmpeg")).read(project);
        read.problems().forEach(p -> System.err.println("onmodel score: " + p));
        ConsistencyEngine engine = ConsistencyEngine.load(read.project().characters(), settings);
        engine.warnings().forEach(w -> System.err.println("onmodel score: " + w));
        Path root = read.project().root();
        JsonFileAnalysisCache cache = JsonFileAnalysisCache.open(root.resolve(CACHE_FILE));
        JsonFileProjectScoreSink sink = new JsonFileProjectScoreSink(root.resolve(SCORES_FILE), root);
        long start = System.nanoTime();
        ProjectScorer.Summary summary = new ProjectScorer(engine, cache).score(read.project(), sink, threads,
                (done, total) -> {
                    if (done == total || done % 25 == 0) {
                        System.err.printf(Locale.ROOT, "\rscoring %d/%d frames", done, total);
                    }
                }, new Cancellation());
        System.err.println();
        cache.save();
        long problems = summary.problems();
        long flagged = sink.entries().stream().filter(e -> !e.band().equals("ok")).count();
        System.out.printf(Locale.ROOT, "%s: %d frames scored (%d from cache) in %.1f s; %d character scores outside the "
                        + "ok band; %d problems; casts %s; scores in %s%n", read.project().name(), summary.frames(),
                summary.cached(), (System.nanoTime() - start) / 1e9, flagged, problems, summary.casts(),
                root.resolve(SCORES_FILE));
        return problems == 0 ? 0 : 1;
    }

    private static List<BatchScorer.Input> expand(List<Path> inputs, List<MediaProblem> problems) throws IOException {
        List<BatchScorer.Input> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> SequenceScanner.IMAGE_EXTENSIONS.contains(SequenceScanner.extensionOf(p)))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(p -> files.add(new BatchScorer.Input(p, p.toString())));
                }
            } else if (Files.exists(input)) {
                files.add(new BatchScorer.Input(input, input.toString()));
            } else {
                problems.add(new MediaProblem(input, "file not found"));
            }
        }
        return files;
    }

    private void writeCsv(BatchScorer.Result result) throws IOException {
        if (csv == null) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            writeRows(result, out);
            out.flush();
            return;
        }
        Path parent = csv.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, csv.getFileName().toString(), ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            writeRows(result, out);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeRows(BatchScorer.Result result, Writer out) throws IOException {
        out.write("path,character,score,band,colour,shape,temporal,view,box_x,box_y,box_w,box_h,explanation\n");
        for (BatchScorer.ScoredFrame frame : result.frames()) {
            for (CharacterScore c : frame.score().characters()) {
                out.write(String.join(",", quote(frame.input().displayPath()), quote(c.character()),
                        number(c.score()), c.band().label(), number(c.colour()), number(c.shape()),
                        c.hasTemporal() ? number(c.temporal()) : "", quote(c.view()),
                        Integer.toString(c.box().x()), Integer.toString(c.box().y()),
                        Integer.toString(c.box().width()), Integer.toString(c.box().height()),
                        quote(c.explanation())));
                out.write('\n');
            }
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** RFC 4180 quoting when needed. */
    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
