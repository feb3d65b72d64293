package dev.onmodel.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code onmodel open [DIR]}: opens the workstation on a project folder (default: the sample project). */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the workstation window on a project folder (default: the sample project).")
public final class OpenCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Project folder.")
    Path project;

    @Override
    public Integer call() {
        return openWindow(project);
    }

    /**
     * As {@link #openWindow(Path)} for a start without picocli ({@code Main}'s fast path): a failure to start the
     * window is one line on stderr and exit code 1, as picocli's handler would print it.
     */
    public static int openWindowOrExplain(Path project) {
        try {
            return openWindow(project);
        } catch (RuntimeException e) {
            System.err.println("onmodel open: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            if (System.getenv("ONMODEL_DEBUG") != null) {
                e.printStackTrace();
            }
            return 1;
        }
    }

    /**
     * Opens the window and blocks until it closes. Returns 3 with a one-line message when there is no display,
     * so a terminal on a server never shows a stack trace.
     */
    static int openWindow(Path project) {
        if (!DisplayCheck.hasDisplay()) {
            System.err.println("onmodel: no display available, so the window cannot open. "
                    + "Headless commands still work: run 'onmodel --help' to list them.");
            return 3;
        }
        // Loaded by name so that headless commands never load a JavaFX class.
        try {
            Class<?> launcher = Class.forName("dev.onmodel.app.ui.WorkstationLauncher");
            return (Integer) launcher.getMethod("launch", Path.class).invoke(null, project);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("could not start the window: " + cause.getMessage(), cause);
        }
    }
}
