package dev.onmodel.app.ui.review;

import dev.onmodel.core.time.FrameRate;

/**
 * Which frame should be on screen during playback, from wall-clock time and the shot's exact rate, so playback
 * keeps the rate (24, 23.976, 25...) instead of drifting by whole pulses. Pure arithmetic, testable without a clock.
 */
public final class PlaybackClock {

    private final FrameRate rate;
    private final int speed;
    private final long startFrame;
    private final long startNanos;

    /**
     * @param speed signed multiple of the rate: 1 plays, -1 plays backwards, 2/4 shuttle faster
     */
    public PlaybackClock(FrameRate rate, int speed, long startFrame, long startNanos) {
        if (speed == 0) {
            throw new IllegalArgumentException("a playback clock needs a non-zero speed");
        }
        this.rate = rate;
        this.speed = speed;
        this.startFrame = startFrame;
        this.startNanos = startNanos;
    }

    /** The frame due at {@code nowNanos}: start + elapsed × rate × speed, in exact integer arithmetic. */
    public long frameAt(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - startNanos);
        // frames = elapsed[ns] * numerator / (denominator * 1e9), exact; overflows only after about a day.
        long frames = Math.multiplyExact(elapsed, rate.numerator()) / Math.multiplyExact(rate.denominator(), 1_000_000_000L);
        return startFrame + frames * speed;
    }

    public int speed() {
        return speed;
    }

    public FrameRate rate() {
        return rate;
    }
}
