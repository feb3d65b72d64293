package dev.onmodel.core.model;

import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A movie file holding a variant's frames. Its frames are numbered from {@code firstFrame} (1 unless the project
 * says otherwise) in decode order; frame count and rate come from ffprobe.
 *
 * @param variableFrameRate true when ffprobe reported a variable frame rate (reported to the reviewer)
 */
public record MovieMedia(Path file, long firstFrame, long frameCount, FrameRate rate, int width, int height,
                         boolean variableFrameRate) implements VariantMedia {

    public MovieMedia {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rate, "rate");
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
