package dev.onmodel.app.cli;

import dev.onmodel.core.editorial.ClipEvent;
import dev.onmodel.core.editorial.EditList;
import dev.onmodel.core.editorial.EditListBuilder;
import dev.onmodel.core.editorial.EditListOptions;
import dev.onmodel.core.editorial.GapEvent;
import dev.onmodel.core.editorial.HeroRule;
import dev.onmodel.core.editorial.MissingApprovalException;
import dev.onmodel.core.editorial.MissingPolicy;
import dev.onmodel.core.editorial.ReviewFacts;
import dev.onmodel.core.editorial.TimelineExporter;
import dev.onmodel.core.editorial.edl.Cmx3600EdlExporter;
import dev.onmodel.core.editorial.fcpxml.Fcpxml110Exporter;
import dev.onmodel.core.editorial.otio.OtioJsonExporter;
import dev.onmodel.core.editorial.report.DecisionCsvExporter;
import dev.onmodel.core.editorial.report.HtmlReviewReportExporter;
import dev.onmodel.core.editorial.report.ReviewSummary;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
     * Where the CLI finds review facts: {@code review-facts.json} in the project folder. The decision store and
     * consistency scores are chained in front of it once they exist.
     */
    public static ReviewFactsSource defaultFactsSource() {
        return ReviewFactsSource.projectFile();
    }

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        // Usage errors first (exit 2), before any file is touched.
        String chosenFormat = format.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(chosenFormat)) {
            throw new IllegalArgumentException("unknown format '" + format + "' (use " + String.join(", ", FORMATS) + ")");
        }
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
        Project p = read.project();
        FrameRate editRate = chosenRate == null ? p.rate() : chosenRate;
        Timecode startTc = start == null ? EditListOptions.defaultStart(editRate) : Timecode.parse(start, editRate);

        Optional<ReviewFacts> facts = factsSource.open(p);
        if (facts.isEmpty()) {
            err.println("onmodel export: no review decisions found for " + p.root() + " (no decision store and no "
                    + dev.onmodel.core.editorial.JsonReviewFacts.FILE_NAME + "); nothing exported");
            return 1;
        }
        if (chosenFormat.equals("csv") || chosenFormat.equals("report")) {
            ReviewSummary summary = ReviewSummary.of(p, facts.get(), editRate, startTc.dropFrame());
            summary.warnings().forEach(w -> err.println("warning: " + w));
            if (chosenFormat.equals("csv")) {
                new DecisionCsvExporter().export(summary, out);
                System.out.println("wrote " + facts.get().decisions().size() + " decisions to " + out);
            } else {
                new HtmlReviewReportExporter().export(summary, out);
                System.out.println("wrote the review report of " + p.shots().size() + " shots to " + out);
            }
            return 0;
        }
        EditList edit;
        try {
            edit = EditListBuilder.build(p, facts.get(), EditListOptions.defaults().withRate(editRate)
                    .withStart(startTc).withMissingPolicy(policy));
        } catch (MissingApprovalException e) {
            err.println("onmodel export: " + e.getMessage() + "; nothing exported");
            return 1;
        }
        if (edit.events().isEmpty()) {
            err.println("onmodel export: the project has no shots to export; nothing exported");
            return 1;
        }
        edit.warnings().forEach(w -> err.println("warning: " + w));
        TimelineExporter exporter = switch (chosenFormat) {
            case "edl" -> new Cmx3600EdlExporter();
            case "fcpxml" -> new Fcpxml110Exporter();
            default -> new OtioJsonExporter();
        };
        exporter.export(edit, out);
        System.out.println(describe(edit) + " to " + out);
        return 0;
    }

    private static String describe(EditList edit) {
        long marked = edit.clips().stream().filter(c -> c.rule() == HeroRule.MARKED_HERO).count();
        long approved = edit.clips().stream().filter(c -> c.rule() == HeroRule.FULLY_APPROVED).count();
        long best = edit.clips().stream().filter(c -> c.rule() == HeroRule.BEST_SCORE).count();
        long gaps = edit.events().stream().filter(GapEvent.class::isInstance).count();
        long markers = edit.clips().stream().mapToLong((ClipEvent c) -> c.markers().size()).sum();
        return "wrote " + edit.events().size() + " events (" + marked + " marked hero, " + approved + " fully approved, "
                + best + " best-score stand-ins, " + gaps + " gaps; " + markers + " markers) from "
                + edit.timecode(edit.recordRange().start()) + " to " + edit.timecode(edit.recordRange().endExclusive());
    }
}
