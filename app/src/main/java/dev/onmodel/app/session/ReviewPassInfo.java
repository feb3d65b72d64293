package dev.onmodel.app.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named review round ("animation pass 2", "director approval"). Decisions are recorded into the open pass of the
 * session; a closed pass refuses new decisions until reopened.
 */
public record ReviewPassInfo(String name, Instant openedAt, Optional<Instant> closedAt) {

    public ReviewPassInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }
}
