package dev.onmodel.app;

import dev.onmodel.app.cli.OnModelCommand;

/**
 * The single entry point of {@code ./onmodel}: with a command it runs headless (picocli), with none (or
 * {@code open DIR}) it opens the workstation window.
 *
 * <p>Deliberately not a JavaFX {@code Application}: a main class that extends {@code Application} refuses to
 * start from a plain classpath ("JavaFX runtime components are missing"), and headless commands must never
 * touch JavaFX at all.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(OnModelCommand.run(args));
    }
}
