package dev.onmodel.core.editorial;

import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;

import java.util.List;
import java.util.Objects;

/**
 * The approved cut, ready to be written in any editorial format: events in cut order on one video track,
 * contiguous from the record start.
 *
 * @param title        the edit's name (EDL {@code TITLE:}, FCPXML project, OTIO timeline)
 * @param projectName  the review project it comes from
 * @param rate         the edit rate every timecode is counted at
 * @param dropFrame    whether timecode labels are drop-frame (29.97 and 59.94 only)
 * @param recordStart  the first record frame (01:00:00:00 = 86400 at 24 fps)
 * @param frameSize    the picture size the timeline declares
 * @param media        how media paths are written (absolute, or relative to a root)
 * @param events       events in cut order; record ranges run without gaps or overlaps from {@code recordStart}
 * @param warnings     what people should know about the export (clipped ranges, rate mismatches, ...)
 */
public record EditList(String title, String projectName, FrameRate rate, boolean dropFrame, long recordStart,
                       FrameSize frameSize, MediaPaths media, List<EditEvent> events, List<String> warnings) {

    public EditList {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(frameSize, "frameSize");
        Objects.requireNonNull(media, "media");
        events = List.copyOf(events);
        warnings = List.copyOf(warnings);
        // Validate both rules here so that every exporter can rely on them.
        new Timecode(recordStart, rate, dropFrame);
        long expected = recordStart;
        for (EditEvent event : events) {
            if (event.record().start() != expected) {
                throw new IllegalArgumentException("event for shot " + event.shot() + " starts at record frame "
                        + event.record().start() + ", expected " + expected + " (events must be contiguous)");
            }
            expected = event.record().endExclusive();
        }
    }

    /** The record frames the whole edit covers. */
    public FrameRange recordRange() {
        return new FrameRange(recordStart, events.isEmpty() ? recordStart : events.get(events.size() - 1).record().endExclusive());
    }

    /** The timecode label of a frame count at this edit's rate and drop-frame mode. */
    public String timecode(long frames) {
        return Timecode.format(frames, rate, dropFrame);
    }

    /** The clip events only, in cut order. */
    public List<ClipEvent> clips() {
        return events.stream().filter(ClipEvent.class::isInstance).map(ClipEvent.class::cast).toList();
    }
}
