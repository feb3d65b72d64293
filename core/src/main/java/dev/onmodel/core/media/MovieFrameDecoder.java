package dev.onmodel.core.media;

import dev.onmodel.core.model.MovieMedia;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes single frames of a movie with an ffmpeg process, frame-accurately.
 *
 * <p>Constant-rate movies seek to half a frame before the wanted frame's time ({@code -ss} before {@code -i},
 * which ffmpeg makes exact by decoding from the previous key frame and dropping earlier frames), so rounding of
 * the time can never land on the neighbour. Variable-rate movies have no time-to-frame formula: they are decoded
 * from the start and the n-th frame selected, exact but slower.
 */
public final class MovieFrameDecoder {

    private final FfmpegTools tools;
    private final long maxPixels;

    public MovieFrameDecoder(FfmpegTools tools, long maxPixels) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.maxPixels = maxPixels;
    }

    /**
     * Frame {@code frame} (numbered as the movie's frames are: from {@link MovieMedia#firstFrame()}) as an
     * 8-bit ARGB image.
     */
    public BufferedImage decode(MovieMedia movie, long frame) throws MediaReadException {
        long index = frame - movie.firstFrame();
        if (index < 0 || index >= movie.frameCount()) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.OTHER, "frame " + frame + " is outside "
                    + movie.file().getFileName() + " (frames " + movie.range() + ")");
        }
        long pixels = (long) movie.width() * movie.height();
        if (pixels > maxPixels) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.TOO_LARGE, "movie too large: "
                    + movie.width() + "x" + movie.height() + " pixels, limit " + maxPixels + " pixels; not decoded");
        }
        // -noautorotate (an input option, so it goes before each -i): the frame as stored, at the size ffprobe
        // reported; a rotation tag would otherwise swap width and height and the pixels would be read with the wrong
        // row length.
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-v", "error", "-nostdin",
                "-noautorotate"));
        if (movie.variableFrameRate()) {
            command.addAll(List.of("-i", movie.file().toAbsolutePath().toString(),
                    // rawvideo output has no timestamps, so ffmpeg passes the one selected frame through as is
                    // (no -vsync/-fps_mode: their names differ between ffmpeg 4 and 7).
                    "-vf", "select=eq(n\\," + index + ")"));
        } else {
            if (index > 0) {
                // (index - 1/2) frame durations, in seconds: denominator/numerator per frame.
                BigDecimal seconds = BigDecimal.valueOf(2 * index - 1)
                        .multiply(BigDecimal.valueOf(movie.rate().denominator()))
                        .divide(BigDecimal.valueOf(2 * movie.rate().numerator()), new MathContext(20, RoundingMode.HALF_EVEN))
                        .setScale(6, RoundingMode.HALF_EVEN);
                command.addAll(List.of("-ss", seconds.toPlainString()));
            }
            command.addAll(List.of("-i", movie.file().toAbsolutePath().toString()));
        }
        command.addAll(List.of("-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgba", "-"));
        FfmpegTools.Result result;
        try {
            result = FfmpegTools.run(command, 120);
        } catch (IOException e) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg failed on frame " + frame
                    + ": " + e.getMessage(), e);
        }
        int expected = movie.width() * movie.height() * 4;
        if (result.exitCode() != 0 || result.stdout().length != expected) {
            throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg could not decode frame "
                    + frame + " (" + result.stdout().length + " of " + expected + " bytes): "
                    + FfprobeMovieProbe.firstLine(result.stderr()));
        }
        byte[] rgba = result.stdout();
        BufferedImage image = new BufferedImage(movie.width(), movie.height(), BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[movie.width()];
        for (int y = 0, i = 0; y < movie.height(); y++) {
            for (int x = 0; x < movie.width(); x++, i += 4) {
                row[x] = (rgba[i + 3] & 0xFF) << 24 | (rgba[i] & 0xFF) << 16 | (rgba[i + 1] & 0xFF) << 8
                        | (rgba[i + 2] & 0xFF);
            }
            image.setRGB(0, y, movie.width(), 1, row, 0, movie.width());
        }
        return image;
    }
}
