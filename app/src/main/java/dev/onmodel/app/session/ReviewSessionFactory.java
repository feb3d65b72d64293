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
}
