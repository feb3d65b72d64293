package dev.onmodel.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The JavaFX application: one main window. */
public final class WorkstationApp extends Application {

    static volatile Path requestedProject;
    static volatile int exitCode;

    @Override
    public void start(Stage stage) {
        stage.setTitle("OnModel");
        stage.setScene(new Scene(new Label("OnModel"), 1280, 800));
        stage.show();
    }
}
