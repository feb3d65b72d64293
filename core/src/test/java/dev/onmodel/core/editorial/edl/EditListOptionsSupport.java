package dev.onmodel.core.editorial.edl;

import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;

/** Names and starts for per-rate golden files. */
final class EditListOptionsSupport {

    private EditListOptionsSupport() {
    }

    static Timecode start(FrameRate rate, boolean dropFrame) {
        return Timecode.parse(dropFrame ? "01:00:00;00" : "01:00:00:00", rate);
    }

    /** {@code 23976}, {@code 2997df}, {@code 2997ndf}, {@code 24}. */
    static String label(FrameRate rate, boolean dropFrame) {
        String digits = rate.displayName().replace(".", "");
        return rate.supportsDropFrame() ? digits + (dropFrame ? "df" : "ndf") : digits;
    }
}
