package dev.onmodel.app.session;

import dev.onmodel.core.model.Project;

import java.io.IOException;

/**
 * Opens the {@link ReviewSession} of a project for a reviewer. Blocking (it opens the store and loads the decision
 * mirror): call it on a background thread.
 */
@FunctionalInterface
public interface ReviewSessionFactory {

    /**
     * @param pass the pass new decisions go into; opened when it does not exist yet
     * @throws IOException naming the store file when it cannot be opened
     */
    ReviewSession open(Project project, Reviewer reviewer, String pass) throws IOException;
}
