package dev.onmodel.app.ui;

import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.ImportReport;
import dev.onmodel.core.store.MediaImporter;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreException;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;

/**
 * File ▸ Rescan media and File ▸ Relink moved media: the media import {@code onmodel import --project DIR
 * [--relink NEWROOT]} runs, as a background task with progress and Cancel. A project opens from its store, so a
 * rescan is how media added to the folder since the last import reach the window; a relink points the store at
 * media moved elsewhere (decisions and cached analyses of unchanged frames carry over).
 */
final class MediaUpdate {

    private MediaUpdate() {
    }

    /**
     * @param newMediaRoot the folder now holding {@code shots/} and {@code characters/}; null rescans where the
     *                     media are now
     */
    static Task<ImportReport> task(Path projectRoot, Path newMediaRoot) {
        String name = String.valueOf(projectRoot.getFileName());
        return new Task<>() {
            @Override
            protected ImportReport call() throws Exception {
                updateMessage(newMediaRoot == null ? "Rescanning the media of " + name + "\u2026"
                        : "Relinking " + name + " to " + newMediaRoot + "\u2026");
                try (ReviewStore store = ReviewStore.open(projectRoot)) {
                    if (store.isReadOnly()) {
                        throw new StoreException(StoreException.Kind.READ_ONLY, projectRoot + ": cannot import: "
                                + store.readOnlyReason().orElse("read-only"));
                    }
                    MediaImporter importer = new MediaImporter(store, ImportOptions.defaults());
                    MediaImporter.Progress progress = (done, total) -> {
                        updateMessage("Checking frames: " + done + " of " + total);
                        updateProgress(done, total);
                    };
                    return newMediaRoot == null ? importer.importProject(progress)
                            : importer.relink(newMediaRoot, progress);
                }
            }
        };
    }

    /** What an import did, in one sentence for people. */
    static String summary(ImportReport report) {
        ImportReport.FrameChanges changes = report.changes();
        return "Media in " + report.mediaRoot() + ": " + report.media().size() + " sequence(s) or movie(s), "
                + report.frames() + " frames; " + changes.added().size() + " added, " + changes.removed().size()
                + " removed, " + changes.changed().size() + " changed"
                + (report.hasProblems() ? "; " + report.problems().size() + " problem(s): " + report.problemCounts()
                : "") + ".";
    }

    /**
     * A small window owned by {@code owner} showing the task's message and progress, with Cancel; it closes itself
     * when the task ends however it ends.
     */
    static Stage progressWindow(Window owner, Task<?> task) {
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        message.setId("mediaUpdateMessage");
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(420);
        bar.progressProperty().bind(task.progressProperty());
        bar.setId("mediaUpdateProgress");
        Button cancel = new Button("Cancel");
        cancel.setId("mediaUpdateCancel");
        cancel.setOnAction(e -> task.cancel());
        VBox box = new VBox(12, message, bar, cancel);
        box.setPadding(new Insets(18));
        box.getStyleClass().add("progress-view");
        Stage window = new Stage();
        window.initOwner(owner);
        window.initModality(Modality.WINDOW_MODAL);
        window.setTitle("OnModel \u2014 media");
        Scene scene = new Scene(box);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        window.setScene(scene);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED
                    || state == Worker.State.CANCELLED) {
                window.close();
            }
        });
        window.show();
        return window;
    }
}
