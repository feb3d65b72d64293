package dev.onmodel.core.store;

import dev.onmodel.core.imaging.ImageHeaders;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.MovieProbe;

import java.util.Objects;

/**
 * How an import looks at files.
 *
 * @param maxPixels      images declaring more pixels are reported as too large, never decoded (default
 *                       16384 x 16384)
 * @param inspectHeaders read each new or changed frame's header and end marker (zero-byte, truncated, wrong
 *                       extension, too large, mixed resolutions); default true. Off = names, sizes, times only
 * @param contentDigests SHA-256 each new or changed frame so a touched-but-unchanged file keeps its cached
 *                       analyses; default true. Off: the digest is empty and any size/time change counts as changed
 * @param movieProbe     how movies are probed (ffprobe from the PATH, or a probe that explains how to install it)
 */
public record ImportOptions(long maxPixels, boolean inspectHeaders, boolean contentDigests, MovieProbe movieProbe) {

    public ImportOptions {
        Objects.requireNonNull(movieProbe, "movieProbe");
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("pixel limit must be positive: " + maxPixels);
        }
    }

    /** Full checks, digests, ffprobe from the PATH. */
    public static ImportOptions defaults() {
        return new ImportOptions(ImageHeaders.DEFAULT_MAX_PIXELS, true, true, FfmpegTools.probeOrExplain());
    }

    /** Names, sizes and times only: what a quick rescan or the metadata benchmark needs. */
    public static ImportOptions metadataOnly() {
        return defaults().withInspectHeaders(false).withContentDigests(false);
    }

    public ImportOptions withMaxPixels(long value) {
        return new ImportOptions(value, inspectHeaders, contentDigests, movieProbe);
    }

    public ImportOptions withInspectHeaders(boolean value) {
        return new ImportOptions(maxPixels, value, contentDigests, movieProbe);
    }

    public ImportOptions withContentDigests(boolean value) {
        return new ImportOptions(maxPixels, inspectHeaders, value, movieProbe);
    }

    public ImportOptions withMovieProbe(MovieProbe value) {
        return new ImportOptions(maxPixels, inspectHeaders, contentDigests, value);
    }
}
