package dev.onmodel.app.session;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the {@link ReviewSession} of a project folder for a reviewer. Blocking (it opens the store and loads the
 * mirrors): call it on a background thread. It needs only the folder, so the window opens it while it reads the
 * project's media in parallel.
 */
@FunctionalInterface
public interface ReviewSessionFactory {

    /**
     * @param pass the pass new decisions go into; opened when it does not exist yet
     * @throws IOException naming the store file when it cannot be opened
     */
    ReviewSession open(Path projectRoot, Reviewer reviewer, String pass) throws IOException;

    /**
     * As {@link #open(Path, Reviewer, String)}, telling {@code progress} about slow steps (the media import of a
     * project opened for the first time). Interrupting the calling thread cancels such a step. A binding without
     * slow steps reports nothing.
     */
    default ReviewSession open(Path projectRoot, Reviewer reviewer, String pass, OpeningProgress progress)
            throws IOException {
        return open(projectRoot, reviewer, pass);
    }

    /** How far opening a session has got; called on the opening thread. */
    @FunctionalInterface
    interface OpeningProgress {
        /** @param message what is being done, for people ("Importing media: frame 40 of 1200") */
        void update(String message, long done, long total);

        OpeningProgress NONE = (message, done, total) -> { };
    }
}
