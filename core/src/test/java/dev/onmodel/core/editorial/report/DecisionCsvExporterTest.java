package dev.onmodel.core.editorial.report;

import dev.onmodel.core.editorial.EditorialExporter;
import dev.onmodel.core.editorial.EditorialFixtures;
import dev.onmodel.core.editorial.Golden;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionCsvExporterTest extends ReviewReportContractTest {

    @Override
    protected EditorialExporter<ReviewSummary> exporter() {
        return new DecisionCsvExporter();
    }

    @Override
    protected void assertWellFormed(byte[] bytes) throws Exception {
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte-order mark for spreadsheets");
        List<CSVRecord> rows = parse(bytes);
        assertEquals(List.of(DecisionCsvExporter.HEADER), List.of(rows.get(0).values()));
        rows.forEach(r -> assertEquals(DecisionCsvExporter.HEADER.length, r.size(), "row " + r.getRecordNumber()));
    }

    private static List<CSVRecord> parse(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void oneRowPerDecisionWithTimecodeAndMeanScore() throws Exception {
        List<CSVRecord> rows = parse(bytes(ReportFixtures.ordinary()));
        assertEquals(4, rows.size());
        assertEquals(List.of("sh020", "v007", "1013-1020", "00:00:42:05", "reject", "lee", "supervisor", "pass1",
                "2026-11-20T10:01:00Z", "jacket, \"teal\"", "50.0"), List.of(rows.get(1).values()));
        assertEquals("1030", rows.get(2).get(2));
        assertEquals("", rows.get(3).get(10), "no score known");
    }

    @Test
    void formulaLikeCellsAreNeutralisedAndNewlinesQuoted() throws Exception {
        byte[] bytes = bytes(ReportFixtures.hostile());
        List<CSVRecord> rows = parse(bytes);
        assertEquals("'@reviewer", rows.get(1).get(5));
        assertEquals("'" + EditorialFixtures.HOSTILE_NOTE, rows.get(1).get(9));
        assertEquals("'-lee", rows.get(2).get(5));
        assertEquals("'+1 frame <late>", rows.get(2).get(9));
        assertEquals(EditorialFixtures.HOSTILE_SHOT, rows.get(1).get(0), "newlines survive inside quotes");
        assertEquals("00:00:33;13", rows.get(1).get(3), "drop-frame label of frame 1003");
    }

    @Test
    void matchesGoldenFile() throws Exception {
        Golden.assertMatches("csv/ep101_decisions.csv", new String(bytes(ReportFixtures.ordinary()), StandardCharsets.UTF_8));
    }

    @Test
    void usesCrlfRecordSeparators() throws Exception {
        String text = new String(bytes(ReportFixtures.ordinary()), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFshot,variant,frame,timecode,decision,reviewer,role,pass,time,note,score\r\n"), text);
    }
}
