package dev.onmodel.app.cli;

import dev.onmodel.core.imaging.ImageHeaders;
import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.ImportReport;
import dev.onmodel.core.store.MediaImporter;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code onmodel import --project DIR}: scans shots/ and characters/, records structure and frame identities in
 * the project's store, and prints the import report. Run again to rescan; {@code --relink NEWROOT} follows media
 * moved to another folder. Exit 0 when nothing is wrong, 1 when the report lists problems (the import is still
 * recorded).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import (or rescan) a project's media into its review store and report gaps, duplicates,",
                "mixed resolutions and unreadable files. Exit 0: clean; 1: problems listed (import recorded)."})
public final class ImportCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--relink", paramLabel = "NEWROOT",
            description = "Media moved: the folder that now holds shots/ and characters/.")
    Path relink;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageHeaders.DEFAULT_MAX_PIXELS,
            description = "Images declaring more pixels are reported as too large, never decoded (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(names = "--metadata-only",
            description = "Names, sizes and times only: skip header checks and content digests.")
    boolean metadataOnly;

    @Override
    public Integer call() throws StoreException, IOException {
        Path root = project.folder();
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("--max-pixels must be positive");
        }
        ImportOptions options = (metadataOnly ? ImportOptions.metadataOnly() : ImportOptions.defaults())
                .withMaxPixels(maxPixels);
        ImportReport report;
        try (ReviewStore store = ReviewStore.open(root)) {
            if (store.isReadOnly()) {
                throw new StoreException(StoreException.Kind.READ_ONLY, root + ": cannot import: "
                        + store.readOnlyReason().orElse("read-only"));
            }
            MediaImporter importer = new MediaImporter(store, options);
            report = relink != null ? importer.relink(relink) : importer.importProject();
        }
        print(root, report, System.out);
        return report.hasProblems() ? 1 : 0;
    }

    static void print(Path root, ImportReport report, PrintStream out) {
        out.println("Imported " + report.mediaRoot() + ": " + report.media().size() + " media, " + report.frames()
                + " frames" + (report.unusableFrames() > 0 ? " (" + report.unusableFrames() + " unusable)" : ""));
        for (ImportReport.ImportedMedia m : report.media()) {
            out.println("  " + m.name() + "  " + m.description());
        }
        ImportReport.FrameChanges changes = report.changes();
        out.println("Changes: " + changes.added().size() + " added, " + changes.removed().size() + " removed, "
                + changes.changed().size() + " changed; " + report.invalidatedAnalyses()
                + " cached analyses invalidated");
        if (report.problems().isEmpty()) {
            out.println("Problems: none");
            return;
        }
        out.println("Problems (" + report.problems().size() + "):");
        for (MediaProblem p : report.problems()) {
            out.println("  " + String.format("%-17s", p.kind().word()) + FileIdentity.relativize(root, p.path())
                    + ": " + p.reason());
        }
    }
}
