package dev.onmodel.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.consistency.evaluation.DevSetEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code onmodel eval DEVSET}: measures the consistency engine on the labelled development set and prints, beside a
 * naive whole-frame pHash baseline, ROC-AUC per defect kind, pooled AUC, the share caught at 5% false alarms and the
 * false-alarm rate on the kinds that must not be flagged.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure scoring quality on the labelled development set (../shared/dev-eval).",
                "Prints OnModel's figures beside a naive whole-frame pHash baseline."})
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DEVSET",
            description = "Folder of the built development set (holds labels.csv).")
    Path devSet;

    @Option(names = "--sample", paramLabel = "DIR",
            description = "Instead, score a generated sample project and measure it against its ground-truth.json.")
    Path sample;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--working-size", paramLabel = "PIXELS",
            description = "Longest side frames are analysed at (default: ${DEFAULT-VALUE}).")
    int workingSize = ScoringSettings.defaults().workingSize();

    @Option(names = "--scores", paramLabel = "FILE", description = "Also write OnModel's scores as CSV for "
            + "score-dev.py (path, score, band, components, view, box, explanation).")
    Path scoresFile;

    @Option(names = "--baseline-scores", paramLabel = "FILE", description = "Also write the baseline's scores as CSV.")
    Path baselineFile;

    @Option(names = "--signals", paramLabel = "FILE", description = "Also write every frame's measured signals as JSON lines.")
    Path signalsFile;

    @Override
    public Integer call() throws IOException {
        if ((devSet == null) == (sample == null)) {
            throw new IllegalArgumentException("give either DEVSET or --sample DIR");
        }
        if (sample != null) {
            return SampleEvaluation.run(sample, threads, System.out);
        }
        PrintStream out = System.out;
        long start = System.nanoTime();
        DevSetEvaluation.Report report = DevSetEvaluation.run(devSet, new ScoringSettings(ScoringSettings.defaults().okThreshold(),
                ScoringSettings.defaults().offModelThreshold(), workingSize, ScoringSettings.defaults().maxPixels()), threads, done -> {
            if (done % 50 == 0) {
                System.err.print("\rscored " + done + " frames");
            }
        });
        System.err.println();
        report.problems().forEach(p -> System.err.println("unreadable: " + p));
        out.printf(Locale.ROOT, "development set: %s (%d frames scored in %.1f s, %d threads)%n", devSet,
                report.rows().size(), (System.nanoTime() - start) / 1e9, threads);
        out.printf(Locale.ROOT, "%-16s %-5s %4s   %-18s %-18s%n", "", "", "", "OnModel", "pHash baseline");
        out.printf(Locale.ROOT, "%-16s %-5s %4s   %-7s %-10s %-7s %-10s%n", "kind", "flag?", "n", "AUC", "at5%FA",
                "AUC", "at5%FA");
        for (int i = 0; i < report.engine().kinds().size(); i++) {
            DevSetEvaluation.KindFigures e = report.engine().kinds().get(i);
            DevSetEvaluation.KindFigures b = report.baseline().kinds().get(i);
            out.printf(Locale.ROOT, "%-16s %-5s %4d   %-7.3f %-10.3f %-7.3f %-10.3f%s%n", e.kind(),
                    e.expectFlag() ? "1" : "0", e.count(), e.auc(), e.flaggedShare(), b.auc(), b.flaggedShare(),
                    e.expectFlag() ? "" : "  (false-alarm rate; ideal about 0.05)");
        }
        out.printf(Locale.ROOT, "%-16s %-5s %4s   %-7.3f %-10.3f %-7.3f %-10.3f%n", "ALL flag kinds", "1", "",
                report.engine().pooledAuc(), report.engine().pooledDetection(), report.baseline().pooledAuc(),
                report.baseline().pooledDetection());
        out.printf(Locale.ROOT, "%-16s %-5s %4s   %-7s %-10.3f %-7s %-10.3f%n", "must-not-flag", "0", "", "",
                report.engine().mustNotFlagFalseAlarms(), "", report.baseline().mustNotFlagFalseAlarms());
        out.printf(Locale.ROOT, "OnModel: pooled AUC %.3f, caught at 5%% false alarms %.1f%%, false alarms on "
                        + "mirror/occlusion/scale %.1f%% (threshold score < %.1f)%n", report.engine().pooledAuc(),
                100 * report.engine().pooledDetection(), 100 * report.engine().mustNotFlagFalseAlarms(),
                report.engine().threshold());
        out.printf(Locale.ROOT, "baseline: pooled AUC %.3f, caught at 5%% false alarms %.1f%%, false alarms on "
                        + "mirror/occlusion/scale %.1f%%%n", report.baseline().pooledAuc(),
                100 * report.baseline().pooledDetection(), 100 * report.baseline().mustNotFlagFalseAlarms());
        if (scoresFile != null) {
            DevSetEvaluation.writeScores(report.rows(), true, scoresFile);
        }
        if (baselineFile != null) {
            DevSetEvaluation.writeScores(report.rows(), false, baselineFile);
        }
        if (signalsFile != null) {
            ObjectMapper json = new ObjectMapper();
            try (BufferedWriter w = Files.newBufferedWriter(signalsFile, StandardCharsets.UTF_8)) {
                for (DevSetEvaluation.Row r : report.rows()) {
                    w.write(json.writeValueAsString(Map.of("path", r.path(), "kind", r.kind(), "score",
                            r.engineScore(), "analysis", r.analysis())));
                    w.newLine();
                }
            }
        }
        return report.problems().isEmpty() ? 0 : 1;
    }
}
