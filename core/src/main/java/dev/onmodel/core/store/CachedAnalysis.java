package dev.onmodel.core.store;

import dev.onmodel.core.media.FileIdentity;

import java.util.Objects;

/**
 * One row of the analysis cache: the identity of the file it was made from and the analysis payload.
 *
 * @param identity path relative to the media root, size, mtime and digest when the analysis was stored
 */
public record CachedAnalysis(FileIdentity identity, String engineVersion, String payload) {

    public CachedAnalysis {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(payload, "payload");
    }

    /** True when this analysis was made from {@code file}'s content (same size and digest; mtime may differ). */
    public boolean matches(FileIdentity file) {
        return identity.size() == file.size() && identity.digest().equals(file.digest());
    }
}
