package dev.onmodel.core.editorial;

import dev.onmodel.core.editorial.edl.Cmx3600EdlReader;
import dev.onmodel.core.editorial.otio.OtioJsonReader;
import dev.onmodel.core.time.FrameRate;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files the readers cannot turn into a cut order fail with the file and the place named. */
class ImportErrorsTest {

    @Test
    void edlDissolveIsRefusedWithItsLineNumber() {
        String edl = "TITLE: X\nFCM: NON-DROP FRAME\n\n"
                + "001  A        V     C        00:00:01:00 00:00:02:00 01:00:00:00 01:00:01:00\n"
                + "002  B        V     D    012 00:00:01:00 00:00:02:00 01:00:01:00 01:00:02:00\n";
        IOException e = assertThrows(IOException.class, () -> Cmx3600EdlReader.parse(edl, FrameRate.FPS_24, "cut.edl"));
        assertTrue(e.getMessage().startsWith("cut.edl line 5:"), e.getMessage());
    }

    @Test
    void edlLengthMismatchIsRefused() {
        String edl = "001  A        V     C        00:00:01:00 00:00:02:00 01:00:00:00 01:00:01:05\n";
        IOException e = assertThrows(IOException.class, () -> Cmx3600EdlReader.parse(edl, FrameRate.FPS_24, "cut.edl"));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("differs"), e.getMessage());
    }

    @Test
    void edlDropFrameLabelAtIntegerRateIsRefused() {
        String edl = "001  A        V     C        00:00:01;00 00:00:02;00 01:00:00;00 01:00:01;00\n";
        assertThrows(IOException.class, () -> Cmx3600EdlReader.parse(edl, FrameRate.FPS_25, "cut.edl"));
    }

    @Test
    void edlAudioEventsAreSkipped() throws Exception {
        String edl = "001  A        V     C        00:00:01:00 00:00:02:00 01:00:00:00 01:00:01:00\n"
                + "002  A        A     C        00:00:01:00 00:00:02:00 01:00:00:00 01:00:01:00\n";
        assertEquals(1, Cmx3600EdlReader.parse(edl, FrameRate.FPS_24, "cut.edl").events().size());
    }

    @Test
    void otioThatIsNotATimelineIsRefused() {
        IOException e = assertThrows(IOException.class,
                () -> OtioJsonReader.parse("{\"OTIO_SCHEMA\": \"Clip.2\"}", "x.otio"));
        assertTrue(e.getMessage().startsWith("x.otio: not an OpenTimelineIO timeline"), e.getMessage());
        assertThrows(IOException.class, () -> OtioJsonReader.parse("{oops", "x.otio"));
    }

    @Test
    void otioNestedStackIsRefusedNamingTheItem() {
        String json = """
                {"OTIO_SCHEMA": "Timeline.1", "global_start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24.0, "value": 0},
                 "tracks": {"OTIO_SCHEMA": "Stack.1", "children": [
                  {"OTIO_SCHEMA": "Track.1", "kind": "Video", "children": [{"OTIO_SCHEMA": "Stack.1", "children": []}]}]}}
                """;
        IOException e = assertThrows(IOException.class, () -> OtioJsonReader.parse(json, "x.otio"));
        assertTrue(e.getMessage().contains("track item 1") && e.getMessage().contains("Stack.1"), e.getMessage());
    }

    @Test
    void otioWithUnsupportedRateIsRefused() {
        String json = """
                {"OTIO_SCHEMA": "Timeline.1", "global_start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 12.3, "value": 0},
                 "tracks": {"OTIO_SCHEMA": "Stack.1", "children": [{"OTIO_SCHEMA": "Track.1", "kind": "Video", "children": []}]}}
                """;
        IOException e = assertThrows(IOException.class, () -> OtioJsonReader.parse(json, "x.otio"));
        assertTrue(e.getMessage().contains("12.3"), e.getMessage());
    }
}
