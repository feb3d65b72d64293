package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.Band;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.consistency.FrameScore;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.store.StoredFrame;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.store.VariantKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shots whose stored scores still stand, so that scoring them again would only repeat them.
 *
 * <p>Re-scoring an unchanged shot through the analysis cache still parses each frame's cached analysis and scores
 * it again (neighbours, the shot's typical proportions), to arrive at the scores already stored. In a fresh process
 * (a pipeline's {@code onmodel score --project}, the window's scoring worker) that parsing runs before the JIT has
 * compiled it and was most of the 2 s a 10,000-frame project took. A shot is left as it is when all of this holds,
 * and each condition is what would otherwise change one of its scores:
 * <ul>
 * <li>its cast is known (given in project.json or a proposal that is reused) and every character in it has a sheet;</li>
 * <li>every frame of every variant has stored scores, for exactly the cast's characters, from this engine
 * (fingerprint: version, working size, sheets' content): each file of an image sequence, and each frame of a movie
 * as the import counted them ({@link MovieMedia#range()}, numbered from its first frame);</li>
 * <li>each stored band is what the current thresholds give for its score;</li>
 * <li>every frame file, and every movie file, still has the size and modification time recorded when it was
 * imported (a rescan drops the scores of frames and movies whose content changed, so the stored scores are of these
 * files). A movie is one file for all its frames: touched, replaced or truncated, none of its frames stands. A movie
 * imported before the store recorded movie files (schema 3) has no recorded identity and is scored again until the
 * next import records it.</li>
 * </ul>
 * The typical proportions are a shot's own (all its variants in one batch), so a shot that stands as a whole has
 * nothing that depends on another shot.
 */
final class StandingScores {

    /** A shot left as it is, with each frame's stored scores (one row per character of the cast). */
    record StandingShot(Shot shot, Map<Variant, NavigableMap<Long, List<StoredScore>>> frames) {
        int frameCount() {
            return frames.values().stream().mapToInt(Map::size).sum();
        }
    }

    private StandingScores() {
    }

    /**
     * @param project        the project to score, each shot with the cast it will be scored against (empty: to propose)
     * @param imported       each sequence frame file as imported ({@code ReviewStore.storedFrames()})
     * @param importedMovies each movie file as imported ({@code ReviewStore.movieFiles()})
     * @param known          the characters with a sheet
     */
    static List<StandingShot> find(Project project, Map<VariantKey, NavigableMap<Long, StoredFrame>> imported,
                                   Map<VariantKey, FileIdentity> importedMovies,
                                   Map<VariantKey, NavigableMap<Long, List<StoredScore>>> stored, String fingerprint,
                                   ScoringSettings settings, List<String> known) {
        List<StandingShot> standing = new ArrayList<>();
        for (Shot shot : project.shots()) {
            if (shot.cast().isEmpty() || !known.containsAll(shot.cast())) {
                continue;
            }
            Set<String> cast = new HashSet<>(shot.cast());
            Map<Variant, NavigableMap<Long, List<StoredScore>>> frames = new LinkedHashMap<>();
            boolean stands = true;
            for (Variant variant : shot.variants()) {
                VariantKey key = new VariantKey(shot.name(), variant.name());
                NavigableMap<Long, List<StoredScore>> scores = variant.media() instanceof MovieMedia movie
                        ? standingScores(movie, importedMovies.get(key), stored.get(key), cast, fingerprint, settings)
                        : standingScores((ImageSequence) variant.media(), imported.get(key), stored.get(key), cast,
                        fingerprint, settings);
                if (scores == null) {
                    stands = false;
                    break;
                }
                frames.put(variant, scores);
            }
            if (stands) {
                standing.add(new StandingShot(shot, frames));
            }
        }
        return standing;
    }

    /** The variant's stored scores when they all still stand, else null. */
    private static NavigableMap<Long, List<StoredScore>> standingScores(ImageSequence sequence,
                                                                        NavigableMap<Long, StoredFrame> imported,
                                                                        NavigableMap<Long, List<StoredScore>> stored,
                                                                        Set<String> cast, String fingerprint,
                                                                        ScoringSettings settings) {
        if (imported == null || stored == null) {
            return null;
        }
        NavigableMap<Long, List<StoredScore>> scores = new TreeMap<>();
        for (Map.Entry<Long, Path> entry : sequence.files().entrySet()) {
            List<StoredScore> rows = stored.get(entry.getKey());
            StoredFrame frame = imported.get(entry.getKey());
            if (frame == null || !stands(rows, cast, fingerprint, settings)
                    || !unchanged(entry.getValue(), frame.identity())) {
                return null;
            }
            scores.put(entry.getKey(), rows);
        }
        return scores;
    }

    /**
     * The movie's stored scores when they all still stand, else null. The file is looked at once, before its frames'
     * rows: a changed movie is told apart without going through them.
     */
    private static NavigableMap<Long, List<StoredScore>> standingScores(MovieMedia movie, FileIdentity imported,
                                                                        NavigableMap<Long, List<StoredScore>> stored,
                                                                        Set<String> cast, String fingerprint,
                                                                        ScoringSettings settings) {
        if (imported == null || stored == null || movie.frameCount() <= 0 || !unchanged(movie.file(), imported)) {
            return null;
        }
        NavigableMap<Long, List<StoredScore>> scores = new TreeMap<>();
        for (long frame = movie.range().start(); frame <= movie.range().last(); frame++) {
            List<StoredScore> rows = stored.get(frame);
            if (!stands(rows, cast, fingerprint, settings)) {
                return null;
            }
            scores.put(frame, rows);
        }
        return scores;
    }

    /** Whether a frame's rows are one per character of the cast, from this engine, each band as thresholds give it. */
    private static boolean stands(List<StoredScore> rows, Set<String> cast, String fingerprint,
                                  ScoringSettings settings) {
        if (rows == null || rows.size() != cast.size()) {
            return false;
        }
        for (StoredScore row : rows) {
            if (!row.engineVersion().equals(fingerprint) || !cast.contains(row.character())
                    || !settings.band(row.score()).label().equals(row.band())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The engine's score of a frame from its stored rows.
     *
     * @throws IllegalArgumentException naming the frame when a row's payload cannot be read
     */
    static FrameScore score(List<StoredScore> rows) {
        List<CharacterScore> characters = new ArrayList<>(rows.size());
        for (StoredScore row : rows) {
            characters.add(ScorePayload.toCharacterScore(row));
        }
        return new FrameScore(characters);
    }

    /** Size and modification time as imported: the frame (or movie) is the one that was scored. */
    private static boolean unchanged(Path file, FileIdentity imported) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() == imported.size()
                    && attributes.lastModifiedTime().toMillis() == imported.mtimeMillis();
        } catch (IOException gone) {
            return false; // scoring it reports the file
        }
    }

    /** Whether a frame's worst character is outside the ok band (what the score sink counts as flagged). */
    static boolean flagged(List<StoredScore> rows) {
        return rows.stream().min(java.util.Comparator.comparingDouble(StoredScore::score))
                .map(worst -> !worst.band().equals(Band.OK.label())).orElse(false);
    }
}
