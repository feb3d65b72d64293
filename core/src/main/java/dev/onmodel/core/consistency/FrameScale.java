package dev.onmodel.core.consistency;

/**
 * How the working pixels the analysis measures map onto the frame file's pixels: each is {@code step} frame pixels
 * across, and the frame is {@code width} by {@code height}. A box scaled up from working pixels is clipped to the
 * frame, because a side that is no multiple of the step would otherwise reach a few pixels past the frame's edge.
 *
 * @param step   frame pixels per working pixel
 * @param width  the frame's width in pixels
 * @param height the frame's height in pixels
 */
record FrameScale(int step, int width, int height) {

    /** The frame-pixel box of {@code working} = {x, y, width, height} in working pixels, within the frame. */
    Box box(int[] working) {
        return new Box(working[0] * step, working[1] * step, working[2] * step, working[3] * step)
                .clippedTo(width, height);
    }
}
