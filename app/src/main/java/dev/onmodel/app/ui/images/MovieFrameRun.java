package dev.onmodel.app.ui.images;

import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MediaReadException;
import dev.onmodel.core.media.MovieFrameDecoder;
import dev.onmodel.core.model.MovieMedia;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Decodes a run of consecutive frames of a movie with one ffmpeg process, each frame as a complete PNG.
 *
 * <p>Why: starting ffmpeg and seeking for every frame (as {@link dev.onmodel.core.media.MovieFrameDecoder} does) costs
 * 0.16–0.46 s a frame, too slow to play a take the first time. One process seeks once, to the run's first frame, and
 * then decodes the following frames as they come; ffmpeg encodes the PNGs on its own threads while it decodes.
 *
 * <p>The seek is the single-frame decoder's, so frame N of a run is the picture that decoder shows for frame N:
 * constant-rate movies seek ({@code -ss} before {@code -i}, exact) to half a frame before the first frame's time;
 * variable-rate movies have no time-to-frame formula and are decoded from the start, frames before the run dropped
 * by index. The PNGs hold the frames as 8-bit RGB(A) converted by ffmpeg as the single-frame decoder has them
 * converted: a movie whose pixel format has no alpha is written as RGB, whose alpha the single-frame decoder gives as
 * 255 everywhere, so the picture is the same while a frame costs a quarter less to write and to read for display.
 *
 * <p>A run can also be delivered backwards, its last frame first (stepping or playing a take backwards): ffmpeg then
 * seeks to the run's first frame as usual, keeps the run's decoded frames ({@code trim}, then {@code reverse}) and
 * writes them from the last. The frame asked for, the run's last, comes as soon as the decoder reaches it, instead of
 * after every frame before it has been encoded and written; ffmpeg holds the run's frames in memory meanwhile, so a
 * backward run's length is bounded by its frames' size ({@link #backwardRunLength}).
 *
 * <p>ffmpeg writes the PNGs one after another to its output (image2pipe); each is split off at its IEND chunk, so
 * a caller receives a frame only once all its bytes are there, and a frame ffmpeg stopped in the middle of is never
 * handed on.
 */
public final class MovieFrameRun {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** The end of ffmpeg's complaints that is kept for the message: its first line is what explains a failure. */
    private static final int MAX_ERROR_BYTES = 16 * 1024;

    /** Receives each frame of the run as it is complete. */
    public interface FrameSink {
        /**
         * @param frame the movie's frame number (as {@link MovieMedia} numbers them)
         * @param png   the whole PNG file
         * @return whether to go on with the run; false stops ffmpeg
         */
        boolean accept(long frame, byte[] png) throws IOException;
    }

    /**
     * How much decoded picture ffmpeg may hold for a backward run: the {@code reverse} filter keeps every frame of the
     * run until the last has been decoded. 256 MB is 48 frames of 720p, 32 of 1080p, 8 of 4K (at 4 bytes a pixel,
     * more than any 8-bit 4:2:0 or 4:2:2 movie needs).
     */
    static final long BACKWARD_BUFFER_BYTES = 256L << 20;

    /** Told the ffmpeg process once it runs, so that it can be stopped from another thread. */
    public interface ProcessStarted {
        void started(Process process);
    }

    private MovieFrameRun() {
    }

    /**
     * The most frames a backward run of {@code movie} may hold: at most {@code limit}, and no more than fit
     * {@link #BACKWARD_BUFFER_BYTES} at 4 bytes a pixel; at least one.
     */
    static int backwardRunLength(MovieMedia movie, int limit) {
        long frameBytes = Math.max(1, 4L * movie.width() * movie.height());
        return (int) Math.max(1, Math.min(limit, BACKWARD_BUFFER_BYTES / frameBytes));
    }

    /**
     * Decodes frames {@code first} .. {@code first + count - 1} of {@code movie}, giving each to {@code sink} in order,
     * or from the last down to the first when {@code backwards} (see the class comment; {@code count} should then not
     * exceed {@link #backwardRunLength}). Returns the number of frames delivered: {@code count}, or fewer when the sink
     * asked to stop.
     *
     * @throws MediaReadException naming the movie and the first frame not delivered: the movie is too large, ffmpeg
     *                            could not be started, or it stopped before the run's last frame (a truncated movie)
     * @throws IOException        what the sink threw
     */
    public static int extract(FfmpegTools tools, MovieMedia movie, long first, int count, long maxPixels,
                              boolean keepAlpha, boolean backwards, ProcessStarted started, FrameSink sink)
            throws IOException {
        Objects.requireNonNull(tools, "tools");
        long index = first - movie.firstFrame();
        if (count < 1 || index < 0 || index + count > movie.frameCount()) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.OTHER, "frames " + first + "-"
                    + (first + count - 1) + " are outside " + movie.file().getFileName() + " (frames "
                    + movie.range() + ")");
        }
        long pixels = (long) movie.width() * movie.height();
        if (pixels > maxPixels) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.TOO_LARGE, "movie too large: "
                    + movie.width() + "x" + movie.height() + " pixels, limit " + maxPixels + " pixels; not decoded");
        }
        Process process;
        try {
            process = new ProcessBuilder(command(tools, movie, index, count, keepAlpha, backwards))
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg failed on frame "
                    + (backwards ? first + count - 1 : first) + " of " + movie.file().getFileName() + ": "
                    + e.getMessage(), e);
        }
        started.started(process);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            // Drained on its own thread: a full error pipe would stall ffmpeg and with it the frames.
            byte[] buffer = new byte[4096];
            try (InputStream err = process.getErrorStream()) {
                for (int n; (n = err.read(buffer)) > 0; ) {
                    synchronized (errors) {
                        if (errors.size() < MAX_ERROR_BYTES) {
                            errors.write(buffer, 0, Math.min(n, MAX_ERROR_BYTES - errors.size()));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended; what was read is what it said
            }
        }, "ffmpeg-run-stderr");
        drain.setDaemon(true);
        drain.start();
        // The frame delivered k-th (from 0): counted up from the first, or down from the last going backwards.
        long start = backwards ? first + count - 1 : first;
        long direction = backwards ? -1 : 1;
        int delivered = 0;
        boolean stopped = false;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 20))) {
            while (delivered < count) {
                byte[] png;
                try {
                    png = nextPng(in);
                } catch (IOException e) {
                    process.destroyForcibly();
                    throw failure(movie, start, direction, delivered, count, process, drain, errors,
                            "its output broke off (" + e.getMessage() + ")", e);
                }
                if (png == null) {
                    break;
                }
                // What the sink throws (the frame could not be kept: a full disk) is its own failure, passed on.
                boolean goOn = sink.accept(start + direction * delivered, png);
                delivered++;
                if (!goOn) {
                    stopped = true;
                    break;
                }
            }
        } finally {
            if (stopped || delivered < count) {
                process.destroyForcibly();
            }
        }
        if (stopped) {
            return delivered;
        }
        if (delivered < count) {
            throw failure(movie, start, direction, delivered, count, process, drain, errors, null, null);
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly(); // every frame is here; a process lingering after them is not waited for
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return delivered;
    }

    /** The run from {@code start} (counting in {@code direction}) stopped after {@code delivered} frames. */
    private static MediaReadException failure(MovieMedia movie, long start, long direction, int delivered, int count,
                                              Process process, Thread drain, ByteArrayOutputStream errors,
                                              String reason, Throwable cause) {
        long frame = start + direction * delivered;
        try {
            process.waitFor();
            drain.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String said;
        synchronized (errors) {
            said = errors.toString(StandardCharsets.UTF_8).strip();
        }
        String why = reason != null ? reason : said.isEmpty() ? "no message from ffmpeg" : said.split("\n")[0];
        return new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg could not decode frame " + frame
                + " of " + movie.file().getFileName() + " (it stopped after " + delivered + " of " + count
                + " frames from frame " + start + (direction < 0 ? " backwards" : "") + "): " + why, cause);
    }

    /**
     * The ffmpeg command for {@code count} frames from the movie's frame at {@code index} (from 0), the last first when
     * {@code backwards}.
     */
    static List<String> command(FfmpegTools tools, MovieMedia movie, long index, int count, boolean keepAlpha,
                                boolean backwards) {
        // Opened exactly as the single-frame decoder opens it, so frame N of a run is the picture it gives for N.
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-v", "error", "-nostdin"));
        List<String> open = new ArrayList<>(MovieFrameDecoder.openAt(movie, index, true));
        if (backwards) {
            // The exact seek drops the frames before the run's first ahead of any filter given here (and a
            // variable-rate movie's select filter passes the first and those after it), so trim keeps the run's
            // frames and reverse gives them from the last, once trim has ended the stream.
            String keep = "trim=end_frame=" + count + ",reverse";
            int filter = open.indexOf("-vf");
            if (filter >= 0) {
                open.set(filter + 1, open.get(filter + 1) + "," + keep);
            } else {
                open.addAll(List.of("-vf", keep));
            }
        }
        command.addAll(open);
        // Compression level 3: measured 2.5 times faster than ffmpeg's default for 1080p at ~16% larger files
        // (docs/performance.md, "Workstation"); the pixels are the same, PNG being lossless.
        command.addAll(List.of("-map", "0:v:0", "-frames:v", Integer.toString(count), "-f", "image2pipe",
                "-c:v", "png", "-compression_level", "3", "-pix_fmt", keepAlpha ? "rgba" : "rgb24", "-"));
        return command;
    }

    /**
     * Whether the movie's frames may hold transparency (its pixel format has an alpha channel or a palette), so they
     * are kept as RGBA; true as well when ffprobe cannot tell, RGBA being the single-frame decoder's own format.
     */
    public static boolean mayHaveAlpha(FfmpegTools tools, MovieMedia movie) {
        try {
            Process probe = new ProcessBuilder(tools.ffprobe().toString(), "-v", "error", "-select_streams", "v:0",
                    "-show_entries", "stream=pix_fmt", "-of", "csv=p=0", movie.file().toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            probe.getOutputStream().close();
            String format = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0 || format.isEmpty()
                    || format.contains("\n")) {
                probe.destroyForcibly();
                return true;
            }
            return hasAlpha(format);
        } catch (IOException e) {
            return true; // ffmpeg itself reports the movie's problem when the run starts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Whether ffmpeg's pixel format {@code format} (yuv420p, yuva444p10le, rgba, gbrap, pal8 ...) has alpha. */
    static boolean hasAlpha(String format) {
        return format.startsWith("yuva") || format.startsWith("ya") || format.startsWith("gbrap")
                || format.contains("rgba") || format.contains("bgra") || format.contains("argb")
                || format.contains("abgr") || format.startsWith("pal");
    }

    /** The next whole PNG file in the stream, or null at its end; a PNG cut short throws. */
    private static byte[] nextPng(DataInputStream in) throws IOException {
        byte[] signature = in.readNBytes(PNG_SIGNATURE.length);
        if (signature.length == 0) {
            return null;
        }
        if (!Arrays.equals(signature, PNG_SIGNATURE)) {
            throw new IOException("ffmpeg's output is not a PNG");
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(1 << 20);
        png.write(signature);
        byte[] header = new byte[8];
        while (true) {
            in.readFully(header);
            long length = Integer.toUnsignedLong((header[0] & 0xFF) << 24 | (header[1] & 0xFF) << 16
                    | (header[2] & 0xFF) << 8 | (header[3] & 0xFF));
            if (length > Integer.MAX_VALUE - 16) {
                throw new IOException("a PNG chunk of " + length + " bytes in ffmpeg's output");
            }
            png.write(header);
            byte[] body = in.readNBytes((int) length + 4); // data and CRC
            if (body.length < length + 4) {
                throw new EOFException("a PNG cut short");
            }
            png.write(body);
            if (header[4] == 'I' && header[5] == 'E' && header[6] == 'N' && header[7] == 'D') {
                return png.toByteArray();
            }
        }
    }
}
