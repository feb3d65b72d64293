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
import dev.onmodel.core.media.MediaProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
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
     * One frame to score.
     *
     * @param file        the file to read
     * @param displayPath how results and problems name it (the path as the user gave it)
     */
    public record Input(Path file, String displayPath) {
        public Input {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(displayPath, "displayPath");
        }

        public static Input of(Path file) {
            return new Input(file, file.toString());
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
        FrameAnalysis[] analyses = new FrameAnalysis[total];
        MediaProblem[] problems = new MediaProblem[total];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        String version = engine.fingerprint() + "|" + String.join(",", cast.isEmpty() ? engine.characters() : cast);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "onmodel-scoring");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    if (cancellation.isCancelled()) {
                        return;
                    }
                    Input input = inputs.get(index);
                    try {
                        if (!Files.isRegularFile(input.file())) {
                            throw new IOException(Files.exists(input.file()) ? "not a regular file" : "file not found");
                        }
                        AnalysisCache.Key key = cache == AnalysisCache.none() ? null : keyOf(input.file(), version);
                        FrameAnalysis analysis = key == null ? null : cache.get(key).map(BatchScorer::parse).orElse(null);
                        if (analysis != null) {
                            cached.incrementAndGet();
                        } else {
                            analysis = engine.analyze(input.file(), cast);
                            if (key != null) {
                                String payload = JSON.writeValueAsString(analysis);
                                cache.put(key, payload);
                                // Score what the cache will give back next time, so a re-score finds the same scores.
                                analysis = ANALYSIS_READER.readValue(payload);
                            }
                        }
                        analyses[index] = analysis;
                    } catch (IOException e) {
                        problems[index] = new MediaProblem(Path.of(input.displayPath()), e.getMessage());
                    } catch (RuntimeException e) {
                        problems[index] = new MediaProblem(Path.of(input.displayPath()),
                                "could not be analysed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                                        : e.getMessage()));
                    }
                    progress.update(done.incrementAndGet(), total);
                }));
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
                java.util.Arrays.stream(analyses).filter(Objects::nonNull).toList());
        boolean complete = true;
        for (int i = 0; i < total; i++) {
            if (problems[i] != null) {
                problemList.add(problems[i]);
            } else if (analyses[i] == null) {
                complete = false;
            } else {
                FrameAnalysis previous = neighbour(inputs, analyses, i, -1);
                FrameAnalysis next = neighbour(inputs, analyses, i, +1);
                frames.add(new ScoredFrame(inputs.get(i), engine.score(analyses[i], previous, next, typical)));
            }
        }
        return new Result(frames, problemList, !complete || cancellation.isCancelled(), cached.get());
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
        Path here = inputs.get(i).file().toAbsolutePath();
        Path there = inputs.get(j).file().toAbsolutePath();
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

    private AnalysisCache.Key keyOf(Path file, String version) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Path absolute = file.toAbsolutePath().normalize();
        String relative = absolute.startsWith(cacheRoot) ? cacheRoot.relativize(absolute).toString() : absolute.toString();
        return new AnalysisCache.Key(relative.replace('\\', '/'), attributes.size(),
                attributes.lastModifiedTime().toMillis(), version);
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
