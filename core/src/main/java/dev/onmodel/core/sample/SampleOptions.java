package dev.onmodel.core.sample;

/**
 * How to generate the sample.
 *
 * @param seed         seeds every random choice (textures, per-variant timing); the same options give
 *                     byte-identical files
 * @param frameScale   fraction (0 &lt; scale &le; 1) of each variant's frames to render; 1 is the real sample, tests
 *                     use less. Defect ranges are mapped onto the shorter variant so they stay inside it.
 * @param pictureScale size of the shot frames relative to 1280x720 (0 &lt; scale &le; 1); tests use less. Character
 *                     sheets keep their size.
 * @param threads      render threads (at least 1)
 */
public record SampleOptions(long seed, double frameScale, double pictureScale, int threads) {

    /** The seed of the shipped sample project. */
    public static final long DEFAULT_SEED = 20261123L;

    public SampleOptions {
        if (!(frameScale > 0 && frameScale <= 1)) {
            throw new IllegalArgumentException("frameScale must be in (0, 1], got " + frameScale);
        }
        if (!(pictureScale >= 0.1 && pictureScale <= 1)) {
            throw new IllegalArgumentException("pictureScale must be in [0.1, 1], got " + pictureScale);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** The real sample: default seed, every frame at 1280x720, one thread per available processor. */
    public static SampleOptions defaults() {
        return new SampleOptions(DEFAULT_SEED, 1.0, 1.0, Runtime.getRuntime().availableProcessors());
    }

    public SampleOptions withSeed(long newSeed) {
        return new SampleOptions(newSeed, frameScale, pictureScale, threads);
    }

    public SampleOptions withFrameScale(double newScale) {
        return new SampleOptions(seed, newScale, pictureScale, threads);
    }

    public SampleOptions withPictureScale(double newScale) {
        return new SampleOptions(seed, frameScale, newScale, threads);
    }

    public SampleOptions withThreads(int newThreads) {
        return new SampleOptions(seed, frameScale, pictureScale, newThreads);
    }

    /** Width of a shot frame in pixels. */
    public int frameWidth() {
        return (int) Math.round(ShotScript.WIDTH * pictureScale);
    }

    /** Height of a shot frame in pixels. */
    public int frameHeight() {
        return (int) Math.round(ShotScript.HEIGHT * pictureScale);
    }
}
