package dev.onmodel.app.session;

import dev.onmodel.core.model.Project;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

/** Opens {@link StoreReviewSession}s: the workstation's binding of the review store (and, when given, scoring). */
public final class StoreSessions implements ReviewSessionFactory {

    private final Function<Project, Optional<FrameScoring>> scoringFor;

    /** @param scoringFor the consistency engine adapter for a project (its sheets), when one is bound */
    public StoreSessions(Function<Project, Optional<FrameScoring>> scoringFor) {
        this.scoringFor = scoringFor;
    }

    @Override
    public ReviewSession open(Project project, Reviewer reviewer, String pass) throws IOException {
        return StoreReviewSession.open(project, reviewer, pass, scoringFor.apply(project));
    }
}
