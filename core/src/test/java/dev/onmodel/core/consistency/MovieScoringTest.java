package dev.onmodel.core.consistency;

import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.FfprobeMovieProbe;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.sample.ProgressListener;
import dev.onmodel.core.sample.SampleOptions;
import dev.onmodel.core.sample.SampleProjectGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Movie variants are scored frame by frame like image sequences: the sample's drifting take, encoded losslessly into
 * a movie, gets the very scores its PNG frames get, in a batch and in a project; a damaged movie is one problem naming
 * it and the frames before the damage are scored; without ffmpeg the movie is one problem with the install hint.
 * Tests that need ffmpeg are skipped, visibly, on machines without it (CI installs it).
 */
class MovieScoringTest {

    private static final SampleOptions SAMPLE = SampleOptions.defaults().withFrameScale(0.5).withPictureScale(0.5);

    @TempDir
    static Path dir;

    private static Path sample;
    private static ConsistencyEngine engine;

    @BeforeAll
    static void generate() throws IOException, InterruptedException {
        sample = dir.resolve("sample");
        SampleProjectGenerator.generate(sample, SAMPLE, ProgressListener.NONE);
        Project project = new ProjectReader(dev.onmodel.core.media.MovieProbe.unavailable("not needed")).read(sample)
                .project();
        engine = ConsistencyEngine.load(project.characters(), ScoringSettings.defaults());
    }

    private static FfmpegTools tools() {
        Optional<FfmpegTools> tools = FfmpegTools.locate();
        Assumptions.assumeTrue(tools.isPresent(), "ffmpeg/ffprobe not on the PATH: movie scoring not tested"
                + " (apt-get install ffmpeg)");
        return tools.get();
    }

    /** The take's PNG frames encoded losslessly (FFV1, 8-bit RGB), so each movie frame is the PNG's pixels. */
    private static Path encode(FfmpegTools tools, Path take, Path movie) throws IOException, InterruptedException {
        String pattern;
        long first;
        try (Stream<Path> files = Files.list(take)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            String name = names.get(0);
            int dot = name.lastIndexOf('.', name.length() - 5);
            pattern = name.substring(0, dot + 1) + "%04d.png";
            first = Long.parseLong(name.substring(dot + 1, dot + 5));
        }
        Files.createDirectories(movie.getParent());
        Process p = new ProcessBuilder(tools.ffmpeg().toString(), "-v", "error", "-y", "-framerate", "24",
                "-start_number", String.valueOf(first), "-i", take.resolve(pattern).toString(), "-c:v", "ffv1",
                "-pix_fmt", "bgr0", movie.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ffmpeg could not make the test movie: " + out);
        return movie;
    }

    /** The take encoded losslessly into {@code file}, probed with frames numbered from 1001 like the take's. */
    private static MovieMedia encodedTake(FfmpegTools tools, Path take, Path file)
            throws IOException, InterruptedException {
        return new FfprobeMovieProbe(tools, 1001).probe(encode(tools, take, file));
    }

    private static List<BatchScorer.Input> movieFrames(MovieMedia movie) {
        return movie.range().frames().mapToObj(f -> BatchScorer.Input.ofMovieFrame(movie, f)).toList();
    }

    private static List<BatchScorer.Input> framesOf(Path take) throws IOException {
        try (Stream<Path> files = Files.list(take)) {
            return files.sorted().map(BatchScorer.Input::of).toList();
        }
    }

    @Test
    void aMovieFrameScoresAsItsImageFileDoes() throws Exception {
        FfmpegTools tools = tools();
        Path take = sample.resolve("shots/sh010/v002");
        MovieMedia movie = encodedTake(tools, take, dir.resolve("movies/sh010_v002.mkv"));
        List<BatchScorer.Input> images = framesOf(take);
        assertEquals(images.size(), movie.frameCount());
        List<BatchScorer.Input> frames = movieFrames(movie);

        BatchScorer.Result fromImages = new BatchScorer(engine).score(images, List.of("mira"), 2,
                ScoringProgress.none(), new Cancellation());
        List<Integer> progress = new ArrayList<>();
        BatchScorer.Result fromMovie = new BatchScorer(engine).score(frames, List.of("mira"), 2,
                (done, total) -> {
                    synchronized (progress) {
                        progress.add(done);
                    }
                }, new Cancellation());

        assertEquals(List.of(), fromMovie.problems());
        assertFalse(fromMovie.cancelled());
        assertEquals(images.size(), fromMovie.frames().size());
        assertEquals(images.size(), progress.size(), "progress is reported for every movie frame");
        for (int i = 0; i < images.size(); i++) {
            assertEquals(fromImages.frames().get(i).score(), fromMovie.frames().get(i).score(),
                    "frame " + frames.get(i).movieFrame());
        }
        // The drift is caught in the movie too, and temporal context (neighbouring movie frames) is used.
        assertTrue(fromMovie.frames().stream().anyMatch(f -> f.score().worst().orElseThrow().band() == Band.OFF_MODEL));
        assertTrue(fromMovie.frames().get(1).score().characters().get(0).hasTemporal());
    }

    @Test
    void aProjectWithAMovieVariantScoresItsFrames() throws Exception {
        FfmpegTools tools = tools();
        Path root = dir.resolve("with-movie");
        copy(sample, root);
        Path take = root.resolve("shots/sh010/v002");
        Path movieFile = encode(tools, take, dir.resolve("encoded/sh010_v002.mkv"));
        try (Stream<Path> files = Files.list(take)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.move(movieFile, take.resolve("sh010_v002.mkv"));
        Project project = new ProjectReader(new FfprobeMovieProbe(tools, 1001)).read(root).project();
        Shot shot = project.shots().stream().filter(s -> s.name().equals("sh010")).findFirst().orElseThrow();
        Variant movieVariant = shot.variants().stream().filter(v -> v.name().equals("v002")).findFirst().orElseThrow();
        assertTrue(movieVariant.media() instanceof MovieMedia, "v002 is read as a movie: " + movieVariant.media());

        Map<String, FrameScore> scores = new HashMap<>();
        List<MediaProblem> problems = new ArrayList<>();
        ProjectScoreSink sink = new ProjectScoreSink() {
            @Override
            public void cast(String shot, List<String> cast, boolean proposed) {
                // given in project.json
            }

            @Override
            public void frame(Variant variant, long frame, Path file, FrameScore score) {
                scores.put(variant.shot() + "/" + variant.name() + "/" + frame, score);
            }

            @Override
            public void problem(MediaProblem problem) {
                problems.add(problem);
            }

            @Override
            public void finish() {
                // nothing buffered
            }
        };
        ProjectScorer.Summary summary = new ProjectScorer(engine, new InMemoryAnalysisCache()).score(project, sink, 2,
                ScoringProgress.none(), new Cancellation());

        assertEquals(List.of(), problems);
        MovieMedia movie = (MovieMedia) movieVariant.media();
        int imageFrames = project.shots().stream().flatMap(s -> s.variants().stream())
                .mapToInt(v -> v.media() instanceof ImageSequence q ? q.files().size() : 0).sum();
        assertEquals(imageFrames + movie.frameCount(), summary.frames());
        for (long f = movie.firstFrame(); f <= movie.range().last(); f++) {
            assertTrue(scores.containsKey("sh010/v002/" + f), "movie frame " + f + " scored");
        }
        // Scored in the shot's batch: the drifting frames of the movie are flagged, the clean ones are not.
        assertEquals(Band.OK, scores.get("sh010/v002/" + movie.firstFrame()).worst().orElseThrow().band());
        assertTrue(movie.range().frames().anyMatch(f -> scores.get("sh010/v002/" + f).worst().orElseThrow().band()
                == Band.OFF_MODEL));
    }

    @Test
    void aDamagedMovieIsOneProblemAndItsEarlierFramesAreScored() throws Exception {
        FfmpegTools tools = tools();
        Path take = sample.resolve("shots/sh020/v002");
        MovieMedia movie = encodedTake(tools, take, dir.resolve("damaged/sh020_v002.mkv"));
        Path movieFile = movie.file();
        // Cut the file: the frames at its end are gone, and ffmpeg stops early.
        byte[] bytes = Files.readAllBytes(movieFile);
        Files.write(movieFile, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        List<BatchScorer.Input> frames = movieFrames(movie);
        List<BatchScorer.Input> inputs = new ArrayList<>(frames);
        inputs.add(BatchScorer.Input.of(framesOf(take).get(0).file()));

        BatchScorer.Result result = new BatchScorer(engine).score(inputs, List.of("mira"), 2, ScoringProgress.none(),
                new Cancellation());

        assertEquals(1, result.problems().size(), "one problem for the movie: " + result.problems());
        MediaProblem problem = result.problems().get(0);
        assertEquals(movieFile, problem.path());
        assertTrue(problem.reason().contains("not scored"), problem.reason());
        assertFalse(result.cancelled());
        long movieFramesScored = result.frames().stream().filter(f -> f.input().isMovieFrame()).count();
        assertTrue(movieFramesScored > 0 && movieFramesScored < movie.frameCount(),
                movieFramesScored + " of " + movie.frameCount() + " movie frames scored");
        assertTrue(result.frames().stream().anyMatch(f -> !f.input().isMovieFrame()), "the image file is scored");
    }

    /**
     * A rotation tag (phones write one; {@code -metadata:s:v rotate=90}) must not change what is read: ffmpeg would
     * turn the frames and swap width and height, and rows read at the probed width would be garbage.
     */
    @Test
    void aRotationTagDoesNotChangeTheFramesRead() throws Exception {
        FfmpegTools tools = tools();
        Path take = sample.resolve("shots/sh040/v001");
        Path plain = dir.resolve("rotation/plain.mp4");
        Files.createDirectories(plain.getParent());
        String first = framesOf(take).get(0).file().getFileName().toString();
        String pattern = first.substring(0, first.length() - 8) + "%04d.png";
        run(tools.ffmpeg().toString(), "-v", "error", "-y", "-framerate", "24", "-start_number",
                first.substring(first.length() - 8, first.length() - 4), "-i", take.resolve(pattern).toString(),
                "-frames:v", "6", "-c:v", "libx264", "-pix_fmt", "yuv420p", plain.toString());
        Path rotated = dir.resolve("rotation/rotated.mp4");
        run(tools.ffmpeg().toString(), "-v", "error", "-y", "-i", plain.toString(), "-c", "copy",
                "-metadata:s:v", "rotate=90", rotated.toString());
        String probe = run(tools.ffprobe().toString(), "-v", "error", "-show_streams", rotated.toString());
        Assumptions.assumeTrue(probe.contains("rotation=") || probe.contains("rotate="),
                "this ffmpeg wrote no rotation tag: nothing to test");
        List<FrameScore> scores = new ArrayList<>();
        for (Path file : List.of(plain, rotated)) {
            MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(file);
            BatchScorer.Result result = new BatchScorer(engine).score(movieFrames(movie), List.of("tobo"), 1,
                    ScoringProgress.none(), new Cancellation());
            assertEquals(List.of(), result.problems());
            result.frames().forEach(f -> scores.add(f.score()));
        }
        assertEquals(12, scores.size());
        assertEquals(scores.subList(0, 6), scores.subList(6, 12));
        assertEquals(Band.OK, scores.get(0).worst().orElseThrow().band(), scores.get(0).toString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void aMissingMovieIsOneProblemAndProgressStillReachesTheEnd() {
        MovieMedia movie = new MovieMedia(dir.resolve("gone.mov"), 1001, 3, dev.onmodel.core.time.FrameRate.FPS_24,
                64, 48, false);
        List<Integer> progress = new ArrayList<>();
        BatchScorer.Result result = new BatchScorer(engine).score(movieFrames(movie), List.of("mira"), 1,
                (done, total) -> progress.add(done), new Cancellation());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals("frames 1001 to 1003 not scored: file not found", result.problems().get(0).reason());
        assertFalse(result.cancelled());
        assertEquals(List.of(1, 2, 3), progress);
    }

    @Test
    void withoutFfmpegAMovieIsOneProblemWithTheInstallHint() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-tools"));
        MovieMedia movie = new MovieMedia(dir.resolve("some.mov"), 1001, 3, dev.onmodel.core.time.FrameRate.FPS_24,
                64, 48, false);
        Files.write(movie.file(), new byte[] {1, 2, 3});
        List<BatchScorer.Input> frames = movieFrames(movie);
        String previous = System.getProperty("onmodel.ffmpeg.dir");
        System.setProperty("onmodel.ffmpeg.dir", empty.toString());
        BatchScorer.Result result;
        try {
            result = new BatchScorer(engine).score(frames, List.of("mira"), 1, ScoringProgress.none(),
                    new Cancellation());
        } finally {
            if (previous == null) {
                System.clearProperty("onmodel.ffmpeg.dir");
            } else {
                System.setProperty("onmodel.ffmpeg.dir", previous);
            }
        }
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).reason().contains(FfmpegTools.INSTALL_HINT),
                result.problems().get(0).reason());
        assertEquals(List.of(), result.frames());
        assertFalse(result.cancelled());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
