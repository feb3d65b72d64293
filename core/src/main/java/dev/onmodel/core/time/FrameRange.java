package dev.onmodel.core.time;

import java.util.stream.LongStream;

/**
 * A run of frames, start-inclusive and end-exclusive: {@code [1001, 1049)} holds the 48 frames 1001..1048.
 *
 * <p>Frame numbers are the numbers people see (the {@code 1001} in {@code sh010_v002.1001.png}); the
 * CLI's "first, last" pairs convert with {@link #ofInclusive}.
 */
public record FrameRange(long start, long endExclusive) {

    public FrameRange {
        if (endExclusive < start) {
            throw new IllegalArgumentException("frame range ends before it starts: [" + start + ", " + endExclusive + ")");
        }
    }

    /** The range from {@code first} to {@code last}, both inclusive, as people and the CLI name them. */
    public static FrameRange ofInclusive(long first, long last) {
        if (last < first) {
            throw new IllegalArgumentException("last frame " + last + " is before first frame " + first);
        }
        return new FrameRange(first, last + 1);
    }

    /** {@code length} frames starting at {@code start}. */
    public static FrameRange ofLength(long start, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        return new FrameRange(start, start + length);
    }

    public long length() {
        return endExclusive - start;
    }

    public boolean isEmpty() {
        return length() == 0;
    }

    /** The last frame in the range (inclusive); undefined for an empty range. */
    public long last() {
        if (isEmpty()) {
            throw new IllegalStateException("empty range has no last frame");
        }
        return endExclusive - 1;
    }

    public boolean contains(long frame) {
        return frame >= start && frame < endExclusive;
    }

    public boolean contains(FrameRange other) {
        return other.start >= start && other.endExclusive <= endExclusive;
    }

    public boolean overlaps(FrameRange other) {
        return start < other.endExclusive && other.start < endExclusive;
    }

    /** The frames both ranges hold; empty (at the later start) when they do not overlap. */
    public FrameRange intersect(FrameRange other) {
        long s = Math.max(start, other.start);
        long e = Math.min(endExclusive, other.endExclusive);
        return new FrameRange(s, Math.max(s, e));
    }

    public FrameRange shift(long frames) {
        return new FrameRange(start + frames, endExclusive + frames);
    }

    public LongStream frames() {
        return LongStream.range(start, endExclusive);
    }

    /** "1001-1048" (inclusive, as people write it), or "empty@1001". */
    @Override
    public String toString() {
        return isEmpty() ? "empty@" + start : start + "-" + last();
    }
}
