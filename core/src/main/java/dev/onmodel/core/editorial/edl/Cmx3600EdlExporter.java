package dev.onmodel.core.editorial.edl;

import dev.onmodel.core.editorial.ClipEvent;
import dev.onmodel.core.editorial.EditEvent;
import dev.onmodel.core.editorial.EditList;
import dev.onmodel.core.editorial.EditMarker;
import dev.onmodel.core.editorial.GapEvent;
import dev.onmodel.core.editorial.TimelineExporter;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.time.FrameRange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a CMX3600 EDL as {@code shared/nle/SPEC.md} §2 describes it: 7-bit ASCII, LF, fixed columns, an
 * {@code FCM:} line, reel names from {@link ReelNames}, drop-frame labels with {@code ;}.
 *
 * <p>Per event, comment lines give the clip name, the media ({@code * FROM CLIP:} with {@code name.[first-last].ext}
 * for sequences, omitted in the {@link Flavour#PREMIERE} flavour), the file name for relinking, one
 * {@code * LOC:} line per marker (source timecode, colour, text) and an {@code * ONMODEL} line that names the
 * shot, variant and hero rule percent-encoded, which {@link Cmx3600EdlReader} reads back. Gaps are {@code BL}
 * (black) events.
 */
public final class Cmx3600EdlExporter implements TimelineExporter {

    /** Which importer the file is shaped for. */
    public enum Flavour {
        /** Avid, Resolve, OpenTimelineIO: with {@code * FROM CLIP:} media paths. */
        STANDARD,
        /** Premiere names clips UNKNOWN when a {@code * FROM CLIP:} path is present, so it is left out. */
        PREMIERE
    }

    /** CMX event numbers have three digits. */
    public static final int MAX_EVENTS = 999;

    private static final int MAX_TITLE = 70;

    private final Flavour flavour;

    public Cmx3600EdlExporter() {
        this(Flavour.STANDARD);
    }

    public Cmx3600EdlExporter(Flavour flavour) {
        this.flavour = Objects.requireNonNull(flavour, "flavour");
    }

    @Override
    public String formatId() {
        return flavour == Flavour.PREMIERE ? "edl-premiere" : "edl";
    }

    @Override
    public String fileExtension() {
        return "edl";
    }

    @Override
    public void write(EditList edit, OutputStream out) throws IOException {
        out.write(render(edit).getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * The EDL text.
     *
     * @throws IOException when the edit has more events than CMX3600 can number
     */
    public String render(EditList edit) throws IOException {
        if (edit.events().size() > MAX_EVENTS) {
            throw new IOException("a CMX3600 EDL holds at most " + MAX_EVENTS + " events; this edit has "
                    + edit.events().size() + " (export OTIO or FCPXML instead)");
        }
        String title = EdlText.asciiLine(edit.title());
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE).strip();
        }
        StringBuilder text = new StringBuilder();
        text.append("TITLE: ").append(title).append('\n');
        text.append("FCM: ").append(edit.dropFrame() ? "DROP FRAME" : "NON-DROP FRAME").append('\n');
        Map<String, String> reels = ReelNames.assign(edit.events().stream().map(EditEvent::shot).distinct().toList());
        int number = 0;
        for (EditEvent event : edit.events()) {
            number++;
            text.append('\n');
            for (String line : eventLines(edit, event, number, reels.get(event.shot()))) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    private List<String> eventLines(EditList edit, EditEvent event, int number, String reel) {
        List<String> lines = new ArrayList<>();
        if (event instanceof GapEvent gap) {
            FrameRange black = FrameRange.ofLength(0, gap.record().length());
            lines.add(eventLine(edit, number, "BL", black, gap.record()));
            lines.add("* ONMODEL SHOT: " + EdlText.encode(gap.shot()) + " GAP: " + EdlText.encode(gap.reason()));
            return lines;
        }
        ClipEvent clip = (ClipEvent) event;
        lines.add(eventLine(edit, number, reel, clip.sourceTime(), clip.record()));
        lines.add("* FROM CLIP NAME: " + EdlText.asciiLine(clip.clipName()));
        String path;
        String fileName;
        if (clip.variant().media() instanceof ImageSequence sequence) {
            String folder = edit.media().path(sequence.directory());
            path = (folder.endsWith("/") ? folder : folder + "/") + sequence.bracketPattern();
            fileName = sequence.bracketPattern();
        } else {
            MovieMedia movie = (MovieMedia) clip.variant().media();
            path = edit.media().path(movie.file());
            fileName = movie.file().getFileName().toString();
        }
        if (flavour == Flavour.STANDARD) {
            lines.add("* FROM CLIP: " + EdlText.asciiLine(path));
        }
        lines.add("* SOURCE FILE: " + EdlText.asciiLine(fileName));
        for (EditMarker marker : clip.markers()) {
            String at = edit.timecode(marker.frames().start() - clip.sourceTimeOffset());
            lines.add(String.format(Locale.ROOT, "* LOC: %s %-7s %s", at, marker.color().name(),
                    EdlText.asciiLine(marker.text())));
        }
        lines.add("* ONMODEL SHOT: " + EdlText.encode(clip.shot()) + " VARIANT: " + EdlText.encode(clip.variant().name())
                + " RULE: " + clip.rule().id());
        return lines;
    }

    private static String eventLine(EditList edit, int number, String reel, FrameRange source, FrameRange record) {
        // printf("%03d  %-8s %-5s %-4s %3s %s %s %s %s"): SPEC §2 fixed columns.
        return String.format(Locale.ROOT, "%03d  %-8s %-5s %-4s %3s %s %s %s %s", number, reel, "V", "C", "",
                edit.timecode(source.start()), edit.timecode(source.endExclusive()),
                edit.timecode(record.start()), edit.timecode(record.endExclusive()));
    }
}
