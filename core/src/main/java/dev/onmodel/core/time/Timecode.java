package dev.onmodel.core.time;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMPTE timecode: the one place in OnModel that turns frame counts into {@code HH:MM:SS:FF} labels and back.
 *
 * <p>Non-drop-frame counts at the nominal rate (24 for 23.976, 30 for 29.97). Drop-frame (29.97 and 59.94 only)
 * skips labels {@code ff < D} at the start of every minute not divisible by ten (D = 2 at 29.97, 4 at 59.94),
 * and is written with {@code ;} before the frames, because OpenTimelineIO and others read {@code 01:00:00:00}
 * as non-drop whatever the EDL header says. Formulas and reference values: {@code shared/nle/SPEC.md} §1.
 *
 * @param frames   the frame count since 00:00:00:00 (never negative)
 * @param rate     the rate the label counts at
 * @param dropFrame whether the label is drop-frame
 */
public record Timecode(long frames, FrameRate rate, boolean dropFrame) {

    private static final Pattern TIMECODE = Pattern.compile("(\\d{1,3}):(\\d{2}):(\\d{2})([:;.,])(\\d{2,3})");

    public Timecode {
        Objects.requireNonNull(rate, "rate");
        if (frames < 0) {
            throw new IllegalArgumentException("timecode cannot be negative: " + frames + " frames");
        }
        if (dropFrame && !rate.supportsDropFrame()) {
            throw new IllegalArgumentException("drop-frame timecode exists only at 29.97 and 59.94, not at " + rate.displayName());
        }
    }

    /** Non-drop-frame timecode of {@code frames} at {@code rate}. */
    public static Timecode ofFrames(long frames, FrameRate rate) {
        return new Timecode(frames, rate, false);
    }

    /** The label for {@code frames}, e.g. {@code 01:00:00;00}. */
    public static String format(long frames, FrameRate rate, boolean dropFrame) {
        return new Timecode(frames, rate, dropFrame).toString();
    }

    /**
     * Reads a label. A {@code ;} (or {@code ,} / {@code .}) before the frames means drop-frame and is only
     * accepted at 29.97 and 59.94; a {@code :} means non-drop-frame.
     *
     * @throws IllegalArgumentException naming the label when it is malformed, out of range, or a drop-frame
     *                                  label that does not exist ({@code 00:01:00;00})
     */
    public static Timecode parse(String text, FrameRate rate) {
        Matcher m = TIMECODE.matcher(Objects.requireNonNull(text, "timecode").trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timecode: '" + text + "' (expected HH:MM:SS:FF, or HH:MM:SS;FF for drop-frame)");
        }
        boolean drop = !m.group(4).equals(":");
        return fromFields(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(5)), rate, drop, text);
    }

    /** Reads a label whose drop-frame flag is decided by the caller (e.g. an EDL's {@code FCM:} line). */
    public static Timecode parse(String text, FrameRate rate, boolean dropFrame) {
        Timecode read = parse(text, rate);
        if (read.dropFrame == dropFrame) {
            return read;
        }
        Matcher m = TIMECODE.matcher(text.trim());
        m.matches();
        return fromFields(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(5)), rate, dropFrame, text);
    }

    private static Timecode fromFields(int hh, int mm, int ss, int ff, FrameRate rate, boolean drop, String text) {
        int nominal = rate.nominalFramesPerSecond();
        if (mm > 59 || ss > 59 || ff >= nominal) {
            throw new IllegalArgumentException("timecode field out of range: '" + text + "' at " + rate.displayName() + " fps");
        }
        if (drop && !rate.supportsDropFrame()) {
            throw new IllegalArgumentException("drop-frame timecode '" + text + "' is only valid at 29.97 or 59.94, not "
                    + rate.displayName());
        }
        long frames = ((hh * 60L + mm) * 60L + ss) * nominal + ff;
        if (drop) {
            int dropped = droppedPerMinute(rate);
            if (ss == 0 && ff < dropped && mm % 10 != 0) {
                throw new IllegalArgumentException("drop-frame timecode '" + text + "' does not exist (labels ;00-;0"
                        + (dropped - 1) + " are skipped at the start of each minute not divisible by ten)");
            }
            long totalMinutes = 60L * hh + mm;
            frames -= dropped * (totalMinutes - totalMinutes / 10);
        }
        return new Timecode(frames, rate, drop);
    }

    /** Frames skipped per minute in drop-frame: 2 at 29.97, 4 at 59.94. */
    private static int droppedPerMinute(FrameRate rate) {
        return rate.nominalFramesPerSecond() / 15;
    }

    public Timecode plusFrames(long delta) {
        return new Timecode(frames + delta, rate, dropFrame);
    }

    @Override
    public String toString() {
        int nominal = rate.nominalFramesPerSecond();
        long n = frames;
        if (dropFrame) {
            int d = droppedPerMinute(rate);
            long per10 = 600L * nominal - 9L * d;
            long per1 = 60L * nominal - d;
            long q = n / per10;
            long r = n % per10;
            n += 9L * d * q + (r > d ? d * ((r - d) / per1) : 0);
        }
        long ff = n % nominal;
        long totalSeconds = n / nominal;
        long ss = totalSeconds % 60;
        long mm = (totalSeconds / 60) % 60;
        long hh = totalSeconds / 3600;
        char sep = dropFrame ? ';' : ':';
        return String.format("%02d:%02d:%02d%c%02d", hh, mm, ss, sep, ff);
    }
}
