package dev.onmodel.core.editorial.edl;

import dev.onmodel.core.editorial.HeroRule;
import dev.onmodel.core.editorial.ImportedCut;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a cuts-only CMX3600 EDL back into an {@link ImportedCut}: OnModel's own files fully (shot, variant and
 * hero rule from the {@code * ONMODEL} lines), other tools' video events by clip name or reel.
 *
 * <p>An EDL does not store its rate, so the caller gives it. Labels with {@code ;} are read as drop-frame
 * whatever the {@code FCM:} line says (SPEC §1: OpenTimelineIO does the same with {@code :} labels).
 */
public final class Cmx3600EdlReader {

    private static final Pattern LOC = Pattern.compile("\\*\\s*LOC:\\s+(\\S+)\\s+(\\S+)\\s*(.*)");
    private static final Pattern COMMENT = Pattern.compile("\\*\\s*([A-Z ]+?):\\s?(.*)");

    private Cmx3600EdlReader() {
    }

    /** Reads {@code file} at {@code rate}; errors name the file and line. */
    public static ImportedCut read(Path file, FrameRate rate) throws IOException {
        return parse(Files.readString(file, StandardCharsets.ISO_8859_1), rate, file.toString());
    }

    /**
     * Parses EDL text.
     *
     * @param sourceName how error messages name the input
     * @throws IOException naming the line when an event line is malformed or not a cut
     */
    public static ImportedCut parse(String text, FrameRate rate, String sourceName) throws IOException {
        String title = "";
        boolean dropFrame = false;
        List<ImportedCut.Event> events = new ArrayList<>();
        EventBuilder current = null;
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = sourceName + " line " + (i + 1);
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("TITLE:")) {
                title = line.substring("TITLE:".length()).strip();
            } else if (line.startsWith("FCM:")) {
                dropFrame = line.toUpperCase(Locale.ROOT).contains("DROP FRAME")
                        && !line.toUpperCase(Locale.ROOT).contains("NON-DROP");
            } else if (Character.isDigit(line.charAt(0))) {
                if (current != null && current.isVideo) {
                    events.add(current.build());
                }
                current = eventLine(line, rate, where);
            } else if (line.startsWith("*")) {
                if (current != null) {
                    current.comment(line, rate, where);
                }
            }
            // Other statements (SPLIT, M2, audio notes) do not affect a cuts-only video cut.
        }
        if (current != null && current.isVideo) {
            events.add(current.build());
        }
        long start = events.isEmpty() ? 0 : events.get(0).record().start();
        return new ImportedCut(title, rate, dropFrame, start, events);
    }

    private static EventBuilder eventLine(String line, FrameRate rate, String where) throws IOException {
        String[] f = line.split("\\s+");
        if (f.length != 8 && f.length != 9) {
            throw new IOException(where + ": an event line needs 8 fields (9 with a transition length), found "
                    + f.length + ": '" + line + "'");
        }
        String transition = f[3];
        if (!transition.equals("C") || f.length == 9) {
            throw new IOException(where + ": only cuts are read, found transition '" + transition + "'");
        }
        EventBuilder b = new EventBuilder();
        b.reel = f[1];
        b.isVideo = f[2].startsWith("V") || f[2].equals("B") || f[2].endsWith("/V");
        try {
            b.source = range(f[4], f[5], rate);
            b.record = range(f[6], f[7], rate);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
        if (b.source.length() != b.record.length()) {
            throw new IOException(where + ": source length " + b.source.length() + " differs from record length "
                    + b.record.length() + " (speed changes are not read)");
        }
        return b;
    }

    private static FrameRange range(String in, String out, FrameRate rate) {
        return new FrameRange(Timecode.parse(in, rate).frames(), Timecode.parse(out, rate).frames());
    }

    /** Collects one event's line and comments. */
    private static final class EventBuilder {
        String reel;
        boolean isVideo;
        FrameRange source;
        FrameRange record;
        String clipName;
        String mediaPath;
        String shot;
        String variant;
        HeroRule rule;
        boolean onModelGap;
        final List<ImportedCut.Marker> markers = new ArrayList<>();

        void comment(String line, FrameRate rate, String where) throws IOException {
            Matcher loc = LOC.matcher(line);
            if (loc.matches()) {
                try {
                    markers.add(new ImportedCut.Marker(Timecode.parse(loc.group(1), rate).frames(), 0, loc.group(2),
                            loc.group(3).strip()));
                } catch (IllegalArgumentException e) {
                    throw new IOException(where + ": " + e.getMessage(), e);
                }
                return;
            }
            if (line.startsWith("* ONMODEL ")) {
                onModel(line.substring("* ONMODEL ".length()), where);
                return;
            }
            Matcher m = COMMENT.matcher(line);
            if (!m.matches()) {
                return;
            }
            switch (m.group(1).strip()) {
                case "FROM CLIP NAME" -> clipName = m.group(2).strip();
                case "FROM CLIP", "FROM FILE" -> mediaPath = m.group(2).strip();
                default -> {
                    // Other comments carry nothing a cut order needs.
                }
            }
        }

        private void onModel(String body, String where) throws IOException {
            String[] tokens = body.strip().split("\\s+");
            if (tokens.length % 2 != 0) {
                throw new IOException(where + ": malformed ONMODEL comment '" + body + "'");
            }
            for (int t = 0; t < tokens.length; t += 2) {
                String value = EdlText.decode(tokens[t + 1]);
                switch (tokens[t]) {
                    case "SHOT:" -> shot = value;
                    case "VARIANT:" -> variant = value;
                    case "RULE:" -> {
                        try {
                            rule = HeroRule.fromId(value);
                        } catch (IllegalArgumentException e) {
                            throw new IOException(where + ": " + e.getMessage(), e);
                        }
                    }
                    case "GAP:" -> onModelGap = true;
                    default -> {
                        // Keys added by later versions are skipped, not fatal.
                    }
                }
            }
        }

        ImportedCut.Event build() {
            boolean gap = onModelGap || reel.equals("BL") || reel.equals("BLACK");
            String name = shot != null ? shot : clipName != null ? clipName : reel;
            return new ImportedCut.Event(name, variant, rule, clipName == null ? "" : clipName, gap, source, record,
                    mediaPath, markers);
        }
    }
}
