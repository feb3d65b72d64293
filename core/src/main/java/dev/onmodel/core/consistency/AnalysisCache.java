package dev.onmodel.core.consistency;

import java.util.Objects;
import java.util.Optional;

/**
 * Remembers frame analyses ({@link FrameAnalysis} as JSON text) by file identity, so re-scoring an unchanged project
 * decodes nothing. The project store binds it to its database; {@link InMemoryAnalysisCache} serves tests and
 * one-off runs, {@link JsonFileAnalysisCache} the command line until then.
 *
 * <p>Implementations must be safe to call from several worker threads at once.
 */
public interface AnalysisCache {

    /**
     * Identifies one analysis.
     *
     * @param relativePath   the file's path relative to the project (or as given), with '/' separators
     * @param size           file size in bytes
     * @param modifiedMillis last-modified time in milliseconds
     * @param engineVersion  {@link ConsistencyEngine#fingerprint()} plus the characters analysed: results made by
     *                       another engine version, other sheets or another cast are never reused
     */
    record Key(String relativePath, long size, long modifiedMillis, String engineVersion) {
        public Key {
            Objects.requireNonNull(relativePath, "relativePath");
            Objects.requireNonNull(engineVersion, "engineVersion");
        }
    }

    /** The stored analysis JSON, if any. */
    Optional<String> get(Key key);

    /** Stores (or replaces) the analysis JSON of {@code key}. */
    void put(Key key, String analysisJson);

    /** A cache that remembers nothing. */
    static AnalysisCache none() {
        return NoAnalysisCache.INSTANCE;
    }
}
