package dev.onmodel.app.cli;

import dev.onmodel.core.model.Decision;
import dev.onmodel.core.store.DecisionRecord;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.store.VariantKey;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code onmodel decisions --project DIR [--pass NAME] --csv FILE}: writes the decision log (every record,
 * undo/redo included, oldest first) or, with {@code --effective}, the verdict in force per run of frames.
 * FILE {@code -} writes to standard output; a file is written to a temp file and moved into place.
 */
@Command(name = "decisions", mixinStandardHelpOptions = true,
        description = {"Write a project's decisions as CSV: the full log (audit trail) or, with --effective,",
                "the verdict in force on each run of frames. See docs/store.md for the columns."})
public final class DecisionsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--pass", paramLabel = "NAME", description = "Only decisions made in this review pass.")
    String pass;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Output file, or - for standard output.")
    String csv;

    @Option(names = "--effective", description = "Verdicts in force per run of frames instead of the full log.")
    boolean effective;

    static final String[] LOG_HEADER = {"id", "recorded_at", "action", "target", "shot", "variant", "first", "last",
            "verdict", "reviewer", "role", "pass", "note", "in_force"};
    static final String[] EFFECTIVE_HEADER = {"shot", "variant", "first", "last", "verdict", "decision_id", "reviewer",
            "role", "pass", "recorded_at", "note"};

    @Override
    public Integer call() throws StoreException, IOException {
        Path root = project.folder();
        try (ReviewStore store = ReviewStore.open(root, dev.onmodel.core.store.StoreOptions.defaults().withReadOnly(true))) {
            if (pass != null && store.pass(pass).isEmpty()) {
                throw new IllegalArgumentException("there is no review pass '" + pass + "' (passes: "
                        + store.passes().stream().map(p -> p.name()).reduce((a, b) -> a + ", " + b).orElse("none") + ")");
            }
            if (csv.equals("-")) {
                Writer writer = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                write(store, writer);
                writer.flush();
                return 0;
            }
            Path target = Path.of(csv).toAbsolutePath();
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(store, writer);
            } catch (IOException | StoreException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            System.err.println("onmodel decisions: wrote " + target);
            return 0;
        }
    }

    private void write(ReviewStore store, Writer writer) throws IOException, StoreException {
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        if (effective) {
            printer.printRecord((Object[]) EFFECTIVE_HEADER);
            Map<VariantKey, NavigableMap<Long, Decision>> all = store.allEffectiveDecisions();
            for (Map.Entry<VariantKey, NavigableMap<Long, Decision>> e : new java.util.TreeMap<>(all).entrySet()) {
                Decision run = null;
                long runFirst = 0;
                long previous = 0;
                for (Map.Entry<Long, Decision> f : e.getValue().entrySet()) {
                    Decision d = f.getValue();
                    if (pass != null && !pass.equals(d.pass())) {
                        continue;
                    }
                    if (run != null && run.id() == d.id() && f.getKey() == previous + 1) {
                        previous = f.getKey();
                        continue;
                    }
                    if (run != null) {
                        printEffective(printer, run, runFirst, previous);
                    }
                    run = d;
                    runFirst = f.getKey();
                    previous = f.getKey();
                }
                if (run != null) {
                    printEffective(printer, run, runFirst, previous);
                }
            }
        } else {
            printer.printRecord((Object[]) LOG_HEADER);
            for (DecisionRecord r : store.log(Optional.ofNullable(pass))) {
                Decision d = r.decision();
                printer.printRecord(d.id(), d.recordedAt(), r.action().word(),
                        r.target().isPresent() ? r.target().getAsLong() : "", d.shot(), d.variant(), d.frames().start(),
                        d.frames().last(), d.verdict() == null ? "" : d.verdict().word(), d.reviewer(), d.role().word(),
                        d.pass(), d.note(), r.inForce());
            }
        }
        printer.flush();
    }

    private static void printEffective(CSVPrinter printer, Decision d, long first, long last) throws IOException {
        printer.printRecord(d.shot(), d.variant(), first, last, d.verdict().word(), d.id(), d.reviewer(), d.role().word(),
                d.pass(), d.recordedAt(), d.note());
    }
}
