package dev.onmodel.core.media;

import dev.onmodel.core.model.MovieMedia;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Streams every frame of a movie, in order, through one ffmpeg process, each frame reduced to every {@code step}-th
 * pixel of every {@code step}-th row from the first: the pixels a subsampled read of an image file keeps, so a movie
 * frame is analysed as the same frame rendered to PNG would be.
 *
 * <p>Why one process for the whole movie: {@link MovieFrameDecoder} starts ffmpeg and seeks for each frame, which is
 * right for showing one frame and far too slow for scoring them all. Streaming decodes each frame once, and ffmpeg
 * decodes the next frame on another core while the caller analyses this one.
 *
 * <p>Frames are numbered as {@link MovieMedia} numbers them: the n-th decoded frame is frame
 * {@code firstFrame + n}, the same frame {@link MovieFrameDecoder} shows for that number (variable-rate movies are
 * passed through frame by frame, as that decoder selects them by index).
 */
public final class MovieFrameStream implements AutoCloseable {

    private final MovieMedia movie;
    private final int step;
    private final int width;
    private final int height;
    private final Process process;
    private final InputStream in;
    private final Path errors;
    private final byte[] row;
    private long delivered;

    private MovieFrameStream(MovieMedia movie, int step, Process process, Path errors) {
        this.movie = movie;
        this.step = step;
        this.width = (movie.width() + step - 1) / step;
        this.height = (movie.height() + step - 1) / step;
        this.process = process;
        this.in = new BufferedInputStream(process.getInputStream(), 1 << 20);
        this.errors = errors;
        this.row = new byte[movie.width() * 3];
    }

    /**
     * Starts decoding.
     *
     * @param step      keep every {@code step}-th pixel and row (1 keeps all)
     * @param maxPixels movies with larger frames are refused before ffmpeg starts
     * @throws MediaReadException naming the movie: too large, or ffmpeg could not be started
     */
    public static MovieFrameStream open(FfmpegTools tools, MovieMedia movie, int step, long maxPixels)
            throws MediaReadException {
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(movie, "movie");
        if (step < 1) {
            throw new IllegalArgumentException("step must be at least 1: " + step);
        }
        if (movie.width() <= 0 || movie.height() <= 0) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "the movie's frame size is unknown ("
                    + movie.width() + "x" + movie.height() + ")");
        }
        if ((long) movie.width() * movie.height() > maxPixels) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.TOO_LARGE, "movie too large: "
                    + movie.width() + "x" + movie.height() + " pixels, limit " + maxPixels + " pixels; not decoded");
        }
        // -noautorotate: frames as stored, the size ffprobe reported; a rotation tag would otherwise swap width and
        // height and every frame would be read with the wrong row length.
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-v", "error", "-nostdin",
                "-noautorotate", "-i", movie.file().toAbsolutePath().toString(), "-map", "0:v:0"));
        if (movie.variableFrameRate()) {
            // Every decoded frame once, as it comes: raw video output would otherwise be resampled to a constant
            // rate, duplicating and dropping frames, and the n-th frame out would no longer be the n-th decoded.
            command.addAll(List.of("-vsync", "passthrough"));
        }
        command.addAll(List.of("-f", "rawvideo", "-pix_fmt", "rgb24", "-"));
        Path errors = null;
        try {
            // ffmpeg's complaints go to a file: a pipe nobody reads could fill and stall the decoding.
            errors = Files.createTempFile("onmodel-ffmpeg-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(errors.toFile())
                    .start();
            process.getOutputStream().close();
            return new MovieFrameStream(movie, step, process, errors);
        } catch (IOException e) {
            deleteQuietly(errors);
            throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg could not be started: "
                    + e.getMessage(), e);
        }
    }

    /** Width of the frames {@link #next} returns. */
    public int width() {
        return width;
    }

    /** Height of the frames {@link #next} returns. */
    public int height() {
        return height;
    }

    /** Frames returned so far. */
    public long delivered() {
        return delivered;
    }

    /**
     * The next frame's kept pixels, opaque ARGB, row-major, {@link #width()} by {@link #height()}; null after the
     * last frame.
     *
     * @throws MediaReadException when ffmpeg stops in the middle of a frame or fails before the movie's last frame
     */
    public int[] next() throws MediaReadException {
        int[] pixels = null;
        try {
            for (int y = 0; y < movie.height(); y++) {
                int read = in.readNBytes(row, 0, row.length);
                if (read == 0 && y == 0) {
                    finish();
                    return null;
                }
                if (read < row.length) {
                    throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg stopped in the middle"
                            + " of frame " + (movie.firstFrame() + delivered) + ": " + errorLine());
                }
                if (y % step != 0) {
                    continue;
                }
                if (pixels == null) {
                    pixels = new int[width * height];
                }
                int out = y / step * width;
                for (int i = 0, x = 0; x < movie.width(); x += step, i += 3 * step) {
                    pixels[out++] = 0xFF000000 | (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | (row[i + 2] & 0xFF);
                }
            }
        } catch (IOException e) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "reading ffmpeg's output failed at frame "
                    + (movie.firstFrame() + delivered) + ": " + e.getMessage(), e);
        }
        delivered++;
        return pixels;
    }

    /** At the end of ffmpeg's output: a failure before the movie's last frame is reported with ffmpeg's reason. */
    private void finish() throws MediaReadException {
        int exit;
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg did not exit after the"
                        + " last frame");
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "interrupted while ffmpeg finished",
                    e);
        }
        if (exit != 0 && delivered < movie.frameCount()) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg failed after " + delivered
                    + " of " + movie.frameCount() + " frames: " + errorLine());
        }
    }

    private String errorLine() {
        try {
            String text = Files.readString(errors, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "no message from ffmpeg" : FfprobeMovieProbe.firstLine(text);
        } catch (IOException e) {
            return "no message from ffmpeg";
        }
    }

    /** Stops ffmpeg if it is still running (a cancelled or failed scoring) and removes its message file. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            in.close();
        } catch (IOException ignored) {
            // the process is gone; nothing more will be read
        }
        deleteQuietly(errors);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover log file in the temp folder harms nothing
        }
    }
}
