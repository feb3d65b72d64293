package dev.onmodel.core.editorial;

import dev.onmodel.core.editorial.edl.Cmx3600EdlExporter;
import dev.onmodel.core.editorial.fcpxml.Fcpxml110Exporter;
import dev.onmodel.core.editorial.otio.OtioJsonExporter;
import dev.onmodel.core.editorial.report.DecisionCsvExporter;
import dev.onmodel.core.editorial.report.HtmlReviewReportExporter;
import dev.onmodel.core.editorial.report.ReviewSummary;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One export as the CLI's {@code onmodel export} and the window's export dialog both run it: pick the writer for
 * the format, build the edit list or the review summary, write the file atomically, say what was written.
 */
public final class EditorialExport {

    /** What to write. */
    public enum Format {
        EDL("CMX3600 EDL", "edl"),
        FCPXML("FCPXML 1.10", "fcpxml"),
        OTIO("OpenTimelineIO", "otio"),
        CSV("Decisions CSV", "csv"),
        REPORT("HTML review report", "html");

        private final String displayName;
        private final String extension;

        Format(String displayName, String extension) {
            this.displayName = displayName;
            this.extension = extension;
        }

        public String displayName() {
            return displayName;
        }

        /** The usual file extension, without the dot. */
        public String extension() {
            return extension;
        }

        /** The word the CLI takes: {@code edl}, {@code fcpxml}, {@code otio}, {@code csv}, {@code report}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** True for the formats that carry a cut (an edit list) rather than the review record. */
        public boolean isTimeline() {
            return this == EDL || this == FCPXML || this == OTIO;
        }

        /** @throws IllegalArgumentException listing the accepted words */
        public static Format parse(String word) {
            String w = Objects.requireNonNull(word, "format").trim().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (f.word().equals(w)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + word + "' (use edl, fcpxml, otio, csv or report)");
        }
    }

    /**
     * @param format  what to write
     * @param out     the file (replaced atomically)
     * @param rate    edit rate, or null for the project's
     * @param start   record start label ({@code ;} = drop-frame), or null for 01:00:00:00 (01:00:00;00 at DF rates)
     * @param missing what to do with shots that have no approved variant
     * @param media   media paths written absolute or relative to a chosen root
     * @param premiereEdl for EDL: the Premiere-friendly flavour (no {@code * FROM CLIP:} path line, SPEC §2)
     */
    public record Request(Format format, Path out, FrameRate rate, String start, MissingPolicy missing,
                          MediaPaths media, boolean premiereEdl) {
        public Request {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(missing, "missing");
            Objects.requireNonNull(media, "media");
        }

        /** Absolute media paths, standard EDL flavour: what {@code onmodel export} writes. */
        public Request(Format format, Path out, FrameRate rate, String start, MissingPolicy missing) {
            this(format, out, rate, start, missing, MediaPaths.ABSOLUTE, false);
        }
    }

    /** What was written, in one sentence, plus warnings a person should read. */
    public record Outcome(String summary, List<String> warnings) {
        public Outcome {
            warnings = List.copyOf(warnings);
        }
    }

    /** Nothing was exported; the message says why (the shots without an approved variant, no shots, ...). */
    public static final class NothingExportedException extends Exception {
        private static final long serialVersionUID = 1L;

        public NothingExportedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private EditorialExport() {
    }

    /**
     * Runs one export.
     *
     * @throws IllegalArgumentException  when the start timecode does not fit the rate
     * @throws NothingExportedException  when the policy refuses (missing approvals) or there is nothing to export
     * @throws IOException               when the file cannot be written (the previous file is kept)
     */
    public static Outcome run(Project project, ReviewFacts facts, Request request)
            throws IOException, NothingExportedException {
        FrameRate editRate = request.rate() == null ? project.rate() : request.rate();
        Timecode startTc = request.start() == null ? EditListOptions.defaultStart(editRate)
                : Timecode.parse(request.start(), editRate);
        List<String> warnings = new ArrayList<>();
        if (!request.format().isTimeline()) {
            ReviewSummary summary = ReviewSummary.of(project, facts, editRate, startTc.dropFrame());
            warnings.addAll(summary.warnings());
            if (request.format() == Format.CSV) {
                new DecisionCsvExporter().export(summary, request.out());
                return new Outcome("wrote " + facts.decisions().size() + " decisions to " + request.out(), warnings);
            }
            new HtmlReviewReportExporter().export(summary, request.out());
            return new Outcome("wrote the review report of " + project.shots().size() + " shots to " + request.out(),
                    warnings);
        }
        EditList edit;
        try {
            edit = EditListBuilder.build(project, facts, EditListOptions.defaults().withRate(editRate)
                    .withStart(startTc).withMissingPolicy(request.missing()).withMedia(request.media()));
        } catch (MissingApprovalException e) {
            throw new NothingExportedException(e.getMessage(), e);
        }
        if (edit.events().isEmpty()) {
            throw new NothingExportedException("the project has no shots to export", null);
        }
        warnings.addAll(edit.warnings());
        TimelineExporter exporter = switch (request.format()) {
            case EDL -> new Cmx3600EdlExporter(request.premiereEdl()
                    ? Cmx3600EdlExporter.Flavour.PREMIERE : Cmx3600EdlExporter.Flavour.STANDARD);
            case FCPXML -> new Fcpxml110Exporter();
            default -> new OtioJsonExporter();
        };
        exporter.export(edit, request.out());
        return new Outcome(describe(edit) + " to " + request.out(), warnings);
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
