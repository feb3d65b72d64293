package dev.onmodel.core.consistency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.onmodel.core.consistency.decode.Raster;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MediaReadException;
import dev.onmodel.core.media.MovieFrameStream;
import dev.onmodel.core.model.MovieMedia;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scores many frame files on several threads: bad files are reported by path and reason while the others are
 * scored, progress is reported per frame, and a {@link Cancellation} stops the batch between frames.
 *
 * <p>Frames are analysed in parallel (decoding dominates), then scored in input order so that each frame is compared
 * with its neighbours in the same image sequence, and its proportions with the batch's typical ones (so score a
 * shot's frames in one batch) (the temporal component). Analyses go through the {@link AnalysisCache}, so
 * an unchanged file is not decoded again.
 *
 * <p>Frames of a movie ({@link Input#ofMovieFrame}) are decoded by one ffmpeg process per movie, streamed in order
 * ({@link MovieFrameStream}): a movie is one task, and several movies or stills run side by side.
 */
public final class BatchScorer {

    /**
     * The cache payload's codec. Measurements are written at single precision (a score needs no more than 7
     * digits) and read with Jackson's fast number parser: a 10,000-frame project's cached analyses were 32 MB of
     * 17-digit decimals, and parsing them (the JDK's {@code FloatingDecimal}) was most of a cold re-score.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .addModule(new SimpleModule("single-precision measurements")
                    .addSerializer(Double.class, new SinglePrecision())
                    .addSerializer(double.class, new SinglePrecision()))
            .build();
    /** A prepared reader: reading cached analyses back is on the re-scoring path, which must stay cheap. */
    private static final com.fasterxml.jackson.databind.ObjectReader ANALYSIS_READER = JSON.readerFor(FrameAnalysis.class);

    private final ConsistencyEngine engine;
    private final AnalysisCache cache;
    private final Path cacheRoot;

    /**
     * One frame to score: an image file, or one frame of a movie.
     *
     * @param file        the file to read (the movie, for a movie frame)
     * @param displayPath how results and problems name it (the path as the user gave it)
     * @param movie       the movie this frame belongs to, or null for an image file
     * @param movieFrame  the movie's frame number ({@link MovieMedia#range()}), or -1 for an image file
     */
    public record Input(Path file, String displayPath, MovieMedia movie, long movieFrame) {
        public Input {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(displayPath, "displayPath");
            if (movie != null && !movie.range().contains(movieFrame)) {
                throw new IllegalArgumentException("frame " + movieFrame + " is outside " + movie.file().getFileName()
                        + " (frames " + movie.range() + ")");
            }
        }

        /** An image file. */
        public Input(Path file, String displayPath) {
            this(file, displayPath, null, -1);
        }

        public static Input of(Path file) {
            return new Input(file, file.toString());
        }

        /**
         * Frame {@code frame} of {@code movie}, numbered as {@link MovieMedia} numbers its frames, shown as
         * {@code movie#N} (the movie's path as it was given).
         */
        public static Input ofMovieFrame(MovieMedia movie, long frame) {
            return new Input(movie.file(), movie.file() + "#" + frame, movie, frame);
        }

        public boolean isMovieFrame() {
            return movie != null;
        }
    }

    /** One scored frame. */
    public record ScoredFrame(Input input, FrameScore score) {
    }

    /**
     * The outcome of a batch.
     *
     * @param frames      scored frames, in input order
     * @param problems    frames that could not be read, with the reason, in input order
     * @param cancelled   true when the batch was cancelled before every frame was done
     * @param cachedCount frames whose analysis came from the cache
     */
    public record Result(List<ScoredFrame> frames, List<MediaProblem> problems, boolean cancelled, int cachedCount) {
        public Result {
            frames = List.copyOf(frames);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param cache     where analyses are looked up and stored; {@link AnalysisCache#none()} for none
     * @param cacheRoot file paths in cache keys are relative to this folder (the project root)
     */
    public BatchScorer(ConsistencyEngine engine, AnalysisCache cache, Path cacheRoot) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
    }

    /** A scorer without a cache. */
    public BatchScorer(ConsistencyEngine engine) {
        this(engine, AnalysisCache.none(), Path.of(""));
    }

    /**
     * @param cast     characters to score in every frame; empty means all of the engine's
     * @param threads  worker threads (at least 1)
     * @param progress called from worker threads after each frame
     */
    public Result score(List<Input> inputs, List<String> cast, int threads, ScoringProgress progress,
                        Cancellation cancellation) {
        int total = inputs.size();
        Run run = new Run(inputs, cast, progress, cancellation);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "onmodel-scoring");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            Map<Path, List<Integer>> movies = new LinkedHashMap<>();
            for (int i = 0; i < total; i++) {
                int index = i;
                if (inputs.get(i).isMovieFrame()) {
                    movies.computeIfAbsent(inputs.get(i).file(), f -> new ArrayList<>()).add(i);
                } else {
                    futures.add(pool.submit(() -> analyseStill(run, index)));
                }
            }
            for (List<Integer> frames : movies.values()) {
                futures.add(pool.submit(() -> analyseMovie(run, frames)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
        } catch (ExecutionException e) {
            throw new IllegalStateException("scoring worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<ScoredFrame> frames = new ArrayList<>();
        List<MediaProblem> problemList = new ArrayList<>();
        Map<String, Double> typical = engine.typicalProportions(
                java.util.Arrays.stream(run.analyses).filter(Objects::nonNull).toList());
        boolean complete = true;
        for (int i = 0; i < total; i++) {
            if (run.problems[i] != null) {
                problemList.add(run.problems[i]);
            } else if (run.unreadable[i]) {
                // A frame of a movie that failed: the movie's one problem is reported with its first such frame.
                continue;
            } else if (run.analyses[i] == null) {
                complete = false;
            } else {
                FrameAnalysis previous = neighbour(inputs, run.analyses, i, -1);
                FrameAnalysis next = neighbour(inputs, run.analyses, i, +1);
                long previousFrame = previous == null ? -1 : frameNumber(inputs.get(i - 1));
                frames.add(new ScoredFrame(inputs.get(i), engine.score(run.analyses[i], previous, next, typical,
                        previousFrame)));
            }
        }
        return new Result(frames, problemList, !complete || cancellation.isCancelled(), run.cached.get());
    }

    /** What the tasks of one {@link #score} call share. */
    private final class Run {
        final List<Input> inputs;
        final List<String> cast;
        final ScoringProgress progress;
        final Cancellation cancellation;
        final String version;
        final FrameAnalysis[] analyses;
        final MediaProblem[] problems;
        /** Frames of a movie that could not be decoded (the movie's problem is at one of them). */
        final boolean[] unreadable;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger cached = new AtomicInteger();

        Run(List<Input> inputs, List<String> cast, ScoringProgress progress, Cancellation cancellation) {
            this.inputs = inputs;
            this.cast = cast;
            this.progress = progress;
            this.cancellation = cancellation;
            this.version = engine.fingerprint() + "|" + String.join(",", cast.isEmpty() ? engine.characters() : cast);
            this.analyses = new FrameAnalysis[inputs.size()];
            this.problems = new MediaProblem[inputs.size()];
            this.unreadable = new boolean[inputs.size()];
        }

        void frameDone() {
            progress.update(done.incrementAndGet(), inputs.size());
        }
    }

    private void analyseStill(Run run, int index) {
        if (run.cancellation.isCancelled()) {
            return;
        }
        Input input = run.inputs.get(index);
        try {
            if (!Files.isRegularFile(input.file())) {
                throw new IOException(Files.exists(input.file()) ? "not a regular file" : "file not found");
            }
            AnalysisCache.Key key = cache == AnalysisCache.none() ? null : keyOf(input, run.version);
            FrameAnalysis analysis = cachedAnalysis(run, key);
            if (analysis == null) {
                analysis = remember(key, engine.analyze(input.file(), run.cast));
            }
            run.analyses[index] = analysis;
        } catch (IOException e) {
            run.problems[index] = new MediaProblem(Path.of(input.displayPath()), e.getMessage());
        } catch (RuntimeException e) {
            run.problems[index] = new MediaProblem(Path.of(input.displayPath()), "could not be analysed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        run.frameDone();
    }

    /**
     * Analyses the wanted frames of one movie: those in the cache from it, the others from one ffmpeg stream, in
     * frame order. A movie that cannot be decoded (no ffmpeg, a damaged file) is one problem, reported with the
     * first frame it could not give; the frames it gave before are scored.
     *
     * @param indices the inputs that are frames of this movie
     */
    private void analyseMovie(Run run, List<Integer> indices) {
        MovieMedia movie = run.inputs.get(indices.get(0)).movie();
        TreeMap<Long, List<Integer>> wanted = new TreeMap<>();
        try {
            if (!Files.isRegularFile(movie.file())) {
                throw new IOException(Files.exists(movie.file()) ? "not a regular file" : "file not found");
            }
            AnalysisCache.Key[] keys = new AnalysisCache.Key[run.inputs.size()];
            for (int index : indices) {
                if (run.cancellation.isCancelled()) {
                    return;
                }
                Input input = run.inputs.get(index);
                keys[index] = cache == AnalysisCache.none() ? null : keyOf(input, run.version);
                FrameAnalysis analysis = cachedAnalysis(run, keys[index]);
                if (analysis != null) {
                    run.analyses[index] = analysis;
                    run.frameDone();
                } else {
                    wanted.computeIfAbsent(input.movieFrame(), f -> new ArrayList<>()).add(index);
                }
            }
            if (wanted.isEmpty()) {
                return;
            }
            // Looked for on the PATH by each movie task only (a few file checks): most batches hold image files only.
            FfmpegTools tools = FfmpegTools.locate().orElseThrow(() -> new MediaReadException(movie.file(),
                    MediaProblem.Kind.MOVIE, FfmpegTools.INSTALL_HINT));
            int step = engine.stepFor(movie.width(), movie.height());
            try (MovieFrameStream stream = MovieFrameStream.open(tools, movie, step, engine.settings().maxPixels())) {
                long frame = movie.firstFrame();
                while (!wanted.isEmpty() && !run.cancellation.isCancelled()) {
                    int[] pixels = stream.next();
                    if (pixels == null) {
                        throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg gave "
                                + stream.delivered() + " frames, the movie was probed with " + movie.frameCount());
                    }
                    List<Integer> here = wanted.remove(frame);
                    if (here != null) {
                        FrameAnalysis analysis = engine.analyzeSampled(new Raster(stream.width(), stream.height(),
                                pixels), step, movie.width(), movie.height(), run.cast);
                        analysis = remember(keys[here.get(0)], analysis);
                        for (int index : here) {
                            run.analyses[index] = analysis;
                            run.frameDone();
                        }
                    }
                    frame++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Every frame not analysed by now is lost with the movie (the cache look-up may have failed before
            // they were even listed as wanted): one problem, at the first of them.
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            List<Integer> lost = indices.stream().filter(index -> run.analyses[index] == null)
                    .sorted(Comparator.comparingLong(index -> run.inputs.get(index).movieFrame())).toList();
            for (int index : lost) {
                if (index == lost.get(0)) {
                    long frame = run.inputs.get(index).movieFrame();
                    run.problems[index] = new MediaProblem(movie.file(),
                            "frames " + frame + " to " + movie.range().last() + " not scored: " + reason);
                } else {
                    run.unreadable[index] = true;
                }
                run.frameDone();
            }
        }
    }

    private FrameAnalysis cachedAnalysis(Run run, AnalysisCache.Key key) {
        FrameAnalysis analysis = key == null ? null : cache.get(key).map(BatchScorer::parse).orElse(null);
        if (analysis != null) {
            run.cached.incrementAndGet();
        }
        return analysis;
    }

    /**
     * Stores a fresh analysis in the cache and returns what the cache will give back next time, so that a re-score
     * finds the same scores.
     */
    private FrameAnalysis remember(AnalysisCache.Key key, FrameAnalysis analysis) throws IOException {
        if (key == null) {
            return analysis;
        }
        String payload = JSON.writeValueAsString(analysis);
        cache.put(key, payload);
        return ANALYSIS_READER.readValue(payload);
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("^(.*?)[._](\\d+)\\.([^.]+)$");

    /**
     * The analysed frame before or after {@code i} in the same image sequence (same folder and name prefix,
     * frame number one apart), or null: unrelated stills are never compared with each other.
     */
    private static FrameAnalysis neighbour(List<Input> inputs, FrameAnalysis[] analyses, int i, int direction) {
        int j = i + direction;
        if (j < 0 || j >= inputs.size() || analyses[j] == null) {
            return null;
        }
        Input a0 = inputs.get(i);
        Input b0 = inputs.get(j);
        if (a0.isMovieFrame() || b0.isMovieFrame()) {
            return a0.isMovieFrame() && b0.isMovieFrame() && a0.file().equals(b0.file())
                    && b0.movieFrame() - a0.movieFrame() == direction ? analyses[j] : null;
        }
        Path here = a0.file().toAbsolutePath();
        Path there = b0.file().toAbsolutePath();
        if (!Objects.equals(here.getParent(), there.getParent())) {
            return null;
        }
        java.util.regex.Matcher a = NUMBERED.matcher(here.getFileName().toString());
        java.util.regex.Matcher b = NUMBERED.matcher(there.getFileName().toString());
        if (!a.matches() || !b.matches() || !a.group(1).equals(b.group(1)) || !a.group(3).equals(b.group(3))) {
            return null;
        }
        long gap = Long.parseLong(b.group(2)) - Long.parseLong(a.group(2));
        return gap == direction ? analyses[j] : null;
    }

    /** The frame number people know a frame by: the movie's, or the number in an image file's name; -1 if none. */
    private static long frameNumber(Input input) {
        if (input.isMovieFrame()) {
            return input.movieFrame();
        }
        java.util.regex.Matcher m = NUMBERED.matcher(input.file().getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(2)) : -1;
    }

    /** The cache key of a frame: its file (a movie frame: the movie's, with the frame number) and the version. */
    private AnalysisCache.Key keyOf(Input input, String version) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(input.file(), BasicFileAttributes.class);
        Path absolute = input.file().toAbsolutePath().normalize();
        String relative = absolute.startsWith(cacheRoot) ? cacheRoot.relativize(absolute).toString() : absolute.toString();
        String path = relative.replace('\\', '/') + (input.isMovieFrame() ? "#" + input.movieFrame() : "");
        return new AnalysisCache.Key(path, attributes.size(), attributes.lastModifiedTime().toMillis(), version);
    }

    /** Writes a double measurement at float precision (NaN stays NaN). */
    private static final class SinglePrecision extends StdSerializer<Double> {
        SinglePrecision() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeNumber(value.floatValue());
        }
    }

    private static FrameAnalysis parse(String json) {
        try {
            return ANALYSIS_READER.readValue(json);
        } catch (JsonProcessingException e) {
            // A damaged cache entry only costs a fresh analysis.
            return null;
        }
    }
}
