package dev.onmodel.core.media;

import dev.onmodel.core.imaging.ImageHeaders;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Variant;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Decodes one frame of a variant, image sequence or movie, for display and scoring. Every file is inspected first
 * ({@link ImageFileInspector}): zero-byte, truncated and oversized files are refused before any pixel buffer is
 * allocated. Thread-safe; each call is independent.
 */
public final class FrameReader {

    private final ImageFileInspector inspector;
    private final Optional<MovieFrameDecoder> movies;

    /** @param ffmpeg the movie tools, empty on machines without ffmpeg (movie frames then fail with the install hint) */
    public FrameReader(long maxPixels, Optional<FfmpegTools> ffmpeg) {
        this.inspector = new ImageFileInspector(maxPixels);
        this.movies = ffmpeg.map(t -> new MovieFrameDecoder(t, maxPixels));
    }

    /** Default pixel limit, ffmpeg from the PATH. */
    public static FrameReader withDefaults() {
        return new FrameReader(ImageHeaders.DEFAULT_MAX_PIXELS, FfmpegTools.locate());
    }

    /**
     * Frame {@code frame} (file-name number) of {@code variant}, as decoded: 8- or 16-bit, with alpha when the
     * file has it (movies: 8-bit ARGB).
     *
     * @throws MediaReadException naming file and frame: missing frame, damaged, too large, no ffmpeg
     */
    public BufferedImage read(Variant variant, long frame) throws MediaReadException {
        if (variant.media() instanceof MovieMedia) {
            MovieMedia movie = (MovieMedia) variant.media();
            MovieFrameDecoder decoder = movies.orElseThrow(() -> new MediaReadException(movie.file(),
                    MediaProblem.Kind.MOVIE, FfmpegTools.INSTALL_HINT));
            return decoder.decode(movie, frame);
        }
        ImageSequence sequence = (ImageSequence) variant.media();
        Path file = sequence.file(frame).orElseThrow(() -> new MediaReadException(sequence.directory(),
                MediaProblem.Kind.GAP, "Cannot decode frame " + frame + " of " + variant.qualifiedName()
                + ": the sequence " + sequence.hashPattern() + " has no such frame"));
        return readStill(file, "frame " + frame + " of " + variant.qualifiedName());
    }

    /** As {@link #read}, converted to 8-bit {@link BufferedImage#TYPE_INT_ARGB} for analysis code. */
    public BufferedImage readArgb(Variant variant, long frame) throws MediaReadException {
        return toArgb(read(variant, frame));
    }

    /** Decodes one still file (a sheet view, a frame) with the same checks. */
    public BufferedImage readStill(Path file, String what) throws MediaReadException {
        ImageFileInspector.Inspection inspection = inspector.inspect(file);
        if (!inspection.usable()) {
            MediaProblem problem = inspection.problems().stream()
                    .filter(p -> p.kind() != MediaProblem.Kind.WRONG_EXTENSION).findFirst().orElseThrow();
            throw new MediaReadException(file, problem.kind(), "Cannot decode " + what + " [path '" + file + "']: "
                    + problem.reason());
        }
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new MediaReadException(file, MediaProblem.Kind.UNREADABLE, "Cannot decode " + what
                        + " [path '" + file + "']: no decoder for this content");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    // A decoder that "recovers" from damage fills the rest with grey; a reviewer must not score it.
                    throw new MediaReadException(file, MediaProblem.Kind.UNREADABLE, "Cannot decode " + what
                            + " [path '" + file + "']: damaged image data (" + warnings.get(0) + ")");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (MediaReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MediaReadException(file, MediaProblem.Kind.UNREADABLE, "Cannot decode " + what + " [path '"
                    + file + "']: damaged image data (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")", e);
        }
    }

    /** {@code image} as 8-bit ARGB (returned as is when it already is). */
    public static BufferedImage toArgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return argb;
    }
}
