package dev.onmodel.app.ui.images;

import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.FfprobeMovieProbe;
import dev.onmodel.core.model.MovieMedia;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Movie frames through the viewer's cache: a frame comes as the movie's picture (the single-frame decoder's pixels),
 * fitted when asked, and a frame that cannot be made fails naming the movie. Skipped, visibly, without ffmpeg (CI
 * installs it).
 */
class FrameImageCacheMovieTest extends FrameImageCacheTests {

    private static FfmpegTools tools() {
        Optional<FfmpegTools> tools = FfmpegTools.locate();
        Assumptions.assumeTrue(tools.isPresent(), "ffmpeg/ffprobe not on the PATH: movie frames in the cache not"
                + " tested (apt-get install ffmpeg)");
        return tools.get();
    }

    private Path movie(FfmpegTools tools, String name, String size, int frames) throws Exception {
        Path movie = dir.resolve(name);
        Process p = new ProcessBuilder(List.of(tools.ffmpeg().toString(), "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=" + size + ":rate=24", "-frames:v", Integer.toString(frames), "-c:v", "ffv1",
                movie.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ffmpeg could not make the test movie: " + out);
        return movie;
    }

    @Test
    void aMovieFrameComesThroughTheCacheAsTheMoviesPicture() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(movie(tools, "take.mkv", "320x180", 48));
        MovieFrameFiles frames = new MovieFrameFiles(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE,
                Long.MAX_VALUE);
        cache = new FrameImageCache(1L << 30, 1, null, frames);
        Path name = frames.pathFor(movie, 30).orElseThrow();
        Image image = cache.load(name, 0, 0).get(60, TimeUnit.SECONDS);
        assertEquals(320, image.getWidth());
        assertEquals(180, image.getHeight());
        assertEquals(Optional.of(320), cache.sourceSize(name).map(h -> h.width()));
        // Fitted into a smaller box, the same frame keeps its aspect.
        Image fitted = cache.load(name, 160, 160).get(60, TimeUnit.SECONDS);
        assertEquals(160, fitted.getWidth());
        assertEquals(90, fitted.getHeight());
        // The picture is the movie's frame 30, not a neighbour: the single-frame decoder's pixels.
        BufferedImage single = new dev.onmodel.core.media.MovieFrameDecoder(tools, Long.MAX_VALUE).decode(movie, 30);
        for (int[] at : new int[][]{{10, 10}, {160, 90}, {300, 170}}) {
            int argb = image.getPixelReader().getArgb(at[0], at[1]);
            assertEquals(single.getRGB(at[0], at[1]) & 0xFFFFFF, argb & 0xFFFFFF, "pixel " + at[0] + "," + at[1]);
        }
    }

    @Test
    void aMovieFrameThatCannotBeMadeFailsNamingTheMovie() throws Exception {
        FfmpegTools tools = tools();
        Path file = movie(tools, "take.mkv", "160x90", 48);
        MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(file);
        // The movie breaks off after its first quarter: a frame near its end cannot be decoded.
        byte[] whole = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 4));
        MovieFrameFiles frames = new MovieFrameFiles(dir.resolve("frames"), Optional.of(tools), Long.MAX_VALUE,
                Long.MAX_VALUE);
        cache = new FrameImageCache(1L << 30, 1, null, frames);
        CompletableFuture<Image> late = cache.load(frames.pathFor(movie, 47).orElseThrow(), 0, 0);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> late.get(60, TimeUnit.SECONDS));
        assertInstanceOf(FrameImageCache.FrameLoadException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("take.mkv"), failure.getCause().getMessage());
    }
}
