package dev.onmodel.app.session;

import dev.onmodel.core.workflow.ProjectWorkspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Opens {@link StoreReviewSession}s: the workstation's binding of the review store and the consistency engine. */
public final class StoreSessions implements ReviewSessionFactory {

    private final Function<ProjectWorkspace, Optional<FrameScoring>> scoringFor;

    /** Sessions scored by the consistency engine into the project's store ({@link WorkspaceScoring}). */
    public StoreSessions() {
        this(workspace -> Optional.of(new WorkspaceScoring(workspace)));
    }

    /** @param scoringFor the scoring to bind for an opened project workspace */
    public StoreSessions(Function<ProjectWorkspace, Optional<FrameScoring>> scoringFor) {
        this.scoringFor = scoringFor;
    }

    @Override
    public ReviewSession open(Path projectRoot, Reviewer reviewer, String pass) throws IOException {
        return StoreReviewSession.open(projectRoot, reviewer, pass, scoringFor);
    }

    @Override
    public ReviewSession open(Path projectRoot, Reviewer reviewer, String pass, OpeningProgress progress)
            throws IOException {
        return StoreReviewSession.open(projectRoot, reviewer, pass, scoringFor, progress);
    }
}
