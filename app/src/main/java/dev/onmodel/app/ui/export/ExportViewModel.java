package dev.onmodel.app.ui.export;

import dev.onmodel.core.editorial.EditorialExport;
import dev.onmodel.core.editorial.MediaPaths;
import dev.onmodel.core.editorial.MissingPolicy;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreOptions;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;
import dev.onmodel.core.workflow.StoreReviewFacts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The export dialog's state, testable without a Stage: the choices (format, file, rate, start, missing-shot
 * policy), their validation in one plain sentence, and the background task that runs the same
 * {@link EditorialExport} as {@code onmodel export}.
 */
public final class ExportViewModel {

    private final Project project;
    private final ObjectProperty<EditorialExport.Format> format =
            new SimpleObjectProperty<>(this, "format", EditorialExport.Format.EDL);
    private final StringProperty outFile = new SimpleStringProperty(this, "outFile", "");
    private final ObjectProperty<FrameRate> rate;
    private final StringProperty start = new SimpleStringProperty(this, "start", "");
    private final ObjectProperty<MissingPolicy> missing = new SimpleObjectProperty<>(this, "missing", MissingPolicy.FAIL);
    private final javafx.beans.property.BooleanProperty premiereEdl =
            new javafx.beans.property.SimpleBooleanProperty(this, "premiereEdl", false);
    private final javafx.beans.property.BooleanProperty relativePaths =
            new javafx.beans.property.SimpleBooleanProperty(this, "relativePaths", false);
    private final StringProperty pathRoot = new SimpleStringProperty(this, "pathRoot", "");
    private final StringBinding problem;

    public ExportViewModel(Project project) {
        this.project = project;
        this.rate = new SimpleObjectProperty<>(this, "rate", project.rate());
        outFile.set(suggestedFile(EditorialExport.Format.EDL).toString());
        format.addListener((obs, old, chosen) -> {
            // Follow the format with the file name while the user has not typed another one.
            if (chosen != null && old != null && outFile.get().equals(suggestedFile(old).toString())) {
                outFile.set(suggestedFile(chosen).toString());
            }
        });
        pathRoot.set(project.root().toString());
        problem = Bindings.createStringBinding(this::validate, format, outFile, rate, start, missing, relativePaths,
                pathRoot);
    }

    public ObjectProperty<EditorialExport.Format> formatProperty() {
        return format;
    }

    public StringProperty outFileProperty() {
        return outFile;
    }

    public ObjectProperty<FrameRate> rateProperty() {
        return rate;
    }

    /** Record start label; empty means the default (01:00:00:00, or 01:00:00;00 at 29.97/59.94). */
    public StringProperty startProperty() {
        return start;
    }

    public ObjectProperty<MissingPolicy> missingProperty() {
        return missing;
    }

    /** For EDL: leave out the {@code * FROM CLIP:} path line, which makes Premiere name clips UNKNOWN. */
    public javafx.beans.property.BooleanProperty premiereEdlProperty() {
        return premiereEdl;
    }

    /** Write media paths relative to {@link #pathRootProperty()} instead of absolute. */
    public javafx.beans.property.BooleanProperty relativePathsProperty() {
        return relativePaths;
    }

    /** The folder media paths are written relative to (default: the project folder). */
    public StringProperty pathRootProperty() {
        return pathRoot;
    }

    /** Empty when the choices can be exported, else one sentence saying what to fix. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** {@code <project>/exports/<project name>.<ext>}: where an export goes unless the user picks another file. */
    public Path suggestedFile(EditorialExport.Format chosen) {
        String base = project.name().replaceAll("[^A-Za-z0-9._-]+", "_");
        return project.root().resolve("exports").resolve(base + "." + chosen.extension());
    }

    /** The request the dialog's choices describe, when they are valid. */
    public Optional<EditorialExport.Request> request() {
        if (!validate().isEmpty()) {
            return Optional.empty();
        }
        String label = start.get().trim();
        MediaPaths media = relativePaths.get() ? MediaPaths.relativeTo(Path.of(pathRoot.get().trim()))
                : MediaPaths.ABSOLUTE;
        return Optional.of(new EditorialExport.Request(format.get(), Path.of(outFile.get().trim()), rate.get(),
                label.isEmpty() ? null : label, missing.get(), media,
                premiereEdl.get() && format.get() == EditorialExport.Format.EDL));
    }

    private String validate() {
        if (outFile.get() == null || outFile.get().isBlank()) {
            return "Choose the file to write.";
        }
        if (relativePaths.get() && (pathRoot.get() == null || pathRoot.get().isBlank())) {
            return "Choose the folder media paths are relative to.";
        }
        String label = start.get() == null ? "" : start.get().trim();
        if (!label.isEmpty()) {
            try {
                Timecode.parse(label, rate.get());
            } catch (IllegalArgumentException e) {
                return "The start timecode is not valid at " + rate.get().displayName() + " fps: " + e.getMessage();
            }
        }
        return "";
    }

    /**
     * The export as a background task: reads the review facts from the project's store (a read-only connection,
     * so the session's writer is never blocked), builds the edit list and writes the file atomically. Its value is
     * the outcome; a refused export (missing approvals) fails with {@link EditorialExport.NothingExportedException}.
     */
    public Task<EditorialExport.Outcome> exportTask(EditorialExport.Request request) {
        return new Task<>() {
            @Override
            protected EditorialExport.Outcome call() throws Exception {
                updateMessage("Reading decisions\u2026");
                updateProgress(-1, 1);
                StoreReviewFacts facts;
                try (ReviewStore store = ReviewStore.open(project.root(), StoreOptions.defaults().withReadOnly(true))) {
                    facts = StoreReviewFacts.load(store);
                }
                if (isCancelled()) {
                    return null;
                }
                updateMessage("Writing " + request.format().displayName().toLowerCase(Locale.ROOT) + "\u2026");
                java.nio.file.Files.createDirectories(request.out().toAbsolutePath().getParent());
                EditorialExport.Outcome outcome = EditorialExport.run(project, facts, request);
                updateProgress(1, 1);
                return outcome;
            }
        };
    }
}
