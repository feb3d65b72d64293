package dev.onmodel.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named review round ("animation pass 2", "director approval"). Decisions are recorded in an open pass; a
 * closed pass refuses new decisions until it is reopened.
 *
 * @param closedAt empty while the pass is open
 */
public record ReviewPass(String name, Instant openedAt, Optional<Instant> closedAt) {

    public ReviewPass {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }
}
