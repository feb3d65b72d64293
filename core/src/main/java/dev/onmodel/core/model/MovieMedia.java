package dev.onmodel.core.model;

import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A movie file holding a variant's frames. Its frames are numbered from {@code firstFrame} in decode order: in a
 * project, from the first frame of its shot's image-sequence takes (1001 in most pipelines) so that every take of a
 * shot shares its frame numbers, else from 1 ({@code ProjectReader}); frame count, rate and start timecode come from
 * ffprobe.
 *
 * @param variableFrameRate true when ffprobe reported a variable frame rate (reported to the reviewer)
 * @param sourceStart       the source time of the first frame, in frames at {@code rate} since 00:00:00:00: the
 *                          movie's embedded start timecode (a QuickTime {@code tmcd} track, an MKV or MXF
 *                          {@code TIMECODE} tag), 0 when it has none. Edit lists name a movie's frames by this time,
 *                          which is what an editor's system matches when it relinks the movie.
 */
public record MovieMedia(Path file, long firstFrame, long frameCount, FrameRate rate, int width, int height,
                         boolean variableFrameRate, long sourceStart) implements VariantMedia {

    public MovieMedia {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rate, "rate");
        if (sourceStart < 0) {
            throw new IllegalArgumentException("a movie's start timecode cannot be negative: " + sourceStart);
        }
    }

    /** A movie without embedded timecode: its first frame is at 00:00:00:00. */
    public MovieMedia(Path file, long firstFrame, long frameCount, FrameRate rate, int width, int height,
                      boolean variableFrameRate) {
        this(file, firstFrame, frameCount, rate, width, height, variableFrameRate, 0);
    }

    /** The same movie with its frames numbered from {@code first}. */
    public MovieMedia withFirstFrame(long first) {
        return new MovieMedia(file, first, frameCount, rate, width, height, variableFrameRate, sourceStart);
    }

    /** The source time of frame {@code frame} (numbered from {@link #firstFrame}), in frames at {@link #rate}. */
    public long sourceTimeOf(long frame) {
        return sourceStart + (frame - firstFrame);
    }

    @Override
    public FrameRange range() {
        return FrameRange.ofLength(firstFrame, frameCount);
    }

    @Override
    public List<Long> frameNumbers() {
        return range().frames().boxed().collect(Collectors.toList());
    }

    @Override
    public String describe() {
        return file.getFileName() + " (" + frameCount + " frames @ " + rate.displayName() + ")";
    }

    @Override
    public Path location() {
        return file;
    }
}
