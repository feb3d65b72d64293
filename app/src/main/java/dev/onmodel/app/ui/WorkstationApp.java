package dev.onmodel.app.ui;

import atlantafx.base.theme.PrimerDark;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.app.ui.review.ReviewViewModel;
import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.model.Project;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.Objects;

/** The JavaFX application: one main window that opens a project in the background, then shows the review screen. */
public final class WorkstationApp extends Application {

    static volatile Path requestedProject;
    static volatile int exitCode;

    private FrameImageCache cache;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        cache = new FrameImageCache(1024L * 1024 * 1024, Math.max(2, Runtime.getRuntime().availableProcessors()));
        stage.setTitle("OnModel");
        Scene scene = new Scene(new Label(), 1440, 900);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("onmodel.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        openProject(stage, requestedProject);
    }

    /** Opens {@code folder} (null: the sample project, generated on first use) without blocking the FX thread. */
    void openProject(Stage stage, Path folder) {
        Task<Project> task = ProjectOpening.task(folder);
        stage.getScene().setRoot(progressView(task));
        BackgroundTasks.start(task, project -> show(stage, project), error -> {
            ErrorDialogs.show(stage, "The project could not be opened.", error);
            exitCode = 1;
            Platform.exit();
        });
    }

    /** Shows the review screen for an opened project. */
    void show(Stage stage, Project project) {
        stage.setTitle("OnModel \u2014 " + project.name());
        ReviewScreen screen = new ReviewScreen(new ReviewViewModel(project), cache);
        stage.getScene().setRoot(screen);
        screen.requestFocus();
    }

    private static VBox progressView(Task<?> task) {
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(420);
        bar.progressProperty().bind(task.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> {
            task.cancel();
            Platform.exit();
        });
        VBox box = new VBox(14, message, bar, cancel);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("progress-view");
        return box;
    }

    @Override
    public void stop() {
        if (cache != null) {
            cache.shutdown();
        }
    }
}
