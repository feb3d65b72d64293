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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a project's scores and casts into its review store as {@link dev.onmodel.core.consistency.ProjectScorer}
 * produces them. Scores are buffered and stored {@link #BATCH} frames per transaction on the store's writer, so a
 * 10,000-frame run costs a handful of commits, not one per frame. Problems are collected for the caller to report.
 *
 * <p>Store failures are thrown as {@link IOException}s (their message is the store's sentence), which stops the run:
 * a score run whose results cannot be kept should say so rather than go on.
 */
public final class StoreScoreSink implements ProjectScoreSink {

    /** Frames per write transaction. */
    static final int BATCH = 1000;

    private final ReviewStore store;
    private final Path mediaRoot;
    private final String engineVersion;
    private final List<StoredScore> buffer = new ArrayList<>();
    private final List<MediaProblem> problems = new ArrayList<>();
    private int bufferedFrames;
    private int frames;
    private int flagged;

    /**
     * @param mediaRoot     frame paths are stored relative to it (the store's media root)
     * @param engineVersion recorded with every score (the engine's fingerprint)
     */
    public StoreScoreSink(ReviewStore store, Path mediaRoot, String engineVersion) {
        this.store = store;
        this.mediaRoot = mediaRoot.toAbsolutePath().normalize();
        this.engineVersion = engineVersion;
    }

    @Override
    public void cast(String shot, List<String> cast, boolean proposed) throws IOException {
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
        for (CharacterScore c : score.characters()) {
            buffer.add(ScorePayload.toStored(variant.shot(), variant.name(), frame, relative, engineVersion, c, now));
        }
        frames++;
        if (score.worst().map(w -> w.band() != Band.OK).orElse(false)) {
            flagged++;
        }
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

    /** Frames whose worst character score is outside the ok band. */
    public int flaggedFrames() {
        return flagged;
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
