package dev.onmodel.app.cli;

import dev.onmodel.core.editorial.EditorialExport;
import dev.onmodel.core.editorial.MissingPolicy;
import dev.onmodel.core.editorial.ReviewFacts;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.store.MovieNumbering;
import dev.onmodel.core.time.FrameRate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code onmodel export}: writes the editorial hand-off of a project headless. Exit 0 when the file was written,
 * 1 when nothing was exported (the reason is printed), 2 for a usage error.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the approved cut (EDL, FCPXML, OpenTimelineIO) or the review record (CSV, HTML report).",
                "Exit codes: 0 written, 1 nothing exported (reason printed), 2 usage error."})
public final class ExportCommand implements Callable<Integer> {

    /** The formats {@code --format} accepts. */
    static final List<String> FORMATS = List.of("edl", "fcpxml", "otio", "csv", "report");

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "Project folder.")
    Path project;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "edl, fcpxml, otio, csv or report.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced atomically).")
    Path out;

    @Option(names = "--rate", paramLabel = "R",
            description = "Edit rate: 23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60 or N/D (default: the project's).")
    String rate;

    @Option(names = "--start", paramLabel = "TC",
            description = "Record start timecode (default 01:00:00:00; 01:00:00;00 at 29.97/59.94). "
                    + "A ';' before the frames means drop-frame, ':' non-drop-frame.")
    String start;

    @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "fail",
            description = "Shots without an approved variant: gap, best or fail (default: ${DEFAULT-VALUE}).")
    String missing;

    private final ReviewFactsSource factsSource;

    /** The command as the CLI runs it, with {@link #defaultFactsSource()}. */
    public ExportCommand() {
        this(defaultFactsSource());
    }

    /** The command reading facts from {@code factsSource} (tests, or the app binding the decision store). */
    public ExportCommand(ReviewFactsSource factsSource) {
        this.factsSource = factsSource;
    }

    /**
     * Where the CLI finds review facts: the project's review store (decisions, hero choices, persisted scores) when
     * it holds any decision, otherwise {@code review-facts.json} in the project folder.
     */
    public static ReviewFactsSource defaultFactsSource() {
        return ReviewFactsSource.firstOf(ReviewFactsSource.store(), ReviewFactsSource.projectFile());
    }

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        // Usage errors first (exit 2), before any file is touched.
        EditorialExport.Format chosenFormat = EditorialExport.Format.parse(format);
        MissingPolicy policy = MissingPolicy.parse(missing);
        FrameRate chosenRate = rate == null ? null : FrameRate.parse(rate);

        if (!Files.isDirectory(project)) {
            err.println("onmodel export: " + project + ": not a project folder; nothing exported");
            return 1;
        }
        ProjectReader.ReadResult read = new ProjectReader(FfmpegTools.probeOrExplain()).read(project);
        for (MediaProblem problem : read.problems()) {
            err.println("warning: " + problem.path() + ": " + problem.reason());
        }
        Project p = MovieNumbering.asRecorded(read.project());
        Optional<ReviewFacts> facts = factsSource.open(p);
        if (facts.isEmpty()) {
            err.println("onmodel export: no review decisions found for " + p.root() + " (no decision store and no "
                    + dev.onmodel.core.editorial.JsonReviewFacts.FILE_NAME + "); nothing exported");
            return 1;
        }
        try {
            EditorialExport.Outcome outcome = EditorialExport.run(p, facts.get(),
                    new EditorialExport.Request(chosenFormat, out, chosenRate, start, policy));
            outcome.warnings().forEach(w -> err.println("warning: " + w));
            System.out.println(outcome.summary());
            return 0;
        } catch (EditorialExport.NothingExportedException e) {
            err.println("onmodel export: " + e.getMessage() + "; nothing exported");
            return 1;
        }
    }
}
