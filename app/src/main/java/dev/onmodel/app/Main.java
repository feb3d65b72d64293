package dev.onmodel.app;

import dev.onmodel.app.cli.OnModelCommand;
import dev.onmodel.app.cli.OpenCommand;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

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
        Path window = windowOnly(args);
        if (window != null) {
            // The window's start is measured in tenths of a second: building picocli's model of every command
            // (reflection over all their options) cost about 0.6 s of it, and a plain window start needs none.
            System.exit(OpenCommand.openWindowOrExplain(window == NO_FOLDER ? null : window));
        }
        System.exit(OnModelCommand.run(args));
    }

    private static final Path NO_FOLDER = Path.of("");

    /**
     * The folder of a plain window start ({@code onmodel} or {@code onmodel open DIR}; {@link #NO_FOLDER} for the
     * sample project), or null when picocli must read the arguments (options, help, another command).
     */
    static Path windowOnly(String[] args) {
        if (args.length == 0) {
            return NO_FOLDER;
        }
        if (args.length == 2 && args[0].equals("open") && !args[1].startsWith("-") && !args[1].isBlank()) {
            try {
                return Path.of(args[1]);
            } catch (InvalidPathException e) {
                return null; // picocli says what is wrong with it
            }
        }
        return null;
    }
}
