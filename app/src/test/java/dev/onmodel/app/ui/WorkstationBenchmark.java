package dev.onmodel.app.ui;

import dev.onmodel.app.session.JsonFileReviewSession;
import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.settings.Preferences;
import dev.onmodel.app.settings.PreferencesStore;
import dev.onmodel.app.testing.DemoProjects;
import dev.onmodel.app.ui.images.DifferenceImages;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.keys.KeyMap;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.app.ui.review.ReviewViewModel;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectReader;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Workstation benchmarks that print figures (never timed tests). Run under Xvfb; see docs/performance.md.
 *
 * <ul>
 *   <li>{@code keys DIR}: key press to painted frame for cached 1080p frames (p50/p95/max)</li>
 *   <li>{@code pulses DIR}: gaps between FX pulses idle and while decoding + scoring run in the background</li>
 *   <li>{@code pulses-engine DIR}: the same while the real consistency engine scores into the review store</li>
 *   <li>{@code pulses-export DIR [PROJECT]}: the same while the HTML review report (thumbnails decoded and scaled) is
 *   exported, three times in a row</li>
 *   <li>{@code pulses-import DIR}: the same while File ▸ Rescan media re-imports every frame (each touched, so each
 *   is header-checked and digested again)</li>
 *   <li>{@code coldstart DIR [PROJECT [ROUNDS]]}: the real launcher ({@code ./onmodel open PROJECT}) to the first
 *   frame painted, with and without its class-data archive, side by side (run from the repository root)</li>
 *   <li>{@code movie-play DIR PROJECT RUN_LENGTH [SHOT/VARIANT]}: first and second pass of playing a movie take whose
 *   frames are made into an empty folder, in runs of RUN_LENGTH frames (1: one ffmpeg per frame)</li>
 *   <li>{@code movie-play-back DIR PROJECT RUN_LENGTH [SHOT/VARIANT]}: the same played backwards ({@code J}) from the
 *   take's last frame</li>
 *   <li>{@code sequence-play DIR PROJECT SHOT/VARIANT}: the same for an image sequence take nothing has decoded yet
 *   (its files read from the page cache)</li>
 *   <li>{@code sequence-play-back DIR PROJECT SHOT/VARIANT}: the same played backwards</li>
 * </ul>
 * DIR holds the generated 1080p demo project (made on first use); PROJECT overrides it (e.g. the sample project).
 */
public final class WorkstationBenchmark {

    private static final int FRAMES = 48;

    private WorkstationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[1]));
        Path projectDir = args.length > 2 ? Path.of(args[2]) : work.resolve("demo-1080p");
        if (!ProjectLayout.looksLikeProject(projectDir)) {
            System.out.println("generating 1080p demo project in " + projectDir + " ...");
            DemoProjects.create(projectDir, 1920, 1080, FRAMES);
        }
        WorkstationApp.configureToolkit(); // the window's toolkit settings, as the launcher applies them
        switch (args[0]) {
            case "timeline" -> timeline();
            case "keys", "pulses", "pulses-engine", "pulses-import", "pulses-export" -> runInWindow(args[0], projectDir);
            case "coldstart" -> coldStart(projectDir, work, args.length > 3 ? Integer.parseInt(args[3]) : 5);
            case "movie-play" -> moviePlay(projectDir, work, Integer.parseInt(args[3]), args.length > 4 ? args[4] : "",
                    false);
            case "movie-play-back" -> moviePlay(projectDir, work, Integer.parseInt(args[3]),
                    args.length > 4 ? args[4] : "", true);
            case "sequence-play" -> moviePlay(projectDir, work, 0, args[3], false);
            case "sequence-play-back" -> moviePlay(projectDir, work, 0, args[3], true);
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    // ---- window benchmarks -------------------------------------------------------------------------------------

    /** Holds what the FX side set up. */
    private static final class Bench {
        Stage stage;
        ReviewScreen screen;
        FrameImageCache cache;
        dev.onmodel.app.session.ReviewSession session;
    }

    public static final class Host extends Application {
        static final CompletableFuture<Stage> STAGE = new CompletableFuture<>();

        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
            STAGE.complete(stage);
        }
    }

    private static void runInWindow(String which, Path projectDir) throws Exception {
        Thread fx = new Thread(() -> Application.launch(Host.class), "fx-launch");
        fx.setDaemon(true);
        fx.start();
        Stage stage = Host.STAGE.get(60, TimeUnit.SECONDS);
        Project project = new ProjectReader(MovieProbe.unavailable("bench")).read(projectDir).project();
        Bench bench = new Bench();
        bench.stage = stage;
        bench.cache = new FrameImageCache(3L << 30, 2);
        bench.session = which.equals("pulses-engine") || which.equals("pulses-import") || which.equals("pulses-export")
                ? new dev.onmodel.app.session.StoreSessions().open(projectDir, new Reviewer("bench", Role.ANIMATOR),
                        "bench")
                : new JsonFileReviewSession(null, new Reviewer("bench", Role.ANIMATOR), "bench",
                        which.equals("pulses") ? cpuScorer(project) : k -> Optional.empty());
        ScreenshotTour.fx(() -> {
            bench.screen = new ReviewScreen(new ReviewViewModel(project, bench.session, Platform::runLater),
                    bench.cache, new DifferenceImages(), KeyMap.defaults());
            Scene scene = new Scene(bench.screen, 1600, 1000);
            scene.getStylesheets().add(WorkstationApp.class.getResource("onmodel.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        System.out.println("java " + System.getProperty("java.version") + ", prism.order="
                + System.getProperty("prism.order", "(default)") + ", cores " + Runtime.getRuntime().availableProcessors());
        if (which.equals("keys")) {
            keys(bench, project);
        } else if (which.equals("pulses-import")) {
            pulsesWhileImporting(projectDir);
        } else if (which.equals("pulses-export")) {
            pulsesWhileExporting(project);
        } else {
            pulses(bench, project, which.equals("pulses"));
        }
        Platform.exit();
        System.exit(0);
    }

    /**
     * First playback of the project's first movie variant (or the one named like {@code sh020/v002}), its frames made into an empty folder with runs of
     * {@code runLength} frames (1: one ffmpeg per frame, as before runs): frames shown late ("not yet decoded" when the
     * playhead reached them) in the first and in the second pass over the take. With {@code runLength} 0 the named
     * variant is an image sequence instead, shown through a cache that has decoded none of it. {@code backwards}: played
     * with {@code J} from the take's last frame.
     */
    private static void moviePlay(Path projectDir, Path work, int runLength, String variantName, boolean backwards)
            throws Exception {
        Thread fx = new Thread(() -> Application.launch(Host.class), "fx-launch");
        fx.setDaemon(true);
        fx.start();
        Stage stage = Host.STAGE.get(60, TimeUnit.SECONDS);
        Project project = new ProjectReader(dev.onmodel.core.media.FfmpegTools.probeOrExplain()).read(projectDir)
                .project();
        Shot shot = null;
        Variant movie = null;
        for (Shot s : project.shots()) {
            for (Variant v : s.variants()) {
                boolean wanted = runLength == 0 ? v.media() instanceof ImageSequence
                        : v.media() instanceof dev.onmodel.core.model.MovieMedia;
                if (movie == null && wanted && (variantName.isEmpty() || v.qualifiedName().equals(variantName))) {
                    shot = s;
                    movie = v;
                }
            }
        }
        if (movie == null) {
            throw new IllegalArgumentException(projectDir + " holds no movie variant");
        }
        Path frames = Files.createTempDirectory(work, "movie-frames");
        FrameImageCache cache = runLength == 0 ? new FrameImageCache(3L << 30, 2)
                : new FrameImageCache(3L << 30, 2, null, new dev.onmodel.app.ui.images.MovieFrameFiles(
                frames, dev.onmodel.core.media.FfmpegTools.locate(), Long.MAX_VALUE, 4L << 30, runLength));
        Bench bench = new Bench();
        ScreenshotTour.fx(() -> {
            bench.screen = new ReviewScreen(new ReviewViewModel(project, new JsonFileReviewSession(null,
                    new Reviewer("bench", Role.ANIMATOR), "bench", k -> Optional.empty()), Platform::runLater),
                    cache, new DifferenceImages(), KeyMap.defaults());
            Scene scene = new Scene(bench.screen, 1600, 1000);
            scene.getStylesheets().add(WorkstationApp.class.getResource("onmodel.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        Shot chosenShot = shot;
        Variant chosen = movie;
        ScreenshotTour.fx(() -> {
            bench.screen.model().selectedShotProperty().set(chosenShot);
            bench.screen.model().selectedVariantProperty().set(chosen);
            if (backwards) {
                bench.screen.model().goToLastFrame();
            }
        });
        Thread.sleep(1000); // the first frame is made and shown, as when a reviewer opens the take
        long length = chosen.media().frameNumbers().size();
        long[] late = new long[2];
        long[] changes = new long[2];
        long[] passedOver = new long[2];
        long first = chosen.media().frameNumbers().get(0);
        long[] pass = {0};
        ScreenshotTour.fx(() -> bench.screen.model().currentFrameProperty().addListener((o, a, b) -> {
            // Played backwards, the frame numbers fall within a pass and jump up where the next one starts.
            long step = backwards ? a.longValue() - b.longValue() : b.longValue() - a.longValue();
            if (step < 0) {
                pass[0]++;
            }
            if (pass[0] < 2) {
                changes[(int) pass[0]]++;
                // Frames the clock moved past without a pulse showing them (the FX thread came too late).
                passedOver[(int) pass[0]] += Math.max(0, step - 1);
                if (!bench.screen.viewer().lastShowImmediate()) {
                    late[(int) pass[0]]++;
                }
            }
        }));
        ScreenshotTour.fx(() -> {
            if (backwards) {
                bench.screen.model().shuttle(-1, System.nanoTime());
            } else {
                bench.screen.model().goToFirstFrame();
                bench.screen.model().togglePlay(System.nanoTime());
            }
        });
        double seconds = length / chosenShot.rate().toDouble();
        Thread.sleep((long) (2 * seconds * 1000) + 300);
        long[] dropped = new long[1];
        ScreenshotTour.fx(() -> {
            dropped[0] = bench.screen.model().droppedFramesProperty().get();
            bench.screen.model().stop();
        });
        String size = chosen.media() instanceof dev.onmodel.core.model.MovieMedia m ? m.width() + "x" + m.height()
                : "image sequence";
        System.out.printf("%s (%d frames from %d, %s)%s, runs of %d: pass 1: %d of %d frame changes late, %d frames"
                        + " passed over; pass 2: %d of %d late, %d passed over; dropped (counter) %d; load %.2f%n",
                chosen.qualifiedName(), length, first, size, backwards ? " played backwards" : "", runLength, late[0], changes[0], passedOver[0], late[1],
                changes[1], passedOver[1], dropped[0],
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        cache.shutdown();
        Platform.exit();
        System.exit(0);
    }

    private static void keys(Bench bench, Project project) throws Exception {
        Variant variant = project.shots().get(0).variants().get(0);
        ImageSequence sequence = (ImageSequence) variant.media();
        long warm = System.nanoTime();
        // Warm the cache the way a reviewer does: step through the shot once, each frame painted before the next.
        for (Path file : sequence.files().values()) {
            long frame = sequence.files().entrySet().stream().filter(e -> e.getValue().equals(file)).findFirst()
                    .orElseThrow().getKey();
            ScreenshotTour.fx(() -> bench.screen.model().seek(frame));
            ScreenshotTour.waitFor(() -> ScreenshotTour.onFx(() -> file.equals(bench.screen.viewer().shownFile())
                    ? Boolean.TRUE : null), 30);
        }
        ScreenshotTour.fx(() -> bench.screen.model().goToFirstFrame());
        System.out.printf("warmed %d 1080p frames in %.1f s%n", sequence.files().size(),
                (System.nanoTime() - warm) / 1e9);
        Thread.sleep(500);

        List<Double> toLayout = new ArrayList<>();
        List<Double> toPainted = new ArrayList<>();
        List<Double> toNextPulse = new ArrayList<>();
        // The render thread reports each frame it painted (JavaFX's own performance hook, as -Djavafx.pulseLogger).
        java.util.concurrent.ConcurrentLinkedDeque<Long> rendered = new java.util.concurrent.ConcurrentLinkedDeque<>();
        ScreenshotTour.fx(() -> com.sun.javafx.perf.PerformanceTracker.getSceneTracker(bench.stage.getScene())
                .setOnRenderedFrameTask(() -> rendered.add(System.nanoTime())));
        int misses = 0;
        int presses = 300;
        for (int i = 0; i < presses; i++) {
            KeyCode code = (i / (FRAMES - 1)) % 2 == 0 ? KeyCode.RIGHT : KeyCode.LEFT;
            long[] times = new long[3];
            CountDownLatch painted = new CountDownLatch(1);
            AtomicBoolean immediate = new AtomicBoolean();
            Platform.runLater(() -> {
                Scene scene = bench.stage.getScene();
                Runnable[] layoutListener = new Runnable[1];
                layoutListener[0] = () -> {
                    if (times[1] == 0) {
                        times[1] = System.nanoTime();

                        scene.removePostLayoutPulseListener(layoutListener[0]);
                        // The next pulse starts only after the previous one was rendered: an upper bound for "painted".
                        new AnimationTimer() {
                            @Override
                            public void handle(long now) {
                                times[2] = System.nanoTime();
                                stop();
                                painted.countDown();
                            }
                        }.start();
                    }
                };
                scene.addPostLayoutPulseListener(layoutListener[0]);
                times[0] = System.nanoTime();
                Event.fireEvent(bench.screen, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false,
                        false));
                immediate.set(bench.screen.viewer().lastShowImmediate());
            });
            if (!painted.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no pulse after key " + i);
            }
            if (!immediate.get()) {
                misses++;
            }
            toLayout.add((times[1] - times[0]) / 1e6);
            // Painted: the first frame the render thread finished after this pulse's layout (it finished before the
            // next pulse started).
            long laidOut = times[1];
            Optional<Long> paintedAt = Optional.empty();
            for (int wait = 0; wait < 500 && paintedAt.isEmpty(); wait++) {
                paintedAt = rendered.stream().filter(t -> t >= laidOut).min(Long::compare);
                if (paintedAt.isEmpty()) {
                    Thread.sleep(1);
                }
            }
            paintedAt.ifPresent(t -> toPainted.add((t - times[0]) / 1e6));
            rendered.clear();
            toNextPulse.add((times[2] - times[0]) / 1e6);
            Thread.sleep(23 + (i * 7) % 17); // keys at irregular times, like a person
        }
        System.out.printf("key press -> frame in scene graph, laid out (ms): %s%n", summary(toLayout));
        System.out.printf("key press -> frame painted by the render thread (ms): %s%n", summary(toPainted));
        System.out.printf("key press -> next pulse after it was rendered, upper bound (ms): %s%n",
                summary(toNextPulse));
        System.out.printf("cache misses during the run: %d of %d presses%n", misses, presses);

        // Playback of the warm shot at its own rate for six seconds (three loops of 48 frames at 24 fps).
        long[] shown = new long[2];
        ScreenshotTour.fx(() -> bench.screen.model().currentFrameProperty().addListener((o, a, b) -> {
            shown[0]++;
            if (!bench.screen.viewer().lastShowImmediate()) {
                shown[1]++;
            }
        }));
        ScreenshotTour.fx(() -> {
            bench.screen.model().goToFirstFrame();
            bench.screen.model().togglePlay(System.nanoTime());
        });
        Thread.sleep(6000);
        long[] result = new long[2];
        ScreenshotTour.fx(() -> {
            result[0] = bench.screen.model().droppedFramesProperty().get();
            result[1] = bench.screen.model().currentFrameProperty().get();
            bench.screen.model().stop();
        });
        System.out.printf("playback at %s fps for 6 s (%d frames due): %d frame changes, %d not yet decoded,"
                + " dropped (counter) %d%n", project.shots().get(0).rate().displayName(), 6 * 24, shown[0], shown[1],
                result[0]);
    }

    private static void pulses(Bench bench, Project project, boolean withImportLoad) throws Exception {
        measurePulses(Duration.ofSeconds(2)); // start-up settles
        List<Double> idle = measurePulses(Duration.ofSeconds(8));
        // Background load as many threads as cores: the scoring job (the double doing a real ImageIO decode and a
        // colour statistic per 1080p frame, results streaming into the timeline) and an "import" decoding every
        // frame of every variant on one thread.
        ScreenshotTour.fx(() -> bench.screen.model().startScoring());
        FrameImageCache other = new FrameImageCache(512L << 20, 1);
        if (withImportLoad) {
            for (Shot shot : project.shots()) {
                for (Variant v : shot.variants()) {
                    ((ImageSequence) v.media()).files().values().forEach(other::prefetch);
                }
            }
        }
        List<Double> busy = measurePulses(Duration.ofSeconds(12));
        String scoring = ScreenshotTour.onFx(() -> bench.screen.model().scoringStatusProperty().get());
        System.out.printf("idle pulse gaps (ms): %s%n", summary(idle));
        System.out.printf("busy pulse gaps (ms): %s%n", summary(busy));
        System.out.printf("gaps over 50 ms while busy: %d of %d; scoring status at the end: %s%n",
                busy.stream().filter(g -> g > 50).count(), busy.size(), scoring);
        // When they happened: at the start of the job (first use of code paths) or anywhere (pauses, CPU).
        StringBuilder when = new StringBuilder();
        double elapsed = 0;
        for (double gap : busy) {
            elapsed += gap;
            if (gap > 50) {
                when.append(String.format(java.util.Locale.ROOT, " %.0f ms at %.2f s;", gap, elapsed / 1000));
            }
        }
        System.out.println("gaps over 50 ms, length and time since the job started:" + when);
        other.shutdown();
    }

    private static void pulsesWhileImporting(Path projectDir) throws Exception {
        measurePulses(Duration.ofSeconds(2)); // start-up settles
        List<Double> idle = measurePulses(Duration.ofSeconds(4));
        List<Path> frames;
        try (java.util.stream.Stream<Path> files = Files.walk(projectDir.resolve("shots"))) {
            frames = files.filter(f -> f.toString().endsWith(".png")).toList();
        }
        long later = System.currentTimeMillis();
        for (Path frame : frames) {
            Files.setLastModifiedTime(frame, java.nio.file.attribute.FileTime.fromMillis(later));
        }
        javafx.concurrent.Task<dev.onmodel.core.store.ImportReport> rescan = MediaUpdate.task(projectDir, null);
        long started = System.nanoTime();
        long[] ended = new long[1];
        Thread importing = new Thread(() -> {
            rescan.run();
            ended[0] = System.nanoTime();
        }, "bench-rescan");
        importing.setDaemon(true);
        importing.start();
        List<Double> busy = measurePulses(Duration.ofSeconds(12));
        importing.join();
        String outcome;
        try {
            outcome = MediaUpdate.summary(rescan.get());
        } catch (java.util.concurrent.ExecutionException e) {
            outcome = String.valueOf(e.getCause());
        }
        System.out.printf("rescan of %d touched frames took %.1f s: %s%n", frames.size(),
                (ended[0] - started) / 1e9, outcome);
        System.out.printf("idle pulse gaps (ms): %s%n", summary(idle));
        System.out.printf("busy pulse gaps (ms): %s%n", summary(busy));
        System.out.printf("gaps over 50 ms while importing: %d of %d%n", busy.stream().filter(g -> g > 50).count(),
                busy.size());
    }

    private static void pulsesWhileExporting(Project project) throws Exception {
        measurePulses(Duration.ofSeconds(2)); // start-up settles
        List<Double> idle = measurePulses(Duration.ofSeconds(4));
        Path out = Files.createTempDirectory("onmodel-bench-export").resolve("report.html");
        dev.onmodel.app.ui.export.ExportViewModel export = new dev.onmodel.app.ui.export.ExportViewModel(project);
        long started = System.nanoTime();
        long[] ended = new long[1];
        String[] outcome = {""};
        Thread exporting = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                javafx.concurrent.Task<dev.onmodel.core.editorial.EditorialExport.Outcome> task = export.exportTask(
                        new dev.onmodel.core.editorial.EditorialExport.Request(
                                dev.onmodel.core.editorial.EditorialExport.Format.REPORT, out, project.rate(), "01:00:00:00",
                                dev.onmodel.core.editorial.MissingPolicy.BEST));
                task.run();
                try {
                    outcome[0] = String.valueOf(task.get());
                } catch (Exception e) {
                    outcome[0] = String.valueOf(e.getCause());
                }
            }
            ended[0] = System.nanoTime();
        }, "bench-export");
        exporting.setDaemon(true);
        exporting.start();
        List<Double> busy = measurePulses(Duration.ofSeconds(12));
        exporting.join();
        System.out.printf("three HTML report exports took %.1f s (%s): %s%n", (ended[0] - started) / 1e9,
                Files.exists(out) ? (Files.size(out) >> 10) + " KB" : "no file", outcome[0]);
        System.out.printf("idle pulse gaps (ms): %s%n", summary(idle));
        System.out.printf("busy pulse gaps (ms): %s%n", summary(busy));
        System.out.printf("gaps over 50 ms while exporting: %d of %d%n", busy.stream().filter(g -> g > 50).count(),
                busy.size());
    }

    private static List<Double> measurePulses(Duration duration) throws InterruptedException {
        List<Double> gaps = Collections.synchronizedList(new ArrayList<>());
        long[] last = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (last[0] != 0) {
                    gaps.add((t - last[0]) / 1e6);
                }
                last[0] = t;
            }
        };
        Platform.runLater(timer::start);
        Thread.sleep(duration.toMillis());
        Platform.runLater(timer::stop);
        Thread.sleep(100);
        return new ArrayList<>(gaps);
    }

    /** A scorer doing real work per frame: ImageIO decode of the 1080p PNG and a mean-brightness statistic. */
    private static java.util.function.Function<JsonFileReviewSession.FrameKey,
            Optional<dev.onmodel.app.session.FrameScore>> cpuScorer(Project project) {
        return key -> {
            Variant variant = project.shot(key.shot()).flatMap(s -> s.variant(key.variant())).orElseThrow();
            Path file = ((ImageSequence) variant.media()).file(key.frame()).orElseThrow();
            try {
                BufferedImage image = ImageIO.read(file.toFile());
                long sum = 0;
                for (int y = 0; y < image.getHeight(); y += 4) {
                    for (int x = 0; x < image.getWidth(); x += 4) {
                        sum += image.getRGB(x, y) & 0xff;
                    }
                }
                int score = (int) (sum % 101);
                return Optional.of(new dev.onmodel.app.session.FrameScore(key.shot(), key.variant(), key.frame(),
                        score, dev.onmodel.app.session.ScoreBand.of(score, 80, 60), List.of(), Optional.empty(),
                        Optional.empty(), Optional.empty(), "benchmark load"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format("n=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f", sorted.size(), pct(sorted, 50),
                pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // ---- timeline ----------------------------------------------------------------------------------------------

    /** Paint cost of the timeline for a 2,000-frame shot with 4 variants, every frame decided and scored. */
    private static void timeline() throws Exception {
        Thread fx = new Thread(() -> Application.launch(Host.class), "fx-launch");
        fx.setDaemon(true);
        fx.start();
        Stage stage = Host.STAGE.get(60, TimeUnit.SECONDS);
        List<Shot> shots = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            String shotName = String.format("sh%03d", (s + 1) * 10);
            int length = s == 0 ? 2000 : 48 + s * 7;
            List<Variant> variants = new ArrayList<>();
            for (int v = 1; v <= (s == 0 ? 4 : 2); v++) {
                java.util.TreeMap<Long, Path> files = new java.util.TreeMap<>();
                for (long f = 1001; f < 1001 + length; f++) {
                    files.put(f, Path.of("/nonexistent", shotName, "v00" + v, shotName + "." + f + ".png"));
                }
                variants.add(new Variant(shotName, "v00" + v, new ImageSequence(Path.of("/nonexistent"), shotName,
                        ".", 4, "png", files)));
            }
            shots.add(new Shot(shotName, dev.onmodel.core.time.FrameRate.FPS_24, length, List.of(), variants));
        }
        Project project = new Project("timeline bench", Path.of("/nonexistent"), dev.onmodel.core.time.FrameRate.FPS_24,
                List.of(), shots);
        java.util.Random random = new java.util.Random(7);
        JsonFileReviewSession session = new JsonFileReviewSession(null, new Reviewer("bench", Role.ANIMATOR), "bench",
                key -> {
                    int score = 40 + random.nextInt(60);
                    return Optional.of(new dev.onmodel.app.session.FrameScore(key.shot(), key.variant(), key.frame(),
                            score, dev.onmodel.app.session.ScoreBand.of(score, 80, 60), List.of(), Optional.empty(),
                            Optional.empty(), Optional.empty(), ""));
                });
        for (int i = 0; i < 400; i++) {
            long first = 1001 + random.nextInt(1990);
            session.record(new dev.onmodel.app.session.DecisionDraft("sh010", "v00" + (1 + random.nextInt(4)),
                    dev.onmodel.core.time.FrameRange.ofInclusive(first, Math.min(3000, first + random.nextInt(40))),
                    dev.onmodel.core.model.Verdict.values()[random.nextInt(3)], "")).join();
        }
        ReviewScreen[] screen = new ReviewScreen[1];
        FrameImageCache cache = new FrameImageCache(64L << 20, 1);
        ScreenshotTour.fx(() -> {
            screen[0] = new ReviewScreen(new ReviewViewModel(project, session, Platform::runLater), cache,
                    new DifferenceImages(), KeyMap.defaults());
            Scene scene = new Scene(screen[0], 1600, 1000);
            scene.getStylesheets().add(WorkstationApp.class.getResource("onmodel.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            screen[0].model().startScoring();
        });
        ScreenshotTour.waitFor(() -> ScreenshotTour.onFx(() -> screen[0].model().scoringProperty().get() ? null
                : Boolean.TRUE), 120);
        Thread.sleep(500);
        TimelineViewAccess timeline = new TimelineViewAccess(screen[0]);
        for (double zoom : new double[] {0, 4, 20}) {
            ScreenshotTour.fx(() -> {
                screen[0].timeline().fit();
                if (zoom > 0) {
                    // From fit (about 0.75 px a frame at this width) to the asked pixels per frame.
                    screen[0].timeline().zoom(zoom / (1500.0 / 2000));
                }
            });
            List<Double> paints = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                long before = timeline.paints();
                ScreenshotTour.fx(() -> screen[0].timeline().invalidate());
                ScreenshotTour.waitFor(() -> timeline.paints() > before ? Boolean.TRUE : null, 10);
                if (i >= 30) { // the first 30 warm the JIT up
                    paints.add(timeline.lastPaintMillis());
                }
            }
            System.out.printf("timeline paint, 2,000-frame shot x 4 lanes + 19 shots, %s: %s%n",
                    zoom == 0 ? "fit (~0.75 px/frame)" : zoom + " px/frame", summary(paints));
        }
        List<Double> steps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long before = timeline.paints();
            long started = System.nanoTime();
            ScreenshotTour.fx(() -> screen[0].model().step(1));
            steps.add((System.nanoTime() - started) / 1e6);
            if (timeline.paints() != before) {
                steps.set(steps.size() - 1, steps.get(steps.size() - 1) + timeline.lastPaintMillis());
            }
        }
        System.out.printf("step one frame at 20 px/frame (round trip to the FX thread incl. any repaint): %s%n",
                summary(steps));
        Platform.exit();
        System.exit(0);
    }

    /** Reads the timeline's paint counters on the FX thread. */
    private record TimelineViewAccess(ReviewScreen screen) {
        long paints() {
            return ScreenshotTour.onFx(() -> screen.timeline().paintCount());
        }

        double lastPaintMillis() {
            return ScreenshotTour.onFx(() -> screen.timeline().lastPaintNanos()) / 1e6;
        }
    }

    // ---- cold start ----------------------------------------------------------------------------------------------

    /**
     * Runs the real launcher ({@code ./onmodel open PROJECT}, from the repository root) as a user does, with
     * {@code -Donmodel.startupCheck=true} so the app prints when its first frame was painted and closes. First a run
     * that records the launcher's class-data archive, then rounds alternating with the archive and without it
     * ({@code ONMODEL_CDS=off}). The wall time counts from starting the launcher to the line being printed.
     */
    private static void coldStart(Path projectDir, Path work, int rounds) throws Exception {
        Path launcher = Path.of("onmodel").toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("run from the repository root: ./onmodel not found");
        }
        Path home = Files.createDirectories(work.resolve("home-coldstart"));
        new PreferencesStore(home.resolve("preferences.json")).save(Preferences.defaults()
                .withReviewer("bench", "animator"));
        Path archive = Path.of("app", "target", "onmodel.jsa");
        System.out.println("load average before: " + loadAverage());
        // Imports the project into its store if it never was (a first open), so every measured run opens the same.
        Start prime = launch(launcher, projectDir, home, false);
        System.out.printf("priming run (store imported if needed, no archive): %d ms%n", prime.wallMillis());
        Files.deleteIfExists(archive);
        Start recording = launch(launcher, projectDir, home, true);
        System.out.printf("recording run (writes %s at exit): first frame after %d ms, launcher done after %d ms;"
                + " archive %s%n", archive, recording.wallMillis(), recording.exitMillis(),
                Files.exists(archive) ? (Files.size(archive) >> 20) + " MB" : "NOT WRITTEN");
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        List<Double> withJvm = new ArrayList<>();
        List<Double> withoutJvm = new ArrayList<>();
        List<Double> withCpu = new ArrayList<>();
        List<Double> withoutCpu = new ArrayList<>();
        List<Double> withFx = new ArrayList<>();
        List<Double> withoutFx = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            // Alternating, so a change in the machine's load touches both columns alike.
            Start a = launch(launcher, projectDir, home, true);
            Start b = launch(launcher, projectDir, home, false);
            with.add((double) a.wallMillis());
            withJvm.add((double) a.jvmMillis());
            without.add((double) b.wallMillis());
            withoutJvm.add((double) b.jvmMillis());
            withCpu.add((double) a.cpuMillis());
            withoutCpu.add((double) b.cpuMillis());
            withFx.add((double) a.fxCpuMillis());
            withoutFx.add((double) b.fxCpuMillis());
            System.out.printf("  round %d: with archive %d ms (CPU %d ms, FX thread %d ms), without %d ms (CPU %d ms,"
                    + " FX thread %d ms) (load %s)%n", i + 1, a.wallMillis(), a.cpuMillis(), a.fxCpuMillis(),
                    b.wallMillis(), b.cpuMillis(), b.fxCpuMillis(), loadAverage());
        }
        System.out.printf("launcher start -> first frame painted, with archive (ms):    %s%n", summary(with));
        System.out.printf("launcher start -> first frame painted, without archive (ms): %s%n", summary(without));
        System.out.printf("JVM start -> first frame painted, with / without archive: median %.0f / %.0f ms%n",
                median(withJvm), median(withoutJvm));
        System.out.printf("ratio without / with archive (medians): %.2f%n", median(without) / median(with));
        // CPU time barely depends on the machine's load: on a quiet 2-core machine the start takes at least half of
        // it (both cores busy) and at most the FX thread's part plus what cannot overlap it.
        System.out.printf("CPU time to first frame, with / without archive: median %.0f / %.0f ms (ratio %.2f);"
                + " of it on the FX thread %.0f / %.0f ms%n", median(withCpu), median(withoutCpu),
                median(withoutCpu) / median(withCpu), median(withFx), median(withoutFx));
        System.out.println("load average after: " + loadAverage() + "; project " + projectDir);
    }

    private record Start(long wallMillis, long jvmMillis, long exitMillis, long cpuMillis, long fxCpuMillis) {
    }

    private static Start launch(Path launcher, Path projectDir, Path home, boolean archive) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "open", projectDir.toString())
                .redirectErrorStream(true);
        builder.environment().put("ONMODEL_HOME", home.toString());
        builder.environment().put("ONMODEL_JAVA_OPTS", "-Dprism.order=" + System.getProperty("prism.order", "sw")
                + " -D" + WorkstationApp.STARTUP_CHECK + "=true "
                + System.getProperty("bench.javaOpts", "")); // flags to try against the launcher's own
        if (archive) {
            builder.environment().remove("ONMODEL_CDS");
        } else {
            builder.environment().put("ONMODEL_CDS", "off");
        }
        long started = System.nanoTime();
        Process process = builder.start();
        long wall = -1;
        long jvm = -1;
        long cpu = -1;
        long fxCpu = -1;
        StringBuilder output = new StringBuilder();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                var matcher = java.util.regex.Pattern.compile(
                        "first frame painted (\\d+) ms .*CPU time (\\d+) ms, of it on the FX thread (\\d+) ms")
                        .matcher(line);
                if (matcher.find()) {
                    wall = (System.nanoTime() - started) / 1_000_000;
                    jvm = Long.parseLong(matcher.group(1));
                    cpu = Long.parseLong(matcher.group(2));
                    fxCpu = Long.parseLong(matcher.group(3));
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS) || wall < 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the window did not report its first frame:\n" + output);
        }
        return new Start(wall, jvm, (System.nanoTime() - started) / 1_000_000, cpu, fxCpu);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

}
