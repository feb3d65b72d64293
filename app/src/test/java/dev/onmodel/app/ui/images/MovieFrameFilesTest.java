package dev.onmodel.app.ui.images;

import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.FfprobeMovieProbe;
import dev.onmodel.core.model.MovieMedia;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The viewer's movie frames: each frame number names a file that, when first read, holds exactly that frame of the
 * movie (each frame of the test movie has its own grey level), made once and then reused; a re-rendered movie gets
 * new files; nothing is named outside the movie or without ffmpeg. Frames are made in runs by one ffmpeg process: a
 * run's frames are the pictures the single-frame decoder shows for the same numbers (pixel for pixel on a lossless
 * movie and on H.264 with B-frames and key frames every 48 frames), requests for frames of a run being made wait for
 * it, failures name the movie and frame, batch-written files count against the budget and a jump stops a run nobody
 * waits for. A backward run gives its last frame first; a forward run asked for the frames after its last goes on in
 * the same ffmpeg, and gives its thread up to another take's run while it waits to be asked. Skipped, visibly, without ffmpeg (CI installs it).
 */
class MovieFrameFilesTest {

    private static final int FRAMES = 6;

    @TempDir
    Path dir;

    /** Every MovieFrameFiles made by a test: their runs are stopped before the folder is deleted. */
    private final List<MovieFrameFiles> made = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void stopRuns() throws InterruptedException {
        for (MovieFrameFiles files : made) {
            files.shutdownAndWait();
        }
    }

    private MovieFrameFiles files(Path folder, Optional<FfmpegTools> tools, long budgetBytes, int runLength) {
        MovieFrameFiles files = new MovieFrameFiles(folder, tools, Long.MAX_VALUE, budgetBytes, runLength);
        made.add(files);
        return files;
    }

    private MovieFrameFiles files(Path folder, Optional<FfmpegTools> tools, long budgetBytes, int runLength,
                                  long lingerMillis) {
        MovieFrameFiles files = new MovieFrameFiles(folder, tools, Long.MAX_VALUE, budgetBytes, runLength,
                lingerMillis);
        made.add(files);
        return files;
    }

    private static FfmpegTools tools() {
        Optional<FfmpegTools> tools = FfmpegTools.locate();
        Assumptions.assumeTrue(tools.isPresent(), "ffmpeg/ffprobe not on the PATH: movie frames in the viewer not"
                + " tested (apt-get install ffmpeg)");
        return tools.get();
    }

    /** A lossless movie whose frame i (from 0) is grey level 40 * i. */
    private Path movie(FfmpegTools tools, int offset) throws IOException, InterruptedException {
        for (int i = 0; i < FRAMES; i++) {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            int grey = Math.min(255, 40 * i + offset);
            g.setColor(new Color(grey, grey, grey));
            g.fillRect(0, 0, 64, 48);
            g.dispose();
            ImageIO.write(image, "png", dir.resolve(String.format("src.%04d.png", i + 1)).toFile());
        }
        Path movie = dir.resolve("take.mkv");
        Process p = new ProcessBuilder(tools.ffmpeg().toString(), "-v", "error", "-y", "-framerate", "24",
                "-start_number", "1", "-i", dir.resolve("src.%04d.png").toString(), "-c:v", "ffv1", "-pix_fmt", "bgr0",
                movie.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ffmpeg could not make the test movie: " + out);
        return movie;
    }

    private static int grey(Path file) throws IOException {
        return ImageIO.read(file.toFile()).getRGB(32, 24) & 0xFF;
    }

    @Test
    void eachFrameNumberShowsThatFrameOfTheMovie() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1001).probe(movie(tools, 0));
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH);
        assertTrue(frames.available());
        for (long f = 1001; f < 1001 + FRAMES; f++) {
            Path name = frames.pathFor(movie, f).orElseThrow();
            assertFalse(Files.exists(name), "naming a frame does not decode it");
            Path file = frames.readable(name);
            assertEquals(40 * (f - 1001), grey(file), "frame " + f);
            assertEquals(file, frames.readable(name), "made once, then reused");
        }
        assertEquals(Optional.empty(), frames.pathFor(movie, 1000));
        assertEquals(Optional.empty(), frames.pathFor(movie, 1001 + FRAMES));
        Path still = dir.resolve("src.0001.png");
        assertEquals(still, frames.readable(still), "an image file is read as it is");
    }

    @Test
    void aReRenderedMovieGetsNewFrameFiles() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(movie(tools, 0));
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH);
        Path name = frames.pathFor(movie, 2).orElseThrow();
        Path before = frames.readable(name);
        assertEquals(40, grey(before));
        movie(tools, 10);
        Files.setLastModifiedTime(movie.file(), java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(movie.file()).toMillis() + 5000));
        Path after = frames.readable(name);
        assertNotEquals(before, after);
        assertEquals(50, grey(after));
    }

    @Test
    void withoutFfmpegNoMovieFrameIsNamed() {
        MovieMedia movie = new MovieMedia(dir.resolve("take.mov"), 1, 10, dev.onmodel.core.time.FrameRate.FPS_24, 64,
                48, false);
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.empty(), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH);
        assertFalse(frames.available());
        assertEquals(Optional.empty(), frames.pathFor(movie, 3));
    }

    /** The folder stays under its budget: the least recently written frames go, and come back when shown again. */
    @Test
    void theFolderIsKeptUnderItsBudget() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(movie(tools, 0));
        Path folder = dir.resolve("frames");
        MovieFrameFiles probe = files(folder.resolveSibling("probe"), Optional.of(tools), Long.MAX_VALUE, 1);
        long one = Files.size(probe.readable(probe.pathFor(movie, 1).orElseThrow()));
        // Room for about three frames: writing six, one ffmpeg run each, must delete the oldest.
        MovieFrameFiles frames = files(folder, Optional.of(tools), 3 * one + one / 2, 1);
        List<Path> files = new java.util.ArrayList<>();
        for (long f = 1; f <= FRAMES; f++) {
            Path file = frames.readable(frames.pathFor(movie, f).orElseThrow());
            files.add(file);
            Thread.sleep(20); // distinct modification times, oldest first
        }
        long used;
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            used = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(used <= 3 * one + one / 2, used + " bytes kept, budget " + (3 * one + one / 2));
        assertFalse(Files.exists(files.get(0)), "the oldest frame was deleted");
        assertTrue(Files.exists(files.get(FRAMES - 1)), "the newest frame is kept");
        assertEquals(0, grey(frames.readable(frames.pathFor(movie, 1).orElseThrow())), "and comes back when shown");
    }

    // ---- runs of frames made by one ffmpeg process ---------------------------------------------------------------

    /** Runs ffmpeg with {@code arguments} (after {@code -v error -y}), failing the test with its message. */
    private static void ffmpeg(FfmpegTools tools, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(tools.ffmpeg().toString(), "-v", "error", "-y"));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ffmpeg could not make the test movie: " + out);
    }

    /** testsrc2 (every frame differs: a moving pattern and a frame counter) encoded with {@code codec}. */
    private Path testPattern(FfmpegTools tools, String name, String size, int frames, String... codec)
            throws IOException, InterruptedException {
        Path movie = dir.resolve(name);
        List<String> arguments = new java.util.ArrayList<>(List.of("-f", "lavfi", "-i",
                "testsrc2=size=" + size + ":rate=24", "-frames:v", Integer.toString(frames)));
        arguments.addAll(List.of(codec));
        arguments.add(movie.toString());
        ffmpeg(tools, arguments.toArray(String[]::new));
        return movie;
    }

    /** The largest difference of any colour channel of any pixel (alpha included). */
    private static int largestDifference(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int largest = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    largest = Math.max(largest, Math.abs((p >>> shift & 0xFF) - (q >>> shift & 0xFF)));
                }
            }
        }
        return largest;
    }

    /**
     * Asks for {@code from} (which starts a run over the frames after it), then checks every frame of the run against
     * the single-frame decoder's picture for the same number: at most {@code tolerance} apart in every channel, while
     * neighbouring frames of the movie differ by more (so an off-by-one cannot pass).
     */
    private void assertRunMatchesSingleFrames(FfmpegTools tools, MovieMedia movie, long from, int tolerance)
            throws IOException {
        MovieFrameFiles frames = files(dir.resolve("frames-" + from), Optional.of(tools), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH);
        dev.onmodel.core.media.MovieFrameDecoder single = new dev.onmodel.core.media.MovieFrameDecoder(tools,
                Long.MAX_VALUE);
        long last = Math.min(movie.range().last(), from + MovieFrameFiles.RUN_LENGTH - 1);
        frames.readable(frames.pathFor(movie, from).orElseThrow());
        BufferedImage previous = null;
        for (long f = from; f <= last; f++) {
            BufferedImage batch = ImageIO.read(frames.readable(frames.pathFor(movie, f).orElseThrow()).toFile());
            if (previous != null) {
                assertTrue(largestDifference(previous, batch) > tolerance, "frames " + (f - 1) + " and " + f
                        + " of the test movie differ, else an off-by-one would pass");
            }
            previous = batch;
            // The run's first frames, every fifth and its last (a single decode costs a seek and an ffmpeg start).
            if (f - from < 3 || (f - from) % 5 == 0 || f == last) {
                int difference = largestDifference(batch, single.decode(movie, f));
                assertTrue(difference <= tolerance, "frame " + f + " of the run differs from the single-frame decode"
                        + " by " + difference);
            }
        }
        assertEquals(1, frames.ffmpegRuns(), "frames " + from + "-" + last + " were made by one ffmpeg process");
    }

    @Test
    void aRunOfALosslessMovieIsPixelForPixelTheSingleFrameDecodes() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(testPattern(tools, "lossless.mkv", "160x90", 60,
                "-c:v", "ffv1"));
        assertEquals(60, movie.frameCount());
        assertRunMatchesSingleFrames(tools, movie, 1, 0);
        assertRunMatchesSingleFrames(tools, movie, 7, 0); // a seek into the movie; the run ends at the movie's end
    }

    /**
     * Going backwards (the frame after the one asked for is there), a run ends at the frame asked for and makes the
     * frames before it, as many as a backward run may hold.
     */
    @Test
    void steppingBackwardsMakesTheFramesBeforeInOneRun() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(testPattern(tools, "lossless.mkv", "160x90", 60,
                "-c:v", "ffv1"));
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH);
        frames.readable(frames.pathFor(movie, 60).orElseThrow());
        assertEquals(1, frames.ffmpegRuns());
        Path stepBack = frames.readable(frames.pathFor(movie, 59).orElseThrow());
        assertEquals(2, frames.ffmpegRuns());
        long firstOfRun = 59 - MovieFrameRun.backwardRunLength(movie, MovieFrameFiles.RUN_LENGTH) + 1;
        assertEquals(12, firstOfRun, "a 160x90 movie's backward run is a whole run long");
        dev.onmodel.core.media.MovieFrameDecoder single = new dev.onmodel.core.media.MovieFrameDecoder(tools,
                Long.MAX_VALUE);
        // Frame 59 came first; the steps back find the frames before it made by the same run.
        for (long f = 59; f >= firstOfRun; f--) {
            Path file = frames.readable(frames.pathFor(movie, f).orElseThrow());
            assertEquals(stepBack.resolveSibling(stepBack.getFileName().toString().replace("-59.png", "-" + f
                    + ".png")), file);
            assertEquals(0, largestDifference(ImageIO.read(file.toFile()), single.decode(movie, f)), "frame " + f);
        }
        assertFalse(Files.exists(stepBack.resolveSibling(stepBack.getFileName().toString()
                .replace("-59.png", "-" + (firstOfRun - 1) + ".png"))), "the run is no longer than a run");
        assertEquals(2, frames.ffmpegRuns(), "the steps back found their frames made");
    }

    /** A movie with transparency keeps it: its runs are written as RGBA, pixel for pixel the single-frame decodes. */
    @Test
    void aRunOfAMovieWithAlphaKeepsIt() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(testPattern(tools, "alpha.mkv", "160x90", 30,
                "-vf", "format=rgba,colorchannelmixer=aa=0.5", "-c:v", "ffv1", "-pix_fmt", "bgra"));
        assertTrue(MovieFrameRun.mayHaveAlpha(tools, movie));
        assertRunMatchesSingleFrames(tools, movie, 3, 0);
        MovieFrameFiles frames = files(dir.resolve("alpha"), Optional.of(tools), Long.MAX_VALUE, 4);
        BufferedImage first = ImageIO.read(frames.readable(frames.pathFor(movie, 1).orElseThrow()).toFile());
        int alpha = first.getRGB(10, 10) >>> 24;
        assertTrue(alpha >= 127 && alpha <= 128, "half-transparent, as the movie holds it: alpha " + alpha);
    }

    @Test
    void pixelFormatsWithAlphaAreKnown() {
        for (String format : List.of("yuva420p", "yuva444p10le", "rgba", "bgra", "argb", "gbrap", "ya8", "pal8",
                "rgba64le")) {
            assertTrue(MovieFrameRun.hasAlpha(format), format);
        }
        for (String format : List.of("yuv420p", "yuv422p10le", "yuvj420p", "rgb24", "bgr0", "gbrp", "gray", "nv12")) {
            assertFalse(MovieFrameRun.hasAlpha(format), format);
        }
    }

    @Test
    void aRunOfAnH264MovieLinesUpWithTheSingleFrameDecodes() throws Exception {
        FfmpegTools tools = tools();
        // Key frames every 48 frames and B-frames (libx264's default): runs start between key frames and cross one.
        MovieMedia movie = new FfprobeMovieProbe(tools, 1001).probe(testPattern(tools, "take.mp4", "160x90", 120,
                "-c:v", "libx264", "-g", "48", "-pix_fmt", "yuv420p"));
        assertEquals(120, movie.frameCount());
        assertRunMatchesSingleFrames(tools, movie, 1001, 0);
        assertRunMatchesSingleFrames(tools, movie, 1030, 0);
    }

    /**
     * A backward run gives its frames from the last (the one asked for) down to its first, each the single-frame
     * decoder's picture for its number, on H.264 whose only key frame is the first (libx264's default for a short take).
     */
    @Test
    void aBackwardRunDeliversItsLastFrameFirst() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1001).probe(testPattern(tools, "take.mp4", "160x90", 100,
                "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        List<Long> order = new java.util.ArrayList<>();
        List<byte[]> pngs = new java.util.ArrayList<>();
        int delivered = MovieFrameRun.extract(tools, movie, 1060, 10, Long.MAX_VALUE, false, true, p -> { },
                (frame, png) -> {
                    order.add(frame);
                    pngs.add(png);
                    return true;
                });
        assertEquals(10, delivered);
        assertEquals(List.of(1069L, 1068L, 1067L, 1066L, 1065L, 1064L, 1063L, 1062L, 1061L, 1060L), order);
        dev.onmodel.core.media.MovieFrameDecoder single = new dev.onmodel.core.media.MovieFrameDecoder(tools,
                Long.MAX_VALUE);
        for (int i = 0; i < order.size(); i += 3) {
            BufferedImage fromRun = ImageIO.read(new java.io.ByteArrayInputStream(pngs.get(i)));
            assertEquals(0, largestDifference(fromRun, single.decode(movie, order.get(i))), "frame " + order.get(i));
        }
        assertTrue(largestDifference(ImageIO.read(new java.io.ByteArrayInputStream(pngs.get(0))),
                ImageIO.read(new java.io.ByteArrayInputStream(pngs.get(1)))) > 0, "neighbouring frames differ");
    }

    @Test
    void aBackwardRunHoldsNoMoreDecodedPictureThanItsBudget() {
        MovieMedia hd = new MovieMedia(Path.of("hd.mp4"), 1, 1000, dev.onmodel.core.time.FrameRate.of(24),
                1920, 1080, false);
        MovieMedia uhd = new MovieMedia(Path.of("uhd.mp4"), 1, 1000, dev.onmodel.core.time.FrameRate.of(24),
                3840, 2160, false);
        assertEquals(32, MovieFrameRun.backwardRunLength(hd, 48));
        assertEquals(8, MovieFrameRun.backwardRunLength(uhd, 48));
        assertEquals(5, MovieFrameRun.backwardRunLength(hd, 5));
    }

    /**
     * Played on, a forward run is asked for the frames after its last and makes them in the same ffmpeg process, even
     * after it had made all its frames (it waits to be asked): one seek for the whole take, each frame still the
     * single-frame decoder's picture.
     */
    @Test
    void playingOnContinuesTheRunInsteadOfSeekingAgain() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1001).probe(testPattern(tools, "take.mp4", "160x90", 150,
                "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH, 60_000);
        frames.readable(frames.pathFor(movie, 1001).orElseThrow());
        Path lastOfFirstRun = frames.readable(frames.pathFor(movie, 1048).orElseThrow());
        assertTrue(Files.isRegularFile(lastOfFirstRun));
        // The viewer plays on: the frame after the run's last, then the take's last frames.
        frames.readable(frames.pathFor(movie, 1049).orElseThrow());
        frames.readable(frames.pathFor(movie, 1096).orElseThrow());
        frames.readable(frames.pathFor(movie, 1097).orElseThrow());
        Path last = frames.readable(frames.pathFor(movie, 1150).orElseThrow());
        assertEquals(1, frames.ffmpegRuns(), "the whole take was made by the first run's ffmpeg");
        dev.onmodel.core.media.MovieFrameDecoder single = new dev.onmodel.core.media.MovieFrameDecoder(tools,
                Long.MAX_VALUE);
        for (long f : new long[]{1049, 1100, 1150}) {
            Path file = last.resolveSibling(last.getFileName().toString().replace("-1150.png", "-" + f + ".png"));
            assertEquals(0, largestDifference(ImageIO.read(file.toFile()), single.decode(movie, f)), "frame " + f);
        }
    }

    /**
     * A run waiting to be asked for more gives its thread up when a run of another take is waiting for one (else the
     * last take's frame would come after a minute, and the test times out).
     */
    @Test
    @org.junit.jupiter.api.Timeout(30)
    void aWaitingRunMakesRoomForAnotherTake() throws Exception {
        FfmpegTools tools = tools();
        List<MovieMedia> movies = new java.util.ArrayList<>();
        for (int i = 0; i < MovieFrameFiles.MAX_RUNNING + 1; i++) {
            movies.add(new FfprobeMovieProbe(tools, 1).probe(testPattern(tools, "take" + i + ".mkv", "160x90", 60,
                    "-c:v", "ffv1")));
        }
        // Runs wait a minute to be asked for more, far longer than the test may take.
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE, 4, 60_000);
        for (MovieMedia movie : movies) {
            frames.readable(frames.pathFor(movie, 1).orElseThrow());
            frames.readable(frames.pathFor(movie, 4).orElseThrow());
        }
        assertEquals(movies.size(), frames.ffmpegRuns(), "each take's run started although the others waited");
    }

    @Test
    void requestsForFramesOfARunBeingMadeWaitForIt() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(testPattern(tools, "lossless.mkv", "1280x720", 48,
                "-c:v", "ffv1"));
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH);
        java.util.concurrent.ExecutorService requests = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var first = requests.submit(() -> frames.readable(frames.pathFor(movie, 1).orElseThrow()));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (frames.ffmpegRuns() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(1, frames.ffmpegRuns(), "the first request started the run");
            // Every other frame of the run at once, the last first, while the run makes them (720p lossless, ~1 s).
            List<java.util.concurrent.Future<Path>> others = new java.util.ArrayList<>();
            for (long f = 48; f >= 2; f--) {
                long frame = f;
                others.add(requests.submit(() -> frames.readable(frames.pathFor(movie, frame).orElseThrow())));
            }
            assertTrue(Files.isRegularFile(first.get()));
            for (var other : others) {
                assertTrue(Files.isRegularFile(other.get()));
            }
            assertEquals(1, frames.ffmpegRuns(), "nobody started an ffmpeg of their own");
        } finally {
            requests.shutdownNow();
            frames.shutdown();
        }
    }

    @Test
    void aTruncatedMovieFailsNamingTheMovieAndFrame() throws Exception {
        FfmpegTools tools = tools();
        Path file = testPattern(tools, "cut.mkv", "320x240", 96, "-c:v", "ffv1");
        MovieMedia movie = new FfprobeMovieProbe(tools, 1001).probe(file);
        assertEquals(96, movie.frameCount());
        // Half the file is lost after it was probed (a copy that broke off): the frames past the cut cannot be made.
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH);
        Path early = frames.readable(frames.pathFor(movie, 1001).orElseThrow());
        assertTrue(Files.isRegularFile(early), "a frame before the cut is shown");
        dev.onmodel.core.media.MediaReadException failure = org.junit.jupiter.api.Assertions.assertThrows(
                dev.onmodel.core.media.MediaReadException.class,
                () -> frames.readable(frames.pathFor(movie, 1090).orElseThrow()));
        assertEquals(file, failure.path(), "the failure names the movie");
        assertTrue(failure.getMessage().contains("frame 1090") && failure.getMessage().contains("cut.mkv"),
                failure.getMessage());
        frames.shutdownAndWait();
        try (java.util.stream.Stream<Path> walk = Files.walk(dir.resolve("frames"))) {
            assertTrue(walk.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no half-written file left");
        }
    }

    @Test
    void withoutAWorkingFfmpegAFrameFailsNamingTheMovieAndFrame() throws Exception {
        Path file = dir.resolve("take.mov");
        Files.write(file, new byte[] {1, 2, 3});
        MovieMedia movie = new MovieMedia(file, 1001, 10, dev.onmodel.core.time.FrameRate.FPS_24, 64, 48, false);
        FfmpegTools gone = new FfmpegTools(dir.resolve("no-such-ffmpeg"), dir.resolve("no-such-ffprobe"));
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.of(gone), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH);
        dev.onmodel.core.media.MediaReadException failure = org.junit.jupiter.api.Assertions.assertThrows(
                dev.onmodel.core.media.MediaReadException.class,
                () -> frames.readable(frames.pathFor(movie, 1003).orElseThrow()));
        assertEquals(file, failure.path());
        assertTrue(failure.getMessage().contains("frame 1003") && failure.getMessage().contains("take.mov"),
                failure.getMessage());
    }

    /** A run's files are counted as they are written: six made by one ffmpeg leave the folder within its budget. */
    @Test
    void framesWrittenByARunCountAgainstTheBudget() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(movie(tools, 0));
        Path folder = dir.resolve("frames");
        MovieFrameFiles probe = files(folder.resolveSibling("probe"), Optional.of(tools), Long.MAX_VALUE, 1);
        long one = 0;
        for (long f = 1; f <= FRAMES; f++) {
            one = Math.max(one, Files.size(probe.readable(probe.pathFor(movie, f).orElseThrow())));
        }
        long budget = 3 * one + one / 2;
        MovieFrameFiles frames = files(folder, Optional.of(tools), budget, FRAMES);
        frames.readable(frames.pathFor(movie, 1).orElseThrow());
        Path last = frames.readable(frames.pathFor(movie, FRAMES).orElseThrow());
        assertEquals(1, frames.ffmpegRuns(), "all six came from one run");
        assertTrue(Files.isRegularFile(last), "the newest frame is kept");
        long used;
        long kept;
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            used = files.stream().mapToLong(p -> p.toFile().length()).sum();
            kept = files.size();
        }
        assertTrue(used <= budget, used + " bytes kept, budget " + budget);
        assertTrue(kept <= 3, kept + " frames kept of six");
    }

    /** The viewer jumped far along the movie: the run near the old playhead stops, nobody waiting for its frames. */
    @Test
    void aJumpStopsARunNobodyWaitsFor() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(testPattern(tools, "long.mkv", "1280x720", 110,
                "-c:v", "ffv1"));
        MovieFrameFiles frames = files(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE,
                MovieFrameFiles.RUN_LENGTH);
        try {
            Path first = frames.readable(frames.pathFor(movie, 1).orElseThrow());
            Path far = frames.readable(frames.pathFor(movie, 100).orElseThrow());
            assertTrue(Files.isRegularFile(first) && Files.isRegularFile(far));
            Thread.sleep(1500); // time for the first run to have made all 48 frames had it gone on
            long made;
            try (java.util.stream.Stream<Path> walk = Files.list(first.getParent())) {
                made = walk.filter(p -> {
                    String name = p.getFileName().toString();
                    long frame = Long.parseLong(name.substring(name.lastIndexOf('-') + 1, name.length() - 4));
                    return frame <= MovieFrameFiles.RUN_LENGTH;
                }).count();
            }
            assertTrue(made < MovieFrameFiles.RUN_LENGTH, made + " frames of the first run were made after the jump");
            // A frame of the stopped run is made again when asked for.
            assertTrue(Files.isRegularFile(frames.readable(frames.pathFor(movie, 40).orElseThrow())));
        } finally {
            frames.shutdown();
        }
    }
}
