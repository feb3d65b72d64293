package dev.onmodel.app.ui.tasks;

import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The workstation's executors. The FX thread never decodes, hashes, queries SQLite or writes files: such work is
 * submitted here and its result comes back on the FX thread.
 */
public final class BackgroundTasks {

    private static final ExecutorService LONG_WORK = Executors.newCachedThreadPool(named("onmodel-task"));

    private BackgroundTasks() {
    }

    /** A daemon thread factory with readable names, so a thread dump says what each thread is for. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs {@code task} in the background; {@code onFailure} runs on the FX thread with the exception, so a failure
     * is always shown, never swallowed.
     */
    public static <T> Task<T> start(Task<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        LONG_WORK.submit(task);
        return task;
    }

    /** Runs {@code action} on the FX thread (now, if already there). */
    public static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
