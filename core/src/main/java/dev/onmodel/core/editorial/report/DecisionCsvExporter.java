package dev.onmodel.core.editorial.report;

import dev.onmodel.core.editorial.EditorialExporter;
import dev.onmodel.core.editorial.FrameScore;
import dev.onmodel.core.model.Decision;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;

/**
 * Writes every decision record (history included, oldest first) as CSV for spreadsheets: UTF-8 with a byte-order
 * mark (Excel otherwise reads UTF-8 as a legacy code page), CRLF, a header row and RFC 4180 quoting by Apache
 * Commons CSV.
 *
 * <p>Columns: {@code shot, variant, frame, timecode, decision, reviewer, role, pass, time, note, score}.
 * {@code frame} is the decided frame or range ({@code 1013} or {@code 1013-1036}), {@code timecode} the label of
 * its first frame, {@code decision} {@code approve|reject|rework|clear}, {@code time} ISO-8601 UTC, {@code score}
 * the mean consistency score over the decided frames (blank when not scored).
 *
 * <p>Text cells that a spreadsheet would run as a formula ({@code = + - @}, tab, CR at the start) are prefixed
 * with {@code '} (OWASP "CSV injection" advice): a note is data, never code.
 */
public final class DecisionCsvExporter implements EditorialExporter<ReviewSummary> {

    /** The header row, in order. */
    public static final String[] HEADER =
            {"shot", "variant", "frame", "timecode", "decision", "reviewer", "role", "pass", "time", "note", "score"};

    @Override
    public String formatId() {
        return "csv";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public void write(ReviewSummary summary, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write('\uFEFF');
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\r\n").get();
        CSVPrinter printer = new CSVPrinter(text, format);
        for (Decision d : summary.facts().decisions()) {
            String frame = d.frames().isEmpty() ? "" : d.frames().length() == 1 ? Long.toString(d.frames().start())
                    : d.frames().toString();
            printer.printRecord(cell(d.shot()), cell(d.variant()), frame, summary.timecode(d.shot(), d.variant(), d.frames().start()),
                    d.isClear() ? "clear" : d.verdict().word(), cell(d.reviewer()), d.role().word(), cell(d.pass()),
                    d.recordedAt().toString(), cell(d.note()), meanScore(summary, d));
        }
        printer.flush();
        text.flush();
    }

    private static String meanScore(ReviewSummary summary, Decision d) {
        NavigableMap<Long, FrameScore> scores = summary.facts().scores(d.shot(), d.variant());
        Map<Long, FrameScore> inRange = scores.subMap(d.frames().start(), true, d.frames().endExclusive(), false);
        OptionalDouble mean = inRange.values().stream().mapToDouble(FrameScore::score).average();
        return mean.isPresent() ? String.format(Locale.ROOT, "%.1f", mean.getAsDouble()) : "";
    }

    /** A text cell a spreadsheet shows as text, never evaluates. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }
}
