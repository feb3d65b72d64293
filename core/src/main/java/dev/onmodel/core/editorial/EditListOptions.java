package dev.onmodel.core.editorial;

import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;

/**
 * What the person exporting chooses. Fields left {@code null} take the documented defaults.
 *
 * @param title         edit name; default: the project name + {@code _APPROVED}
 * @param rate          edit rate; default: the project's rate
 * @param start         record start timecode; default 01:00:00:00 (01:00:00;00, drop-frame, at 29.97 and 59.94).
 *                      Its drop-frame flag sets the timecode mode of the whole export.
 * @param missingPolicy what to do with shots without an approved variant; default {@link MissingPolicy#FAIL}
 * @param media         how media paths are written; default absolute
 */
public record EditListOptions(String title, FrameRate rate, Timecode start, MissingPolicy missingPolicy,
                              MediaPaths media) {

    /** All defaults. */
    public static EditListOptions defaults() {
        return new EditListOptions(null, null, null, null, null);
    }

    public EditListOptions withTitle(String newTitle) {
        return new EditListOptions(newTitle, rate, start, missingPolicy, media);
    }

    public EditListOptions withRate(FrameRate newRate) {
        return new EditListOptions(title, newRate, start, missingPolicy, media);
    }

    public EditListOptions withStart(Timecode newStart) {
        return new EditListOptions(title, rate, newStart, missingPolicy, media);
    }

    public EditListOptions withMissingPolicy(MissingPolicy policy) {
        return new EditListOptions(title, rate, start, policy, media);
    }

    public EditListOptions withMedia(MediaPaths paths) {
        return new EditListOptions(title, rate, start, missingPolicy, paths);
    }

    /** The default record start at {@code rate}: one hour, drop-frame where the rate allows it. */
    public static Timecode defaultStart(FrameRate rate) {
        return Timecode.parse(rate.supportsDropFrame() ? "01:00:00;00" : "01:00:00:00", rate);
    }
}
