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
 * new files; nothing is named outside the movie or without ffmpeg. Skipped, visibly, without ffmpeg (CI installs it).
 */
class MovieFrameFilesTest {

    private static final int FRAMES = 6;

    @TempDir
    Path dir;

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
        MovieFrameFiles frames = new MovieFrameFiles(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE, Long.MAX_VALUE);
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
        MovieFrameFiles frames = new MovieFrameFiles(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE, Long.MAX_VALUE);
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
        MovieFrameFiles frames = new MovieFrameFiles(dir.resolve("frames"), Optional.empty(), Long.MAX_VALUE, Long.MAX_VALUE);
        assertFalse(frames.available());
        assertEquals(Optional.empty(), frames.pathFor(movie, 3));
    }

    /** The folder stays under its budget: the least recently written frames go, and come back when shown again. */
    @Test
    void theFolderIsKeptUnderItsBudget() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(movie(tools, 0));
        Path folder = dir.resolve("frames");
        MovieFrameFiles probe = new MovieFrameFiles(folder.resolveSibling("probe"), Optional.of(tools), Long.MAX_VALUE,
                Long.MAX_VALUE);
        long one = Files.size(probe.readable(probe.pathFor(movie, 1).orElseThrow()));
        // Room for about three frames: writing six must delete the oldest.
        MovieFrameFiles frames = new MovieFrameFiles(folder, Optional.of(tools), Long.MAX_VALUE, 3 * one + one / 2);
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
}
