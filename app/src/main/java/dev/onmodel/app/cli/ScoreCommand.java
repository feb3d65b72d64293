package dev.onmodel.app.cli;

import dev.onmodel.core.consistency.BatchScorer;
import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.ProjectScorer;
import dev.onmodel.core.consistency.ScoringProgress;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.consistency.SheetFolders;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.media.SequenceScanner;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.workflow.ProjectWorkspace;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
 * cast, with a progress line, into the project's review store (scores, casts and the analysis cache, so a second run
 * decodes only frames that changed). A project never imported is imported first.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score frames for character consistency against approved sheets.",
                "  onmodel score --sheet DIR [--sheet DIR ...] INPUT... [--csv FILE] [--threads N]",
                "  onmodel score --project DIR [--rescan] [--threads N]",
                "INPUT: image files or folders (searched recursively, sorted by name).",
                "Exit 0 when every input was scored, 1 when some could not be read (listed on stderr), 2 on usage errors."})
public final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--sheet", paramLabel = "DIR", description = "A character's sheet folder (its name is the character's).")
    List<Path> sheets = new ArrayList<>();

    @Option(names = "--project", paramLabel = "DIR", description = "Score a whole project folder.")
    Path project;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the CSV here instead of standard output.")
    Path csv;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--ok", paramLabel = "SCORE", description = "Scores at or above this are ok (default: the"
            + " project's thresholds with --project, else 85).")
    Double okThreshold;

    @Option(names = "--off-model", paramLabel = "SCORE", description = "Scores below this are off-model (default:"
            + " the project's thresholds with --project, else 65).")
    Double offModelThreshold;

    @Option(names = "--rescan", description = "With --project: rescan the media into the store before scoring"
            + " (new, removed and changed frames); without it the store's last import is scored.")
    boolean rescan;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Image files, movies (every frame, path MOVIE#N) or folders.")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() throws IOException, StoreException {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        if (project != null) {
            if (!sheets.isEmpty() || !inputs.isEmpty() || csv != null) {
                throw new IllegalArgumentException("--project scores the project's own sheets and frames; "
                        + "do not combine it with --sheet, --csv or INPUT");
            }
            return scoreProject();
        }
        ScoringSettings settings = withGivenThresholds(ScoringSettings.defaults());
        if (rescan) {
            throw new IllegalArgumentException("--rescan goes with --project DIR");
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

    /** {@code settings} with the thresholds given on the command line, which win over the project's. */
    private ScoringSettings withGivenThresholds(ScoringSettings settings) {
        return settings.withThresholds(okThreshold != null ? okThreshold : settings.okThreshold(),
                offModelThreshold != null ? offModelThreshold : settings.offModelThreshold());
    }

    private int scoreProject() throws IOException, StoreException {
        if (!Files.isDirectory(project) || !ProjectLayout.looksLikeProject(project)) {
            throw new IllegalArgumentException(project + " is not an OnModel project (no shots/ or characters/ folder)");
        }
        // A pipeline must not get scores banded by the defaults when the project's own thresholds cannot be read.
        ProjectWorkspace.checkSettings(project);
        ProjectWorkspace.Options options = ProjectWorkspace.Options.defaults().withRescan(rescan)
                .withImporting(ImportOptions.defaults().withMovieProbe(FfmpegTools.probeOrExplain()));
        try (ProjectWorkspace workspace = ProjectWorkspace.open(project, options)) {
            workspace.importReport().ifPresent(report -> System.err.println("onmodel score: imported "
                    + report.frames() + " frames" + (report.hasProblems() ? " (" + report.problems().size()
                    + " import problems: see 'onmodel import --project " + project + "')" : "")));
            if (workspace.store().isReadOnly()) {
                throw new StoreException(StoreException.Kind.READ_ONLY, workspace.store().projectRoot()
                        + ": cannot store scores: " + workspace.store().readOnlyReason().orElse("read-only"));
            }
            ConsistencyEngine engine = workspace.engine(withGivenThresholds(workspace.scoringSettings()));
            engine.warnings().forEach(w -> System.err.println("onmodel score: " + w));
            ProgressLine line = new ProgressLine(System.err);
            ProjectWorkspace.ScoreRun run = workspace.score(engine, threads, line, new Cancellation());
            line.end();
            run.problems().forEach(p -> System.err.println("onmodel score: " + p.path() + ": " + p.reason()));
            ProjectScorer.Summary summary = run.summary();
            System.out.printf(Locale.ROOT, "%s: %d frames scored (%d from cache, %d files digested, %d unchanged) in %.1f s; "
                            + "%d frames outside the ok band; %d problems; casts %s; scores in %s%n",
                    workspace.project().name(), summary.frames(), summary.cached(), run.digestedFiles(),
                    run.unchangedFrames(), run.seconds(), run.flaggedFrames(), run.problems().size(), summary.casts(),
                    workspace.store().databaseFile());
            return run.problems().isEmpty() ? 0 : 1;
        }
    }

    /** The progress line on standard error: rewritten in place, at most a few times a second. */
    private static final class ProgressLine implements ScoringProgress {
        private final java.io.PrintStream out;
        private long lastNanos;
        private boolean shown;

        ProgressLine(java.io.PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void update(int done, int total) {
            long now = System.nanoTime();
            if (done == total || now - lastNanos > 200_000_000L) {
                lastNanos = now;
                shown = true;
                out.printf(Locale.ROOT, "\rscoring %d/%d frames", done, total);
            }
        }

        synchronized void end() {
            if (shown) {
                out.println();
            }
        }
    }

    /**
     * The frames to score: image files as given, folders searched recursively (sorted by name), and every frame of
     * each movie, named {@code movie.mp4#12} (frames numbered from 1, as the project's import numbers a movie's).
     */
    private static List<BatchScorer.Input> expand(List<Path> inputs, List<MediaProblem> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    List<Path> found = walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> SequenceScanner.IMAGE_EXTENSIONS.contains(SequenceScanner.extensionOf(p))
                                    || isMovie(p))
                            .sorted(Comparator.comparing(Path::toString))
                            .toList();
                    if (found.isEmpty()) {
                        System.err.println("onmodel score: " + input + ": no image or movie files in this folder");
                    }
                    files.addAll(found);
                }
            } else if (Files.exists(input)) {
                files.add(input);
            } else {
                problems.add(new MediaProblem(input, "file not found"));
            }
        }
        // ffprobe is looked for only when there is a movie to read.
        MovieProbe probe = files.stream().anyMatch(ScoreCommand::isMovie) ? FfmpegTools.probeOrExplain() : null;
        List<BatchScorer.Input> frames = new ArrayList<>();
        for (Path file : files) {
            if (!isMovie(file)) {
                frames.add(new BatchScorer.Input(file, file.toString()));
                continue;
            }
            try {
                MovieMedia movie = probe.probe(file);
                movie.range().frames().forEach(frame -> frames.add(BatchScorer.Input.ofMovieFrame(movie, frame)));
            } catch (IOException e) {
                problems.add(new MediaProblem(file, e.getMessage()));
            }
        }
        return frames;
    }

    private static boolean isMovie(Path file) {
        return SequenceScanner.MOVIE_EXTENSIONS.contains(SequenceScanner.extensionOf(file));
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

    /** The CSV contract: this header, one row per frame and character, RFC 4180 quoting where a field needs it. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
            .setHeader("path", "character", "score", "band", "colour", "shape", "temporal", "view", "box_x", "box_y",
                    "box_w", "box_h", "explanation").get();

    private static void writeRows(BatchScorer.Result result, Writer out) throws IOException {
        // Not closed here: closing would close the writer, which may be standard output.
        CSVPrinter printer = new CSVPrinter(out, CSV);
        for (BatchScorer.ScoredFrame frame : result.frames()) {
            for (CharacterScore c : frame.score().characters()) {
                printer.printRecord(frame.input().displayPath(), c.character(), number(c.score()), c.band().label(),
                        number(c.colour()), number(c.shape()), c.hasTemporal() ? number(c.temporal()) : "", c.view(),
                        c.box().x(), c.box().y(), c.box().width(), c.box().height(), c.explanation());
            }
        }
        printer.flush();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
