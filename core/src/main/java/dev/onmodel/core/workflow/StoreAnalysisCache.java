package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.AnalysisCache;
import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.store.CachedAnalysis;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.store.StoredFrame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The consistency engine's {@link AnalysisCache} kept in the project's review store ({@code analysis_cache}).
 *
 * <p>Re-scoring an unchanged project must not read every file again just to prove it unchanged. The import already
 * recorded each frame's (and each movie's) size, mtime and content digest, so when a file's path, size and mtime
 * (what the scorer stats anyway) equal the imported ones the imported digest is trusted; only a file that differs,
 * or was never imported, is digested. The frame identities and, per engine version, the cached analyses are loaded up front in
 * one query each rather than one query per file.
 *
 * <p>New analyses are buffered and written in batches ({@link #BATCH} per transaction) on the store's single writer;
 * call {@link #flush()} when the run ends. A read-only store serves hits and stores nothing. Thread-safe.
 */
public final class StoreAnalysisCache implements AnalysisCache {

    /**
     * Analyses per write transaction: many enough that commits do not dominate, few enough that a transaction holds
     * the database's write lock briefly. The window's scoring worker writes from its own process while the reviewer's
     * decisions commit from the window's: with 500 per transaction a decision waited up to 83 ms (p99 38 ms) behind
     * one, with 100 up to 13-29 ms (p99 11-14 ms), for 2 % more time on a 10,000-frame first scoring
     * (docs/performance.md, "Review store and import").
     */
    static final int BATCH = 100;

    private final ReviewStore store;
    private final Path keyRoot;
    private final Path mediaRoot;
    private final Map<String, FileIdentity> imported;
    private final Map<String, Map<String, CachedAnalysis>> loadedByVersion = new ConcurrentHashMap<>();
    /** Identities worked out during {@link #get}, so the {@link #put} that follows does not digest again. */
    private final Map<String, FileIdentity> identified = new ConcurrentHashMap<>();
    private final Map<String, Map<FileIdentity, String>> pending = new LinkedHashMap<>();
    private int pendingCount;
    private final AtomicInteger digested = new AtomicInteger();

    private StoreAnalysisCache(ReviewStore store, Path keyRoot, Path mediaRoot, Map<String, FileIdentity> imported) {
        this.store = store;
        this.keyRoot = keyRoot.toAbsolutePath().normalize();
        this.mediaRoot = mediaRoot.toAbsolutePath().normalize();
        this.imported = imported;
    }

    /**
     * A cache over {@code store} for a scorer whose keys are relative to {@code keyRoot} (the root of the project it
     * scores); the imported frame identities are loaded now, in one query.
     */
    public static StoreAnalysisCache open(ReviewStore store, Path keyRoot) throws StoreException {
        return open(store, keyRoot, store.storedFrames());
    }

    /** As {@link #open(ReviewStore, Path)} with the store's imported frames already read ({@code storedFrames()}). */
    static StoreAnalysisCache open(ReviewStore store, Path keyRoot,
                                   Map<dev.onmodel.core.store.VariantKey, NavigableMap<Long, StoredFrame>> storedFrames)
            throws StoreException {
        Map<String, FileIdentity> imported = new HashMap<>();
        for (NavigableMap<Long, StoredFrame> frames : storedFrames.values()) {
            for (StoredFrame frame : frames.values()) {
                imported.put(frame.identity().relativePath(), frame.identity());
            }
        }
        // The import digested each movie too: its first scoring need not read the whole file again.
        for (FileIdentity movie : store.movieFiles().values()) {
            imported.put(movie.relativePath(), movie);
        }
        return new StoreAnalysisCache(store, keyRoot, store.mediaRoot(), imported);
    }

    @Override
    public Optional<String> get(Key key) {
        try {
            FileIdentity identity = identify(key);
            CachedAnalysis cached = analyses(key.engineVersion()).get(identity.relativePath());
            return cached != null && cached.matches(identity) ? Optional.of(cached.payload()) : Optional.empty();
        } catch (IOException e) {
            // The file cannot be read to prove its identity: no hit; the analysis that follows reports the file.
            return Optional.empty();
        }
    }

    @Override
    public void put(Key key, String analysisJson) {
        if (store.isReadOnly()) {
            return;
        }
        FileIdentity identity;
        try {
            identity = identify(key);
        } catch (IOException e) {
            // Analysed but now unreadable: caching it under a guessed identity could serve a wrong hit later.
            return;
        }
        Map<String, Map<FileIdentity, String>> batch = null;
        synchronized (pending) {
            pending.computeIfAbsent(key.engineVersion(), v -> new LinkedHashMap<>()).put(identity, analysisJson);
            if (++pendingCount >= BATCH) {
                batch = takePending();
            }
        }
        if (batch != null) {
            write(batch);
        }
    }

    /** Writes the analyses still buffered; call once the scoring run is over. */
    public void flush() throws StoreException {
        Map<String, Map<FileIdentity, String>> batch;
        synchronized (pending) {
            batch = takePending();
        }
        for (Map.Entry<String, Map<FileIdentity, String>> e : batch.entrySet()) {
            store.putAnalyses(e.getValue(), e.getKey());
        }
    }

    /** Files whose content had to be digested because their size or mtime differed from the import (or were new). */
    public int digestedFiles() {
        return digested.get();
    }

    private Map<String, Map<FileIdentity, String>> takePending() {
        Map<String, Map<FileIdentity, String>> batch = new LinkedHashMap<>(pending);
        pending.clear();
        pendingCount = 0;
        return batch;
    }

    private void write(Map<String, Map<FileIdentity, String>> batch) {
        try {
            for (Map.Entry<String, Map<FileIdentity, String>> e : batch.entrySet()) {
                store.putAnalyses(e.getValue(), e.getKey());
            }
        } catch (StoreException e) {
            // A cache that cannot be written only costs re-analysis next time; the scores themselves still flow.
            System.getLogger(StoreAnalysisCache.class.getName()).log(System.Logger.Level.WARNING,
                    "analyses not cached: " + e.getMessage());
        }
    }

    private Map<String, CachedAnalysis> analyses(String engineVersion) {
        return loadedByVersion.computeIfAbsent(engineVersion, v -> {
            try {
                return store.cachedAnalyses(v);
            } catch (StoreException e) {
                // Unreadable cache: every frame is analysed afresh, which is slower but still right.
                System.getLogger(StoreAnalysisCache.class.getName()).log(System.Logger.Level.WARNING,
                        "cached analyses not read: " + e.getMessage());
                return Map.of();
            }
        });
    }

    /**
     * The identity of the key's file, or for a movie frame ({@code movie.mkv#1012}, see {@code BatchScorer}) the
     * movie file's size, time and digest under the frame's own path, so that each frame has its cache entry while the
     * movie is digested once per run.
     */
    private FileIdentity identify(Key key) throws IOException {
        String path = key.relativePath();
        int mark = path.lastIndexOf('#');
        if (mark > 0 && mark + 1 < path.length() && path.substring(mark + 1).chars().allMatch(Character::isDigit)
                && !Files.exists(resolve(path))) {
            // The movie was digested when this frame was cached: while its size and time are those recorded then,
            // that digest stands, as an imported frame's does (a 2 GB movie is not read again on every run).
            String frameKey = FileIdentity.relativize(mediaRoot, resolve(path.substring(0, mark))) + path.substring(mark);
            CachedAnalysis earlier = analyses(key.engineVersion()).get(frameKey);
            if (earlier != null && earlier.identity().size() == key.size()
                    && earlier.identity().mtimeMillis() == key.modifiedMillis()) {
                return earlier.identity();
            }
            FileIdentity movie = identifyFile(path.substring(0, mark), key);
            return new FileIdentity(movie.relativePath() + path.substring(mark), movie.size(), movie.mtimeMillis(),
                    movie.digest());
        }
        return identifyFile(path, key);
    }

    private Path resolve(String keyPath) {
        Path given = Path.of(keyPath);
        return given.isAbsolute() ? given : keyRoot.resolve(given);
    }

    /** The file's identity relative to the media root: the imported one when size and mtime agree, else digested. */
    private FileIdentity identifyFile(String keyPath, Key key) throws IOException {
        Path file = resolve(keyPath);
        String relative = FileIdentity.relativize(mediaRoot, file);
        FileIdentity known = identified.get(relative);
        if (known != null && known.size() == key.size() && known.mtimeMillis() == key.modifiedMillis()) {
            return known;
        }
        FileIdentity recorded = imported.get(relative);
        FileIdentity identity;
        if (recorded != null && recorded.size() == key.size() && recorded.mtimeMillis() == key.modifiedMillis()
                && !recorded.digest().isEmpty()) {
            identity = recorded;
        } else {
            identity = new FileIdentity(relative, key.size(), key.modifiedMillis(), FileIdentity.digest(file));
            digested.incrementAndGet();
        }
        identified.put(relative, identity);
        return identity;
    }
}
