package dev.onmodel.app.cli;

import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.ScoringProgress;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.workflow.ProjectWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code onmodel bench-cache}: how long re-scoring an unchanged project takes when every analysis is in the
 * project's store. Synthesises a project of many small frames (two characters, the cast set in project.json), imports
 * and scores it once, then re-scores it several times and prints each phase; the figure the consistency issue sets a
 * target for is the re-score of 10,000 frames (&lt; 2 s).
 */
@Command(name = "bench-cache", mixinStandardHelpOptions = true,
        description = {"Benchmark re-scoring an unchanged project from the review store's analysis cache.",
                "Synthesises FRAMES small frames in DIR (a temporary folder by default), imports and scores them once,",
                "then re-scores RUNS times and prints each phase. Figures are noisy on a shared machine."})
public final class BenchCacheCommand implements Callable<Integer> {

    @Option(names = "--frames", paramLabel = "N", description = "Frames in the project (default: ${DEFAULT-VALUE}).")
    int frames = 10_000;

    @Option(names = "--runs", paramLabel = "N", description = "Re-scoring runs (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Project folder to create (must not exist) and keep; default: a temporary folder, removed.")
    Path dir;

    private static final int SHOTS = 20;
    private static final int VARIANTS = 2;
    private static final int DISTINCT_PICTURES = 64;

    @Override
    public Integer call() throws Exception {
        if (frames < SHOTS * VARIANTS || runs < 1 || threads < 1) {
            throw new IllegalArgumentException("--frames must be at least " + SHOTS * VARIANTS
                    + ", --runs and --threads at least 1");
        }
        if (dir != null && Files.exists(dir)) {
            throw new IllegalArgumentException(dir + " exists; give a new folder");
        }
        Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("onmodel-bench-cache");
        try {
            long t0 = System.nanoTime();
            synthesise(root);
            System.out.printf(Locale.ROOT, "%d frames (%d shots x %d variants, 128x72 PNG, 2 characters x 4 views) written to %s in %.1f s; "
                            + "%d processors; max heap %d MB; Java %s%n", frames, SHOTS, VARIANTS, root,
                    seconds(t0), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.version"));
            ProjectWorkspace.Options options = ProjectWorkspace.Options.defaults()
                    .withImporting(ImportOptions.defaults().withMovieProbe(FfmpegTools.probeOrExplain()));
            long t1 = System.nanoTime();
            try (ProjectWorkspace workspace = ProjectWorkspace.open(root, options)) {
                System.out.printf(Locale.ROOT, "import (open store, scan, inspect, digest, record): %.2f s%n", seconds(t1));
                ConsistencyEngine engine = workspace.engine(ScoringSettings.defaults());
                ProjectWorkspace.ScoreRun run = workspace.score(engine, threads, ScoringProgress.none(), new Cancellation());
                report("first scoring (every frame decoded)", run);
            }
            List<Double> rescoring = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                long open = System.nanoTime();
                ProjectWorkspace workspace = ProjectWorkspace.open(root, options);
                double opened = seconds(open);
                long load = System.nanoTime();
                ConsistencyEngine engine = workspace.engine(ScoringSettings.defaults());
                double loaded = seconds(load);
                ProjectWorkspace.ScoreRun run = workspace.score(engine, threads, ScoringProgress.none(), new Cancellation());
                long close = System.nanoTime();
                workspace.close();
                double closed = seconds(close);
                if (run.summary().cached() != run.summary().frames() || run.digestedFiles() != 0) {
                    throw new IllegalStateException("re-score " + i + " was not served by the cache: " + run);
                }
                rescoring.add(run.seconds());
                System.out.printf(Locale.ROOT, "re-score %d: open store %.2f s, load sheets %.2f s, score %d frames "
                                + "(%d from cache, %d digested, %d scores unchanged) %.2f s, close (backup copy) %.2f s%n",
                        i, opened, loaded, run.summary().frames(), run.summary().cached(), run.digestedFiles(),
                        run.unchangedFrames(), run.seconds(), closed);
            }
            double best = rescoring.stream().min(Double::compare).orElseThrow();
            double median = rescoring.stream().sorted().toList().get(rescoring.size() / 2);
            System.out.printf(Locale.ROOT, "re-scoring %d unchanged frames from the store: median %.2f s, best %.2f s "
                    + "-> %.2f s per 10,000 frames (target < 2 s)%n", frames, median, best, median / frames * 10_000);
            return 0;
        } finally {
            if (dir == null) {
                deleteTree(root);
            }
        }
    }

    private static void report(String label, ProjectWorkspace.ScoreRun run) {
        System.out.printf(Locale.ROOT, "%s: %d frames, %d from cache, %.2f s (%.0f frames/s)%n", label,
                run.summary().frames(), run.summary().cached(), run.seconds(), run.summary().frames() / run.seconds());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * Two characters with four sheet views each, both in every shot's cast (so each cached analysis is about the
     * size of the sample project's, ~2-3 KB), and SHOTS x VARIANTS sequences cycling through a few distinct pictures.
     */
    private void synthesise(Path root) throws IOException {
        Color[][] costumes = {{new Color(200, 60, 40), new Color(40, 70, 160)},
                {new Color(240, 200, 60), new Color(30, 140, 70)}};
        String[] names = {"hero", "pal"};
        String[] views = {"front", "side", "back", "three-quarter"};
        for (int c = 0; c < names.length; c++) {
            Path sheet = Files.createDirectories(root.resolve("characters").resolve(names[c]));
            for (int v = 0; v < views.length; v++) {
                BufferedImage view = new BufferedImage(60, 90, BufferedImage.TYPE_INT_ARGB);
                drawFigure(view.createGraphics(), costumes[c], 10 + v * 2, 5, 40 - v * 4, 80);
                ImageIO.write(view, "png", sheet.resolve(views[v] + ".png").toFile());
            }
        }
        List<byte[]> pictures = new ArrayList<>();
        for (int i = 0; i < DISTINCT_PICTURES; i++) {
            BufferedImage frame = new BufferedImage(128, 72, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setColor(new Color(200, 210, 190 + i % 40));
            g.fillRect(0, 0, 128, 72);
            drawFigure(g.create(), costumes[0], 8 + i % 30, 8 + i % 6, 26, 50);
            drawFigure(g.create(), costumes[1], 70 + i % 20, 10 + i % 4, 24, 48);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(frame, "png", out);
            pictures.add(out.toByteArray());
        }
        int perVariant = frames / (SHOTS * VARIANTS);
        int extra = frames % (SHOTS * VARIANTS);
        StringBuilder json = new StringBuilder("{\"name\": \"cache benchmark\", \"frameRate\": \"24\", \"shots\": [");
        int written = 0;
        for (int s = 1; s <= SHOTS; s++) {
            String shot = String.format(Locale.ROOT, "sh%03d", s * 10);
            int longest = 0;
            for (int v = 1; v <= VARIANTS; v++) {
                String variant = "v00" + v;
                int count = perVariant + (extra-- > 0 ? 1 : 0);
                longest = Math.max(longest, count);
                Path folder = Files.createDirectories(root.resolve("shots").resolve(shot).resolve(variant));
                for (int f = 0; f < count; f++) {
                    Files.write(folder.resolve(String.format(Locale.ROOT, "%s_%s.%04d.png", shot, variant, 1001 + f)),
                            pictures.get(written++ % pictures.size()));
                }
            }
            json.append(s == 1 ? "" : ", ").append("{\"name\": \"").append(shot).append("\", \"cutLength\": ")
                    .append(longest).append(", \"cast\": [\"hero\", \"pal\"]}");
        }
        json.append("]}\n");
        Files.writeString(root.resolve("project.json"), json, StandardCharsets.UTF_8);
    }

    private static void drawFigure(java.awt.Graphics g, Color[] costume, int x, int y, int w, int h) {
        g.setColor(costume[0]);
        g.fillOval(x + w / 4, y, w / 2, h / 4);
        g.setColor(costume[1]);
        g.fillRect(x, y + h / 4, w, h / 2);
        g.setColor(new Color(30, 30, 30));
        g.fillRect(x + w / 8, y + 3 * h / 4, w / 4, h / 4);
        g.fillRect(x + 5 * w / 8, y + 3 * h / 4, w / 4, h / 4);
        g.dispose();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
