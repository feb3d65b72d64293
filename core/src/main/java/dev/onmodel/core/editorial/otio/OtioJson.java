package dev.onmodel.core.editorial.otio;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onmodel.core.time.FrameRate;

/** Shared JSON plumbing of the OTIO writer and reader. */
final class OtioJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private OtioJson() {
    }

    /**
     * Pretty printing as OpenTimelineIO's own writer does it (Python's {@code json.dumps(indent=4)}): four spaces,
     * {@code "key": value}, empty containers as {@code []} and {@code {}}.
     */
    static ObjectWriter writer() {
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return MAPPER.writer(printer);
    }

    static ObjectNode rationalTime(double value, FrameRate rate) {
        ObjectNode time = MAPPER.createObjectNode();
        time.put("OTIO_SCHEMA", "RationalTime.1");
        time.put("rate", rate.toDouble());
        time.put("value", value);
        return time;
    }

    static ObjectNode timeRange(long start, long duration, FrameRate rate) {
        ObjectNode range = MAPPER.createObjectNode();
        range.put("OTIO_SCHEMA", "TimeRange.1");
        range.set("start_time", rationalTime(start, rate));
        range.set("duration", rationalTime(duration, rate));
        return range;
    }
}
