package dev.onmodel.core.consistency;

import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores every variant of every shot of a project against the shot's cast and hands the results to a
 * {@link ProjectScoreSink}.
 *
 * <p>A shot without a cast in project.json gets one proposed from the best matches: a few frames spread over its
 * first variant are scored against every character, and the characters whose median score is in the ok band are
 * kept (the single best one when none is).
 */
public final class ProjectScorer {

    /** Frames sampled per shot to propose a cast. */
    private static final int CAST_SAMPLE = 6;

    /**
     * What a run did.
     *
     * @param frames    frames scored
     * @param cached    of which taken from the cache
     * @param problems  files or variants that could not be scored
     * @param cancelled true when cancelled before the end
     * @param casts     the cast each shot was scored against
     */
    public record Summary(int frames, int cached, int problems, boolean cancelled, Map<String, List<String>> casts) {
    }

    private final ConsistencyEngine engine;
    private final AnalysisCache cache;

    public ProjectScorer(ConsistencyEngine engine, AnalysisCache cache) {
        this.engine = engine;
        this.cache = cache;
    }

    /**
     * @param progress called from worker threads with frames done and the total over the whole project
     */
    public Summary score(Project project, ProjectScoreSink sink, int threads, ScoringProgress progress,
                         Cancellation cancellation) throws IOException {
        int total = Math.toIntExact(project.shots().stream().flatMap(s -> s.variants().stream())
                .mapToLong(v -> v.media() instanceof ImageSequence q ? q.files().size()
                        : v.media() instanceof MovieMedia m ? m.frameCount() : 0)
                .sum());
        BatchScorer batch = new BatchScorer(engine, cache, project.root());
        int[] offset = {0};
        int scored = 0;
        int cached = 0;
        int problems = 0;
        Map<String, List<String>> casts = new LinkedHashMap<>();
        for (Shot shot : project.shots()) {
            if (cancellation.isCancelled()) {
                break;
            }
            List<String> cast = castOf(shot, project, sink, threads, cancellation);
            casts.put(shot.name(), cast);
            // All variants of a shot go into one batch: their typical proportions are the shot's reference.
            List<BatchScorer.Input> inputs = new ArrayList<>();
            Map<BatchScorer.Input, Variant> variantOf = new LinkedHashMap<>();
            Map<BatchScorer.Input, Long> frameOf = new LinkedHashMap<>();
            for (Variant variant : shot.variants()) {
                for (Map.Entry<Long, BatchScorer.Input> frame : framesOf(variant).entrySet()) {
                    inputs.add(frame.getValue());
                    variantOf.put(frame.getValue(), variant);
                    frameOf.put(frame.getValue(), frame.getKey());
                }
            }
            int base = offset[0];
            BatchScorer.Result result = batch.score(inputs, cast, threads,
                    (done, n) -> progress.update(base + done, total), cancellation);
            offset[0] += inputs.size();
            for (BatchScorer.ScoredFrame f : result.frames()) {
                sink.frame(variantOf.get(f.input()), frameOf.get(f.input()), f.input().file(), f.score());
            }
            for (MediaProblem p : result.problems()) {
                sink.problem(p);
            }
            scored += result.frames().size();
            cached += result.cachedCount();
            problems += result.problems().size();
        }
        sink.finish();
        return new Summary(scored, cached, problems, cancellation.isCancelled(), casts);
    }

    /** A variant's frames by frame number: the files of an image sequence, or the frames of a movie. */
    private static Map<Long, BatchScorer.Input> framesOf(Variant variant) {
        Map<Long, BatchScorer.Input> frames = new LinkedHashMap<>();
        if (variant.media() instanceof ImageSequence sequence) {
            sequence.files().forEach((frame, file) -> frames.put(frame, BatchScorer.Input.of(file)));
        } else if (variant.media() instanceof MovieMedia movie) {
            movie.range().frames().forEach(frame -> frames.put(frame, BatchScorer.Input.ofMovieFrame(movie, frame)));
        }
        return frames;
    }

    private List<String> castOf(Shot shot, Project project, ProjectScoreSink sink, int threads,
                                Cancellation cancellation) throws IOException {
        List<String> known = engine.characters();
        List<String> listed = new ArrayList<>();
        for (String name : shot.cast()) {
            if (known.contains(name)) {
                listed.add(name);
            } else {
                sink.problem(new MediaProblem(project.root().resolve("project.json"), "shot " + shot.name()
                        + " lists character '" + name + "' which has no sheet; it is not scored"));
            }
        }
        if (!listed.isEmpty()) {
            sink.cast(shot.name(), listed, false);
            return listed;
        }
        List<String> proposed = proposeCast(shot, project.root(), threads, cancellation);
        sink.cast(shot.name(), proposed, true);
        return proposed;
    }

    /**
     * The characters whose median score over a few sampled frames is in the ok band, or the best one; every
     * character when none of the sampled frames can be read. The sampled
     * analyses go through the cache too (keyed by "every character"), so re-scoring an unchanged project decodes
     * nothing for its cast-less shots either.
     */
    private List<String> proposeCast(Shot shot, Path projectRoot, int threads, Cancellation cancellation) {
        List<BatchScorer.Input> frames = shot.variants().isEmpty() ? List.of()
                : List.copyOf(framesOf(shot.variants().get(0)).values());
        if (frames.isEmpty()) {
            return engine.characters();
        }
        List<BatchScorer.Input> sample = new ArrayList<>();
        int n = Math.min(CAST_SAMPLE, frames.size());
        for (int i = 0; i < n; i++) {
            sample.add(frames.get((int) ((long) i * frames.size() / n)));
        }
        BatchScorer.Result result = new BatchScorer(engine, cache, projectRoot).score(sample, List.of(), threads,
                ScoringProgress.none(), cancellation);
        if (result.frames().isEmpty()) {
            // No sampled frame could be read (each is reported when the shot is scored): score against every
            // character rather than guess one.
            return engine.characters();
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String character : engine.characters()) {
            List<Double> scores = result.frames().stream()
                    .map(f -> f.score().character(character).map(CharacterScore::score).orElse(0.0))
                    .sorted().toList();
            medians.put(character, scores.isEmpty() ? 0 : scores.get(scores.size() / 2));
        }
        List<String> cast = medians.entrySet().stream()
                .filter(e -> engine.settings().band(e.getValue()) == Band.OK)
                .map(Map.Entry::getKey).toList();
        if (!cast.isEmpty()) {
            return cast;
        }
        return medians.entrySet().stream().max(Comparator.comparingDouble(Map.Entry::getValue))
                .map(e -> List.of(e.getKey())).orElse(engine.characters());
    }
}
