package dev.onmodel.app.session;

import dev.onmodel.core.workflow.ProjectWorkspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Opens {@link StoreReviewSession}s: the workstation's binding of the review store and the consistency engine. */
public final class StoreSessions implements ReviewSessionFactory {

    private final Function<ProjectWorkspace, Optional<FrameScoring>> scoringFor;

    /**
     * Sessions scored by the consistency engine into the project's store: in a worker process
     * ({@link ProcessScoring}) when this runtime can start one, else in this process ({@link WorkspaceScoring}).
     * The system property {@code onmodel.scoring=in-process} asks for the latter.
     */
    public StoreSessions() {
        this(StoreSessions::defaultScoring);
    }

    /** @param scoringFor the scoring to bind for an opened project workspace */
    public StoreSessions(Function<ProjectWorkspace, Optional<FrameScoring>> scoringFor) {
        this.scoringFor = scoringFor;
    }

    private static Optional<FrameScoring> defaultScoring(ProjectWorkspace workspace) {
        Optional<ProcessScoring.Launch> launch = "in-process".equals(System.getProperty("onmodel.scoring"))
                ? Optional.empty() : ProcessScoring.Launch.ofThisRuntime();
        return Optional.of(launch.<FrameScoring>map(l -> new ProcessScoring(workspace.store().projectRoot(),
                workspace.project(), l, Runtime.getRuntime().availableProcessors()))
                .orElseGet(() -> new WorkspaceScoring(workspace)));
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
