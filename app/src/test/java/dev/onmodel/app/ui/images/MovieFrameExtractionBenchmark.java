package dev.onmodel.app.ui.images;

import dev.onmodel.core.editorial.AtomicFiles;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.FfprobeMovieProbe;
import dev.onmodel.core.media.MovieFrameDecoder;
import dev.onmodel.core.model.MovieMedia;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Side-by-side speed of making a movie's frames into the viewer's PNGs: frame by frame as the viewer did before runs
 * (one ffmpeg seek and process per frame, the PNG written by ImageIO), frame by frame through {@link MovieFrameFiles}
 * with runs of one, and in runs of {@link MovieFrameFiles#RUN_LENGTH}. Each mode asks for the same consecutive frames
 * in order, as playback does, into an empty folder; prints frames/s and the wait for the first frame. Not a test:
 * figures, no assertions (docs/performance.md, "Workstation").
 *
 * <pre>java -cp CP dev.onmodel.app.ui.images.MovieFrameExtractionBenchmark FRAMES MOVIE...</pre>
 */
public final class MovieFrameExtractionBenchmark {

    private MovieFrameExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MovieFrameExtractionBenchmark FRAMES MOVIE...");
            System.exit(2);
        }
        int frames = Integer.parseInt(args[0]);
        FfmpegTools tools = FfmpegTools.locate().orElseThrow(() -> new IllegalStateException(FfmpegTools.INSTALL_HINT));
        System.out.printf("%-28s %-34s %8s %10s %12s%n", "movie", "mode", "frames", "frames/s", "first (ms)");
        for (int i = 1; i < args.length; i++) {
            MovieMedia movie = new FfprobeMovieProbe(tools, 1).probe(Path.of(args[i]));
            // From frame 13: the first run starts between key frames, as after a jump.
            long first = Math.min(13, movie.frameCount() - frames + 1);
            String name = movie.file().getFileName() + " " + movie.width() + "x" + movie.height();
            report(name, "single (before: decoder + ImageIO)", frames, oldPath(tools, movie, first, frames));
            report(name, "single (runs of 1)", frames, viaFiles(tools, movie, first, frames, 1));
            report(name, "runs of " + MovieFrameFiles.RUN_LENGTH, frames,
                    viaFiles(tools, movie, first, frames, MovieFrameFiles.RUN_LENGTH));
        }
    }

    private static void report(String movie, String mode, int frames, long[] nanos) {
        System.out.printf("%-28s %-34s %8d %10.1f %12.0f%n", movie, mode, frames, frames / (nanos[1] / 1e9),
                nanos[0] / 1e6);
    }

    /** {first frame's wait, total} in nanoseconds, the viewer's old way: one decode and one ImageIO PNG a frame. */
    private static long[] oldPath(FfmpegTools tools, MovieMedia movie, long first, int frames) throws Exception {
        Path folder = Files.createTempDirectory("onmodel-bench-frames");
        MovieFrameDecoder decoder = new MovieFrameDecoder(tools, Long.MAX_VALUE);
        long start = System.nanoTime();
        long firstWait = 0;
        try {
            for (long f = first; f < first + frames; f++) {
                BufferedImage image = decoder.decode(movie, f);
                AtomicFiles.write(folder.resolve(f + ".png"), out -> {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException("no PNG writer");
                    }
                });
                if (f == first) {
                    firstWait = System.nanoTime() - start;
                }
            }
            return new long[] {firstWait, System.nanoTime() - start};
        } finally {
            delete(folder);
        }
    }

    /** {first frame's wait, total} in nanoseconds through {@link MovieFrameFiles} with the given run length. */
    private static long[] viaFiles(FfmpegTools tools, MovieMedia movie, long first, int frames, int runLength)
            throws Exception {
        Path folder = Files.createTempDirectory("onmodel-bench-frames");
        MovieFrameFiles files = new MovieFrameFiles(folder, Optional.of(tools), Long.MAX_VALUE, Long.MAX_VALUE,
                runLength);
        long start = System.nanoTime();
        long firstWait = 0;
        try {
            for (long f = first; f < first + frames; f++) {
                files.readable(files.pathFor(movie, f).orElseThrow());
                if (f == first) {
                    firstWait = System.nanoTime() - start;
                }
            }
            return new long[] {firstWait, System.nanoTime() - start};
        } finally {
            files.shutdownAndWait();
            delete(folder);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
