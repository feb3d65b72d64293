package dev.onmodel.core.sample;

/**
 * How to generate the sample.
 *
 * @param seed       seeds every random choice (textures, per-variant timing); the same seed gives byte-identical files
 * @param frameScale fraction (0 &lt; scale &le; 1) of each variant's frames to render; 1 is the real sample, tests use
 *                   less. Defect ranges are scaled with the variant so they stay inside it.
 * @param threads    render threads (at least 1)
 */
public record SampleOptions(long seed, double frameScale, int threads) {

    /** The seed of the shipped sample project. */
    public static final long DEFAULT_SEED = 20261123L;

    public SampleOptions {
        if (!(frameScale > 0 && frameScale <= 1)) {
            throw new IllegalArgumentException("frameScale must be in (0, 1], got " + frameScale);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** The real sample: default seed, every frame, one thread per available processor. */
    public static SampleOptions defaults() {
        return new SampleOptions(DEFAULT_SEED, 1.0, Runtime.getRuntime().availableProcessors());
    }

    public SampleOptions withSeed(long newSeed) {
        return new SampleOptions(newSeed, frameScale, threads);
    }

    public SampleOptions withFrameScale(double newScale) {
        return new SampleOptions(seed, newScale, threads);
    }

    public SampleOptions withThreads(int newThreads) {
        return new SampleOptions(seed, frameScale, newThreads);
    }
}
