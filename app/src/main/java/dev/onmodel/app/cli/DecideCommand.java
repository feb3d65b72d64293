package dev.onmodel.app.cli;

import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.store.DecisionRequest;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code onmodel decide --project DIR}: records decisions read from standard input, one CSV line each
 * ({@code shot,variant,first,last,verdict,reviewer,role,pass,note}; see docs/store.md), and prints
 * {@code ok <line>} once that line's decision is committed, or {@code error <line> <reason>} and goes on.
 * Exit 0 when every line was recorded, 1 when any failed.
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Record decisions read from standard input, one CSV line each:",
                "  shot,variant,first,last,verdict,reviewer,role,pass,note",
                "first/last: inclusive frame numbers as in the file names; verdict: approve, reject, rework or clear.",
                "Prints 'ok <line>' after each commit, 'error <line> <reason>' otherwise, and goes on.",
                "A first line starting with 'shot,' is a header; blank lines and lines starting with # are skipped."})
public final class DecideCommand implements Callable<Integer> {

    /** The columns, in order. */
    static final List<String> COLUMNS =
            List.of("shot", "variant", "first", "last", "verdict", "reviewer", "role", "pass", "note");

    @Mixin
    ProjectOption project;

    @Override
    public Integer call() throws StoreException, IOException {
        PrintStream out = System.out;
        int failures = 0;
        try (ReviewStore store = ReviewStore.open(project.folder());
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            if (!store.isReadOnly() && !store.hasStructure()) {
                System.err.println("onmodel decide: the project has not been imported, so shot, variant and frame"
                        + " numbers are not checked; run 'onmodel import --project " + project.folder() + "' first");
            }
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")
                        || number == 1 && trimmed.toLowerCase(Locale.ROOT).startsWith("shot,")) {
                    continue;
                }
                try {
                    store.record(parse(line));
                    out.println("ok " + number);
                } catch (IllegalArgumentException e) {
                    failures++;
                    out.println("error " + number + " " + oneLine(e.getMessage()));
                } catch (StoreException e) {
                    failures++;
                    out.println("error " + number + " " + oneLine(e.getMessage()));
                }
                out.flush();
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** One CSV line to a request; IllegalArgumentException with a reason a person can act on. */
    static DecisionRequest parse(String line) {
        List<String> fields;
        try (CSVParser parser = CSVParser.parse(new StringReader(line), CSVFormat.DEFAULT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("not one CSV record");
            }
            fields = records.get(0).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("not valid CSV: " + e.getMessage());
        }
        if (fields.size() < 8 || fields.size() > 9) {
            throw new IllegalArgumentException("expected 9 fields (" + String.join(",", COLUMNS) + "), got "
                    + fields.size());
        }
        String shot = required(fields, 0);
        String variant = required(fields, 1);
        long first = frame(fields, 2);
        long last = frame(fields, 3);
        if (last < first) {
            throw new IllegalArgumentException("last frame " + last + " is before first frame " + first);
        }
        String verdictText = required(fields, 4).toLowerCase(Locale.ROOT);
        Verdict verdict = verdictText.equals("clear") || verdictText.equals("undecided") ? null : Verdict.parse(verdictText);
        String reviewer = required(fields, 5);
        Role role = Role.parse(required(fields, 6));
        String pass = required(fields, 7);
        String note = fields.size() > 8 ? fields.get(8) : "";
        return DecisionRequest.range(shot, variant, first, last, verdict, note, reviewer, role, pass);
    }

    private static String required(List<String> fields, int index) {
        String value = fields.get(index).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(COLUMNS.get(index) + " is empty");
        }
        return value;
    }

    private static long frame(List<String> fields, int index) {
        String text = required(fields, index);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(COLUMNS.get(index) + " frame '" + text + "' is not a whole number");
        }
    }

    private static String oneLine(String message) {
        return message == null ? "failed" : message.replace('\n', ' ').replace('\r', ' ');
    }
}
