package dev.onmodel.core.editorial;

import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract of edit-list formats on top of {@link ExporterContractTest}: at every standard rate (29.97 and
 * 59.94 both drop- and non-drop-frame) the document is well-formed and its record ranges read back exactly as
 * the edit list has them, contiguous from the record start.
 */
public abstract class TimelineExporterContractTest extends ExporterContractTest<EditList> {

    @Override
    protected abstract TimelineExporter exporter();

    /** The record ranges, in order, as the written document states them. */
    protected abstract List<FrameRange> recordRanges(byte[] bytes, FrameRate rate, boolean dropFrame) throws Exception;

    @Override
    protected EditList ordinaryInput() throws Exception {
        return EditorialFixtures.ep101WithMarkers(FrameRate.FPS_24, null);
    }

    @Override
    protected EditList emptyInput() {
        return EditorialFixtures.empty(FrameRate.FPS_24);
    }

    @Override
    protected EditList hostileInput() throws Exception {
        return EditorialFixtures.hostile(FrameRate.FPS_24);
    }

    static Stream<Arguments> ratesAndModes() {
        return FrameRate.STANDARD.stream().flatMap(rate -> rate.supportsDropFrame()
                ? Stream.of(Arguments.of(rate, false), Arguments.of(rate, true))
                : Stream.of(Arguments.of(rate, false)));
    }

    @ParameterizedTest(name = "{0} drop-frame={1}")
    @MethodSource("ratesAndModes")
    void everyRateWritesWellFormedDocumentWithExactRecordRanges(FrameRate rate, boolean dropFrame) throws Exception {
        EditList edit = EditorialFixtures.ep101WithMarkers(rate,
                dev.onmodel.core.time.Timecode.parse(dropFrame ? "00:59:58;00" : "00:59:58:00", rate));
        byte[] written = bytes(edit);
        assertWellFormed(written);
        assertEquals(edit.events().stream().map(EditEvent::record).toList(), recordRanges(written, rate, dropFrame));
    }
}
