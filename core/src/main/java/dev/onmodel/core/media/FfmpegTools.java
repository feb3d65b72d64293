package dev.onmodel.core.media;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ffmpeg} and {@code ffprobe} executables movies are read with. They are found on the PATH (or in the
 * folder named by the {@code onmodel.ffmpeg.dir} system property); without them image sequences still work and
 * every movie is reported with {@link #INSTALL_HINT}.
 *
 * @param ffmpeg  path of the ffmpeg executable
 * @param ffprobe path of the ffprobe executable
 */
public record FfmpegTools(Path ffmpeg, Path ffprobe) {

    /** The one message people see when movies cannot be read for lack of ffmpeg. */
    public static final String INSTALL_HINT = "movies need ffmpeg and ffprobe on the PATH, which were not found."
            + " Install them (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg;"
            + " Windows: winget install ffmpeg) and import again; image sequences work without them";

    /** Finds both tools, or empty when either is missing. */
    public static Optional<FfmpegTools> locate() {
        List<Path> dirs = new ArrayList<>();
        String override = System.getProperty("onmodel.ffmpeg.dir");
        if (override != null) {
            dirs.add(Path.of(override));
        } else {
            String path = System.getenv("PATH");
            if (path != null) {
                for (String dir : path.split(File.pathSeparator)) {
                    if (!dir.isBlank()) {
                        dirs.add(Path.of(dir));
                    }
                }
            }
        }
        return locateIn(dirs);
    }

    /** Finds both tools in {@code dirs} (first match wins). */
    public static Optional<FfmpegTools> locateIn(List<Path> dirs) {
        Optional<Path> ffmpeg = find(dirs, "ffmpeg");
        Optional<Path> ffprobe = find(dirs, "ffprobe");
        return ffmpeg.isPresent() && ffprobe.isPresent()
                ? Optional.of(new FfmpegTools(ffmpeg.get(), ffprobe.get())) : Optional.empty();
    }

    private static Optional<Path> find(List<Path> dirs, String name) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        for (Path dir : dirs) {
            Path candidate = dir.resolve(windows ? name + ".exe" : name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A movie probe using ffprobe when found, otherwise one that reports {@link #INSTALL_HINT} for every movie. */
    public static MovieProbe probeOrExplain() {
        return locate().<MovieProbe>map(FfprobeMovieProbe::new)
                .orElse(movie -> {
                    throw new MediaReadException(movie, MediaProblem.Kind.MOVIE, INSTALL_HINT);
                });
    }

    /** Output of a finished tool run. */
    record Result(int exitCode, byte[] stdout, String stderr) {
    }

    /**
     * Runs a tool and collects its output; stderr is drained on another thread so a chatty tool cannot block on a
     * full pipe.
     */
    static Result run(List<String> command, long timeoutSeconds) throws IOException {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try (InputStream in = process.getErrorStream()) {
                in.transferTo(err);
            } catch (IOException ignored) {
                // the process ended; what was read is what it said
            }
        }, "ffmpeg-stderr");
        drain.setDaemon(true);
        drain.start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            drain.join(1000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        }
        return new Result(process.exitValue(), out, err.toString().strip());
    }
}
