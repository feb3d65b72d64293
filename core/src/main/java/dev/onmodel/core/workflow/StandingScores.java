package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.Band;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.consistency.FrameScore;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.model.ImageSequence;
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
 * <li>every variant is an image sequence (a movie variant's frames are scored again on every run, from the analysis
 * cache: its stored scores are not checked frame by frame against the file);</li>
 * <li>its cast is known (given in project.json or a proposal that is reused) and every character in it has a sheet;</li>
 * <li>every frame of every variant has stored scores, for exactly the cast's characters, from this engine
 * (fingerprint: version, working size, sheets' content);</li>
 * <li>each stored band is what the current thresholds give for its score;</li>
 * <li>every frame file still has the size and modification time recorded when it was imported (a rescan drops the
 * scores of frames that changed, so the stored scores are of these files).</li>
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
     * @param project the project to score, each shot with the cast it will be scored against (empty: to propose)
     * @param known   the characters with a sheet
     */
    static List<StandingShot> find(Project project, Map<VariantKey, NavigableMap<Long, StoredFrame>> imported,
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
                NavigableMap<Long, List<StoredScore>> scores = variant.media() instanceof ImageSequence sequence
                        ? standingScores(sequence, imported.get(key), stored.get(key), cast, fingerprint, settings)
                        : null;
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
            if (rows == null || rows.size() != cast.size() || frame == null || !unchanged(entry.getValue(), frame)) {
                return null;
            }
            for (StoredScore row : rows) {
                if (!row.engineVersion().equals(fingerprint) || !cast.contains(row.character())
                        || !settings.band(row.score()).label().equals(row.band())) {
                    return null;
                }
            }
            scores.put(entry.getKey(), rows);
        }
        return scores;
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

    /** Size and modification time as imported: the frame is the one that was scored. */
    private static boolean unchanged(Path file, StoredFrame imported) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() == imported.identity().size()
                    && attributes.lastModifiedTime().toMillis() == imported.identity().mtimeMillis();
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
