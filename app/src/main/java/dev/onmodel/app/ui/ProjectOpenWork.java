package dev.onmodel.app.ui;

import dev.onmodel.app.project.ProjectOpener;
import dev.onmodel.app.session.ReviewSession;
import dev.onmodel.app.session.ReviewSessionFactory;
import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.settings.UserDirectories;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.project.ProjectLayout;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Opening a project and its review session on a thread of its own. Uses no JavaFX class, so the launcher can start
 * it before the JavaFX toolkit, which then comes up while the store opens.
 *
 * <p>An imported project is opened from its review store ({@link ReviewSession#storedProject()}): no folder listing.
 * The folder is read only for a binding without a store, for a read-only store nothing was imported into, and to
 * generate the sample project on first use.
 */
final class ProjectOpenWork {

    /** What the window shows: the project and its open session. */
    record Opened(Project project, ReviewSession session) {
    }

    private final Path folder;
    private final Path root;
    private final ReviewSessionFactory factory;
    private final Reviewer reviewer;
    private final String pass;
    private final FutureTask<Opened> work = new FutureTask<>(this::open);
    private volatile boolean cancelled;
    private volatile boolean started;
    /** The last progress, replayed to a view attached late (the work may have started before the window). */
    private volatile String message = "";
    private volatile long done;
    private volatile long total = -1;
    private volatile ProjectOpener.Progress listener = (m, d, t) -> { };

    /**
     * @param folder the project folder; null for the sample project (generated when missing)
     */
    ProjectOpenWork(Path folder, ReviewSessionFactory factory, Reviewer reviewer, String pass) {
        this.folder = folder;
        this.root = folder != null ? folder : UserDirectories.sampleProject();
        this.factory = Objects.requireNonNull(factory, "factory");
        this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
        this.pass = Objects.requireNonNull(pass, "pass");
    }

    /** Starts the work on a daemon thread of its own (once). */
    ProjectOpenWork start() {
        synchronized (this) {
            if (started) {
                return this;
            }
            started = true;
        }
        Thread thread = new Thread(work, "onmodel-opening");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Whether this work opens what the window asks for now (same folder, reviewer, pass and binding). */
    boolean opens(Path wantedFolder, ReviewSessionFactory wantedFactory, Reviewer wantedReviewer, String wantedPass) {
        return Objects.equals(folder, wantedFolder) && factory == wantedFactory && reviewer.equals(wantedReviewer)
                && pass.equals(wantedPass) && !cancelled;
    }

    /** Sends progress to {@code progress} from now on, starting with the latest step. */
    void relayTo(ProjectOpener.Progress progress) {
        listener = progress;
        progress.update(message, done, total);
    }

    /** Waits for the result, rethrowing the work's own failure (the store's sentence) rather than a wrapper. */
    Opened join() throws Exception {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Stops the work (an import in progress is interrupted and records nothing); a session it opened is closed. */
    void cancel() {
        cancelled = true;
        work.cancel(true);
    }

    private void progress(String text, long doneSoFar, long totalWork) {
        message = text;
        done = doneSoFar;
        total = totalWork;
        listener.update(text, doneSoFar, totalWork);
    }

    private Opened open() throws Exception {
        Project read = null;
        if (!ProjectLayout.looksLikeProject(root)) {
            // The sample still to be generated, or a folder that is not a project (the opener says why): never
            // create a review store in it first.
            read = ProjectOpener.open(root, folder == null, this::progress, () -> cancelled).project();
        }
        progress("Opening the review store of " + root.getFileName() + "\u2026", -1, 1);
        ReviewSession session = factory.open(root, reviewer, pass, this::progress);
        try {
            if (cancelled) {
                throw new InterruptedIOException("opening " + root + " was cancelled");
            }
            Project project = session.storedProject().orElse(null);
            if (project == null) {
                project = read != null ? read
                        : ProjectOpener.open(root, folder == null, this::progress, () -> cancelled).project();
            }
            return new Opened(project, session);
        } catch (Exception | Error e) {
            session.close();
            throw e;
        }
    }
}
