package dev.onmodel.core.consistency;

import java.util.Optional;

/** The cache that remembers nothing ({@link AnalysisCache#none()}): batches skip serialising analyses for it. */
enum NoAnalysisCache implements AnalysisCache {
    INSTANCE;

    @Override
    public Optional<String> get(Key key) {
        return Optional.empty();
    }

    @Override
    public void put(Key key, String analysisJson) {
        // Nothing is remembered by design: callers that pass none() asked for a fresh analysis.
    }
}
