package dev.onmodel.core.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimecodeTest {

    /** Reference values from shared/nle/SPEC.md §1 and its running example. */
    @ParameterizedTest(name = "{0} @ {1} drop={2} = frame {3}")
    @CsvSource({
            "01:00:00;00, 30000/1001, true, 107892",
            "00:10:00;00, 30000/1001, true, 17982",
            "00:01:00;02, 30000/1001, true, 1800",
            "00:00:59;29, 30000/1001, true, 1799",
            "00:00:41:17, 24, false, 1001",
            "00:00:43:17, 24, false, 1049",
            "01:00:00:00, 24, false, 86400",
            "01:00:02:00, 24, false, 86448",
            "01:00:04:12, 24, false, 86508",
            "01:00:00:00, 24000/1001, false, 86400",
            "01:00:00:00, 30000/1001, false, 108000",
            "01:00:00;00, 60000/1001, true, 215784",
            "00:01:00;04, 60000/1001, true, 3600",
            "00:00:01:00, 25, false, 25",
    })
    void referenceValues(String label, String rate, boolean drop, long frames) {
        FrameRate r = FrameRate.parse(rate);
        Timecode parsed = Timecode.parse(label, r);
        assertEquals(frames, parsed.frames());
        assertEquals(drop, parsed.dropFrame());
        assertEquals(label, Timecode.format(frames, r, drop));
    }

    static Stream<Object[]> everyRateAndMode() {
        return FrameRate.STANDARD.stream().flatMap(rate -> rate.supportsDropFrame()
                ? Stream.of(new Object[] {rate, false}, new Object[] {rate, true})
                : Stream.<Object[]>of(new Object[] {rate, false}));
    }

    /** Every frame of an hour formats to a label that parses back to the same frame, labels strictly increasing. */
    @ParameterizedTest(name = "{0} drop={1}")
    @MethodSource("everyRateAndMode")
    void roundTripsEveryFrameOfAnHour(FrameRate rate, boolean drop) {
        long framesPerHour = drop ? (rate.nominalFramesPerSecond() == 30 ? 107892 : 215784)
                : 3600L * rate.nominalFramesPerSecond();
        String previous = "";
        for (long frame = 0; frame <= framesPerHour; frame++) {
            String label = Timecode.format(frame, rate, drop);
            assertEquals(frame, Timecode.parse(label, rate).frames(), label);
            assertTrue(label.compareTo(previous) > 0, () -> "labels must increase: " + label);
            previous = label;
        }
        assertEquals(drop ? "01:00:00;00" : "01:00:00:00", previous);
    }

    @Test
    void dropFrameSkipsTwoLabelsAtEveryMinuteButTheTenth() {
        FrameRate df = FrameRate.FPS_29_97;
        assertEquals("00:00:59;29", Timecode.format(1799, df, true));
        assertEquals("00:01:00;02", Timecode.format(1800, df, true));
        assertEquals("00:09:59;29", Timecode.format(17981, df, true));
        assertEquals("00:10:00;00", Timecode.format(17982, df, true));
        assertEquals("00:10:00;01", Timecode.format(17983, df, true));
        assertEquals("00:11:00;02", Timecode.format(17982 + 1800, df, true));
    }

    @Test
    void refusesLabelsThatDoNotExist() {
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:01:00;00", FrameRate.FPS_29_97));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:01:00;03", FrameRate.FPS_59_94));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:00:00:24", FrameRate.FPS_24));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:60:00:00", FrameRate.FPS_24));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:00:00;00", FrameRate.FPS_24));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("1:2:3", FrameRate.FPS_24));
        assertThrows(IllegalArgumentException.class, () -> new Timecode(0, FrameRate.FPS_25, true));
        assertThrows(IllegalArgumentException.class, () -> new Timecode(-1, FrameRate.FPS_25, false));
    }

    @Test
    void callerCanForceDropFrameReadingOfAColonLabel() {
        // An EDL under "FCM: DROP FRAME" may still write colons; the reader decides by the header.
        assertEquals(107892, Timecode.parse("01:00:00:00", FrameRate.FPS_29_97, true).frames());
        assertEquals(108000, Timecode.parse("01:00:00;00", FrameRate.FPS_29_97, false).frames());
    }
}
