package dev.onmodel.core.editorial.edl;

import dev.onmodel.core.editorial.EditList;
import dev.onmodel.core.editorial.EditorialFixtures;
import dev.onmodel.core.editorial.Golden;
import dev.onmodel.core.editorial.ImportedCut;
import dev.onmodel.core.editorial.TimelineExporter;
import dev.onmodel.core.editorial.TimelineExporterContractTest;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class Cmx3600EdlExporterTest extends TimelineExporterContractTest {

    /** SPEC §2 columns: number 1-3, reel 6-13, channel 15-19, transition 21-24, duration 26-28, timecodes 30-76. */
    private static final Pattern EVENT_LINE = Pattern.compile(
            "\\d{3}  [A-Z0-9_]{1,8} {0,7} V     C        "
                    + "\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d \\d\\d:\\d\\d:\\d\\d[:;]\\d\\d \\d\\d:\\d\\d:\\d\\d[:;]\\d\\d \\d\\d:\\d\\d:\\d\\d[:;]\\d\\d");

    @Override
    protected TimelineExporter exporter() {
        return new Cmx3600EdlExporter();
    }

    @Override
    protected void assertWellFormed(byte[] bytes) {
        for (byte b : bytes) {
            if (b != '\n' && (b < 0x20 || b > 0x7e)) {
                fail("EDL must be printable 7-bit ASCII with LF, found byte " + (b & 0xff));
            }
        }
        String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n", -1);
        assertTrue(lines[0].startsWith("TITLE: ") && lines[0].length() <= "TITLE: ".length() + 70, lines[0]);
        assertTrue(lines[1].equals("FCM: NON-DROP FRAME") || lines[1].equals("FCM: DROP FRAME"), lines[1]);
        assertEquals("", lines[lines.length - 1], "file ends with a newline");
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.startsWith("* ")) {
                continue;
            }
            assertTrue(EVENT_LINE.matcher(line).matches(), "line " + (i + 1) + " is not a CMX3600 cut: '" + line + "'");
            assertEquals(76, line.length(), "event line ends at column 76");
        }
    }

    @Override
    protected List<FrameRange> recordRanges(byte[] bytes, FrameRate rate, boolean dropFrame) throws Exception {
        ImportedCut cut = Cmx3600EdlReader.parse(new String(bytes, StandardCharsets.US_ASCII), rate, "test");
        assertEquals(dropFrame, cut.dropFrame());
        return cut.events().stream().map(ImportedCut.Event::record).toList();
    }

    /** Our output without the lines the SPEC samples do not carry (relink file names, OnModel's annotations). */
    private static String withoutExtraComments(String edl) {
        return Arrays.stream(edl.split("\n", -1))
                .filter(l -> !l.startsWith("* SOURCE FILE:") && !l.startsWith("* ONMODEL "))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void reproducesSpecSampleAt24() throws Exception {
        String sample = Files.readString(Golden.shared("samples/ep101_24fps.edl"));
        String ours = new Cmx3600EdlExporter().render(EditorialFixtures.ep101At24());
        assertEquals(sample, withoutExtraComments(ours));
    }

    @Test
    void reproducesSpecSampleAt2997DropFrame() throws Exception {
        String sample = Files.readString(Golden.shared("samples/ep101_2997df.edl"));
        String ours = new Cmx3600EdlExporter().render(EditorialFixtures.ep101At2997Df());
        assertEquals(sample, withoutExtraComments(ours));
    }

    @ParameterizedTest(name = "{0} drop-frame={1}")
    @MethodSource("ratesAndModes")
    void matchesGoldenFilePerRate(FrameRate rate, boolean dropFrame) throws Exception {
        EditList edit = EditorialFixtures.ep101WithMarkers(rate, EditListOptionsSupport.start(rate, dropFrame));
        Golden.assertMatches("edl/ep101_" + EditListOptionsSupport.label(rate, dropFrame) + ".edl",
                new Cmx3600EdlExporter().render(edit));
    }

    @Test
    void dropFrameAcrossTenMinuteBoundaryMatchesGolden() throws Exception {
        // 00:09:58;00 + 48 + 60 + 36 frames crosses 00:10:00;00, the minute whose labels ;00 and ;01 are kept.
        EditList edit = EditorialFixtures.ep101WithMarkers(FrameRate.FPS_29_97,
                Timecode.parse("00:09:58;00", FrameRate.FPS_29_97));
        String edl = new Cmx3600EdlExporter().render(edit);
        assertTrue(edl.contains(" 00:09:59;18 00:10:01;18\n"), edl);
        Golden.assertMatches("edl/ep101_2997df_10min.edl", edl);
    }

    @Test
    void premiereFlavourLeavesOutFromClipPath() throws Exception {
        String edl = new Cmx3600EdlExporter(Cmx3600EdlExporter.Flavour.PREMIERE).render(EditorialFixtures.ep101At24());
        assertFalse(edl.contains("* FROM CLIP:"), edl);
        assertTrue(edl.contains("* FROM CLIP NAME: sh010_comp_v003"), edl);
        assertTrue(edl.contains("* SOURCE FILE: sh010_comp_v003.[1001-1048].exr"), edl);
    }

    @Test
    void rejectAndReworkFramesBecomeLocatorsAtSourceTimecode() throws Exception {
        String edl = new Cmx3600EdlExporter().render(EditorialFixtures.ep101WithMarkers(FrameRate.FPS_24, null));
        // 1013 at 24 fps = 00:00:42:05, 1030 = 00:00:42:22
        assertTrue(edl.contains("* LOC: 00:00:42:05 RED     REJECT 1013-1020: jacket turns teal [lee (supervisor)]\n"), edl);
        assertTrue(edl.contains("* LOC: 00:00:42:22 YELLOW  REWORK 1030: eye pop [lee (supervisor)]\n"), edl);
    }

    @Test
    void hostileNamesStayOnOneAsciiLineAndRoundTrip() throws Exception {
        EditList edit = EditorialFixtures.hostile(FrameRate.FPS_24);
        String edl = new Cmx3600EdlExporter().render(edit);
        assertTrue(edl.startsWith("TITLE: Ep <101> & \"friends\" second\nFCM: NON-DROP FRAME\n"), edl);
        ImportedCut back = Cmx3600EdlReader.parse(edl, FrameRate.FPS_24, "test");
        assertEquals(List.of(EditorialFixtures.HOSTILE_SHOT, "sh020 ñ"), back.shotOrder());
        assertEquals(EditorialFixtures.HOSTILE_VARIANT, back.events().get(0).variant());
        assertEquals("take&2", back.events().get(1).variant());
    }

    @Test
    void tooManyEventsFailsWithReason() {
        List<dev.onmodel.core.editorial.EditEvent> gaps = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            gaps.add(new dev.onmodel.core.editorial.GapEvent("s" + i, FrameRange.ofLength(i, 1), "missing"));
        }
        EditList edit = new EditList("BIG", "big", FrameRate.FPS_24, false, 0, dev.onmodel.core.editorial.FrameSize.HD_1080,
                dev.onmodel.core.editorial.MediaPaths.ABSOLUTE, gaps, List.of());
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new Cmx3600EdlExporter().render(edit));
        assertTrue(e.getMessage().contains("999"), e.getMessage());
    }
}
