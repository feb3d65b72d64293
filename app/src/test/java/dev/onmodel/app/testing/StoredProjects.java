package dev.onmodel.app.testing;

import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.session.StoreReviewSession;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;

import java.nio.file.Path;
import java.util.Optional;

/** A project as the window sees it after opening: imported into its review store and read back from there. */
public final class StoredProjects {

    private StoredProjects() {
    }

    /** Opens (importing on first use) and closes a review session of {@code root}; returns the stored structure. */
    public static Project stored(Path root) throws Exception {
        try (StoreReviewSession session = StoreReviewSession.open(root, new Reviewer("Ali", Role.ANIMATOR),
                "pass 1", workspace -> Optional.empty())) {
            return session.storedProject().orElseThrow();
        }
    }
}
