package dev.onmodel.core.editorial;

/** Picture size in pixels, for formats that declare one (FCPXML's {@code format}). */
public record FrameSize(int width, int height) {

    /** What an edit declares when no media could be measured. */
    public static final FrameSize HD_1080 = new FrameSize(1920, 1080);

    public FrameSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
    }
}
