package dev.onmodel.app.ui;

import dev.onmodel.app.settings.UserDirectories;
import dev.onmodel.app.project.ProjectOpener;
import dev.onmodel.core.model.Project;
import javafx.concurrent.Task;

import java.nio.file.Path;

/** The background task that prepares and reads a project for the window. */
final class ProjectOpening {

    private ProjectOpening() {
    }

    static Task<Project> task(Path folder) {
        return new Task<>() {
            @Override
            protected Project call() throws Exception {
                Path target = folder != null ? folder : UserDirectories.sampleProject();
                return ProjectOpener.open(target, folder == null, (message, done, total) -> {
                    updateMessage(message);
                    updateProgress(done, total);
                }, this::isCancelled).project();
            }
        };
    }
}
