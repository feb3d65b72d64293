package dev.onmodel.app.cli;

import dev.onmodel.core.consistency.Band;
import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.FrameScore;
import dev.onmodel.core.consistency.InMemoryAnalysisCache;
import dev.onmodel.core.consistency.ProjectScoreSink;
import dev.onmodel.core.consistency.ProjectScorer;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.consistency.evaluation.DetectionMetrics;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.sample.GroundTruth;
import dev.onmodel.core.sample.InjectedDefect;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code onmodel eval --sample DIR}: scores a generated sample project like {@code score --project} (in memory,
 * nothing written) and measures it against the defects its ground truth lists. Only the {@code defects} section is
 * read; the per-frame oracle is not.
 */
final class SampleEvaluation {

    private SampleEvaluation() {
    }

    static int run(Path root, int threads, PrintStream out) throws IOException {
        Path truthFile = root.resolve(ProjectLayout.GROUND_TRUTH_FILE);
        if (!Files.isRegularFile(truthFile)) {
            throw new IllegalArgumentException(root + " has no " + ProjectLayout.GROUND_TRUTH_FILE
                    + " (generate one with: onmodel sample DIR)");
        }
        List<InjectedDefect> defects = GroundTruth.read(truthFile).defects();
        Project project = new ProjectReader(MovieProbe.unavailable("not needed")).read(root).project();
        ScoringSettings settings = ScoringSettings.defaults();
        ConsistencyEngine engine = ConsistencyEngine.load(project.characters(), settings);
        Map<String, CharacterScore> scores = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        ProjectScoreSink sink = new ProjectScoreSink() {
            @Override
            public void cast(String shot, List<String> cast, boolean proposed) {
                // The evaluation reports per defect; casts are printed by score --project.
            }

            @Override
            public void frame(Variant variant, long frame, Path file, FrameScore score) {
                score.characters().forEach(c -> scores.put(variant.shot() + "/" + variant.name() + "/" + frame + "/"
                        + c.character(), c));
            }

            @Override
            public void problem(MediaProblem problem) {
                problems.add(problem.toString());
            }

            @Override
            public void finish() {
                // Everything is held in memory.
            }
        };
        long start = System.nanoTime();
        new ProjectScorer(engine, new InMemoryAnalysisCache()).score(project, sink, threads, (d, t) -> { },
                new Cancellation());
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        Map<String, int[]> flaggedByKind = new LinkedHashMap<>();
        List<Double> clean = new ArrayList<>();
        int cleanFlagged = 0;
        int cleanOffModel = 0;
        for (Map.Entry<String, CharacterScore> e : scores.entrySet()) {
            String[] k = e.getKey().split("/");
            int frame = Integer.parseInt(k[2]);
            InjectedDefect defect = defects.stream().filter(d -> d.shot().equals(k[0]) && d.variant().equals(k[1])
                    && d.character().equals(k[3]) && d.covers(frame)).findFirst().orElse(null);
            CharacterScore s = e.getValue();
            if (defect == null) {
                clean.add(s.score());
                cleanFlagged += s.band() == Band.OK ? 0 : 1;
                cleanOffModel += s.band() == Band.OFF_MODEL ? 1 : 0;
            } else {
                String kind = defect.kind().label();
                byKind.computeIfAbsent(kind, x -> new ArrayList<>()).add(s.score());
                int[] counts = flaggedByKind.computeIfAbsent(kind, x -> new int[2]);
                counts[0]++;
                counts[1] += s.band() == Band.OK ? 0 : 1;
            }
        }
        double threshold = DetectionMetrics.thresholdFor(clean, 0.05);
        out.printf(Locale.ROOT, "sample project: %s (%d character-frames scored in %.1f s; %d defects)%n", root,
                scores.size(), (System.nanoTime() - start) / 1e9, defects.size());
        out.printf(Locale.ROOT, "%-18s %5s  %-7s %-10s %-12s%n", "defect kind", "n", "AUC", "at5%FA", "outside ok");
        List<Double> all = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : byKind.entrySet()) {
            all.addAll(e.getValue());
            int[] counts = flaggedByKind.get(e.getKey());
            out.printf(Locale.ROOT, "%-18s %5d  %-7.3f %-10.3f %-12.3f%n", e.getKey(), e.getValue().size(),
                    DetectionMetrics.auc(clean, e.getValue()), DetectionMetrics.shareBelow(e.getValue(), threshold),
                    counts[1] / (double) counts[0]);
        }
        out.printf(Locale.ROOT, "%-18s %5d  %-7.3f %-10.3f%n", "ALL defect frames", all.size(),
                DetectionMetrics.auc(clean, all), DetectionMetrics.shareBelow(all, threshold));
        out.printf(Locale.ROOT, "clean character-frames: %d, outside the ok band %.1f%%, off-model %.1f%%%n",
                clean.size(), 100.0 * cleanFlagged / Math.max(1, clean.size()),
                100.0 * cleanOffModel / Math.max(1, clean.size()));
        problems.forEach(p -> System.err.println("onmodel eval: " + p));
        return problems.isEmpty() ? 0 : 1;
    }
}
