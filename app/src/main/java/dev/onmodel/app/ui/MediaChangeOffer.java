package dev.onmodel.app.ui;

import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.project.MediaChanges;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * After a project opened from its review store (no folder listing, for a fast start), lists its folders in the
 * background and, when takes or frames were added or removed since the last import, offers a rescan in a dialog
 * that does not block the review.
 */
final class MediaChangeOffer {

    private MediaChangeOffer() {
    }

    /**
     * @param stillOpen whether the project is still the one in the window when the check ends (asked on the FX
     *                  thread)
     * @param rescan    what "Rescan media" runs (File ▸ Rescan media)
     * @return the background check
     */
    static Task<MediaChanges> checkAndOffer(Window owner, Project project, BooleanSupplier stillOpen,
                                            Runnable rescan) {
        Task<MediaChanges> check = new Task<>() {
            @Override
            protected MediaChanges call() throws Exception {
                return MediaChanges.since(project);
            }
        };
        return BackgroundTasks.start(check, changes -> {
            if (changes.any() && stillOpen.getAsBoolean()) {
                offer(owner, changes, rescan);
            }
        }, error -> ErrorDialogs.show(owner, "The project's folders could not be checked for new media; the review "
                + "goes on with the media imported so far.", error));
    }

    private static void offer(Window owner, MediaChanges changes, Runnable rescan) {
        ButtonType rescanButton = new ButtonType("Rescan media", ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);
        // New folders are named in the header already; the examples add the frames.
        List<String> frames = changes.examples().stream().filter(e -> !e.endsWith("(new folder)")).toList();
        String examples = frames.isEmpty() ? "" : "For example: " + String.join("; ", frames) + ".\n\n";
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, examples + "A rescan imports the changes; decisions "
                + "and the scores of unchanged frames are kept. File \u25b8 Rescan media does the same later.",
                rescanButton, later);
        alert.initOwner(owner);
        alert.setTitle("OnModel");
        alert.setHeaderText("The media on disk changed since the last import: " + changes.summary() + ".");
        alert.getDialogPane().setId("mediaChangedDialog");
        alert.resultProperty().addListener((obs, was, choice) -> {
            if (choice == rescanButton) {
                rescan.run();
            }
        });
        alert.show();
    }
}
