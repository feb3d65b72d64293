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
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-v", "error", "-nostdin"));
        command.addAll(openAt(movie, index, false));
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

    /**
     * The ffmpeg arguments that open {@code movie} at its frame {@code index} (from 0): the input options, the input,
     * and for a variable-rate movie the frame filter. Shared by every reader of single frames or runs of frames, so
     * that they all give the same picture for a frame number.
     *
     * <p>{@code -noautorotate} (an input option, before {@code -i}) keeps the frame as stored, at the size ffprobe
     * reported: a rotation tag would otherwise swap width and height, and the pixels would be read with the wrong
     * row length. A constant-rate movie is seeked exactly ({@code -ss} before {@code -i}) to half a frame before the
     * frame's time; a variable-rate movie has no time-to-frame formula and is decoded from the start, the frames
     * before {@code index} dropped by the filter (its output has no timestamps, so the frames that pass go through as
     * they are; no {@code -vsync}/{@code -fps_mode}, whose names differ between ffmpeg 4 and 7).
     *
     * @param andAfter false: only frame {@code index} passes a variable-rate movie's filter; true: it and every later
     *                 one (a run)
     */
    public static List<String> openAt(MovieMedia movie, long index, boolean andAfter) {
        List<String> arguments = new ArrayList<>(List.of("-noautorotate"));
        String file = movie.file().toAbsolutePath().toString();
        if (movie.variableFrameRate()) {
            arguments.addAll(List.of("-i", file, "-vf", "select=" + (andAfter ? "gte" : "eq") + "(n\\," + index + ")"));
            return arguments;
        }
        if (index > 0) {
            // (index - 1/2) frame durations, in seconds: denominator/numerator per frame.
            BigDecimal seconds = BigDecimal.valueOf(2 * index - 1)
                    .multiply(BigDecimal.valueOf(movie.rate().denominator()))
                    .divide(BigDecimal.valueOf(2 * movie.rate().numerator()), new MathContext(20, RoundingMode.HALF_EVEN))
                    .setScale(6, RoundingMode.HALF_EVEN);
            arguments.addAll(List.of("-ss", seconds.toPlainString()));
        }
        arguments.addAll(List.of("-i", file));
        return arguments;
    }
}
