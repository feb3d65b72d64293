package dev.onmodel.core.consistency;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link AnalysisCache} held in memory, for tests and single runs. Thread-safe. */
public class InMemoryAnalysisCache implements AnalysisCache {

    protected final Map<Key, String> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(Key key, String analysisJson) {
        entries.put(key, analysisJson);
    }

    /** Number of stored analyses. */
    public int size() {
        return entries.size();
    }
}
