package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.Band;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.consistency.FrameScore;
import dev.onmodel.core.consistency.ProjectScoreSink;
import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.ShotCast;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.store.VariantKey;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Writes a project's scores and casts into its review store as {@link dev.onmodel.core.consistency.ProjectScorer}
 * produces them. Scores are buffered and stored {@link #BATCH} frames per transaction on the store's writer, so a
 * 10,000-frame run costs a hundred commits, not one per frame. Problems are collected for the caller to report.
 *
 * <p>Store failures are thrown as {@link IOException}s (their message is the store's sentence), which stops the run:
 * a score run whose results cannot be kept should say so rather than go on.
 */
public final class StoreScoreSink implements ProjectScoreSink {

    /** Frames per write transaction; kept small for the same reason as {@link StoreAnalysisCache#BATCH}. */
    static final int BATCH = 100;

    private final ReviewStore store;
    private final Path mediaRoot;
    private final String engineVersion;
    private final List<StoredScore> buffer = new ArrayList<>();
    private final List<MediaProblem> problems = new ArrayList<>();
    private final Map<VariantKey, NavigableMap<Long, List<StoredScore>>> previous;
    private final Map<String, ShotCast> previousCasts;
    private int bufferedFrames;
    private int unchanged;
    private int frames;
    private int flagged;

    /**
     * @param mediaRoot     frame paths are stored relative to it (the store's media root)
     * @param engineVersion recorded with every score (the engine's fingerprint)
     */
    public StoreScoreSink(ReviewStore store, Path mediaRoot, String engineVersion) {
        this(store, mediaRoot, engineVersion, Map.of(), Map.of());
    }

    /**
     * A sink that skips writing frames whose scores equal {@code previous} ones (same engine, path, characters,
     * scores and explanation) and casts equal to {@code previousCasts}: re-scoring an unchanged project then
     * writes nothing, as an unchanged rescan does (and closing the store takes no backup copy for it).
     *
     * @param previous      the scores already stored ({@link ReviewStore#allScores()})
     * @param previousCasts the casts already stored ({@link ReviewStore#casts()})
     */
    public StoreScoreSink(ReviewStore store, Path mediaRoot, String engineVersion,
                          Map<VariantKey, NavigableMap<Long, List<StoredScore>>> previous,
                          Map<String, ShotCast> previousCasts) {
        this.store = store;
        this.mediaRoot = mediaRoot.toAbsolutePath().normalize();
        this.engineVersion = engineVersion;
        this.previous = previous;
        this.previousCasts = previousCasts;
    }

    @Override
    public void cast(String shot, List<String> cast, boolean proposed) throws IOException {
        ShotCast before = previousCasts.get(shot);
        if (before != null && before.characters().equals(cast) && before.proposed() == proposed
                && before.engineVersion().equals(engineVersion)) {
            return;
        }
        try {
            store.putCast(new ShotCast(shot, cast, proposed, engineVersion, Instant.now()));
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void frame(Variant variant, long frame, Path file, FrameScore score) throws IOException {
        String relative = FileIdentity.relativize(mediaRoot, file);
        Instant now = Instant.now();
        List<StoredScore> rows = new ArrayList<>();
        for (CharacterScore c : score.characters()) {
            rows.add(ScorePayload.toStored(variant.shot(), variant.name(), frame, relative, engineVersion, c, now));
        }
        frames++;
        if (score.worst().map(w -> w.band() != Band.OK).orElse(false)) {
            flagged++;
        }
        NavigableMap<Long, List<StoredScore>> before = previous.get(new VariantKey(variant.shot(), variant.name()));
        if (before != null && sameScores(before.get(frame), rows)) {
            unchanged++;
            return;
        }
        buffer.addAll(rows);
        if (++bufferedFrames >= BATCH) {
            flush();
        }
    }

    @Override
    public void problem(MediaProblem problem) {
        problems.add(problem);
    }

    @Override
    public void finish() throws IOException {
        flush();
    }

    /** Problems reported during the run, in order. */
    public List<MediaProblem> problems() {
        return List.copyOf(problems);
    }

    /** Frames received. */
    public int frames() {
        return frames;
    }

    /** Frames whose stored scores were already the same, so nothing was written for them. */
    public int unchangedFrames() {
        return unchanged;
    }

    /** Frames whose worst character score is outside the ok band. */
    public int flaggedFrames() {
        return flagged;
    }

    /** Equal except for when they were made; the store returns a frame's characters by name, so order is ignored. */
    private static boolean sameScores(List<StoredScore> stored, List<StoredScore> made) {
        if (stored == null || stored.size() != made.size()) {
            return false;
        }
        Map<String, StoredScore> byCharacter = new java.util.HashMap<>();
        stored.forEach(s -> byCharacter.put(s.character(), s));
        for (StoredScore b : made) {
            StoredScore a = byCharacter.get(b.character());
            if (a == null || !a.engineVersion().equals(b.engineVersion())
                    || Double.compare(a.score(), b.score()) != 0 || !a.band().equals(b.band())
                    || !a.view().equals(b.view()) || !a.payload().equals(b.payload()) || !a.path().equals(b.path())) {
                return false;
            }
        }
        return true;
    }

    private void flush() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            store.putScores(buffer);
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
        buffer.clear();
        bufferedFrames = 0;
    }
}
