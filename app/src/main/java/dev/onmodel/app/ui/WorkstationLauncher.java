package dev.onmodel.app.ui;

import java.nio.file.Path;

/** Starts the JavaFX workstation. Only ever loaded when a window is wanted. */
public final class WorkstationLauncher {

    private WorkstationLauncher() {
    }

    /** Opens the window on {@code project} (null: the sample project) and returns when it closes. */
    public static int launch(Path project) {
        WorkstationApp.requestedProject = project;
        WorkstationApp.configureToolkit();
        WorkstationApp.prepare(project);
        javafx.application.Application.launch(WorkstationApp.class);
        return WorkstationApp.exitCode;
    }
}
