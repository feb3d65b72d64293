package dev.onmodel.core.sample;

import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectSettings;
import dev.onmodel.core.sample.BackdropPainter.Backdrop;
import dev.onmodel.core.sample.Pose.View;
import dev.onmodel.core.sample.ShotScript.DefectPlan;
import dev.onmodel.core.sample.ShotScript.ShotPlan;
import dev.onmodel.core.sample.ShotScript.Take;
import dev.onmodel.core.sample.ShotScript.VariantPlan;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates the sample project: three original characters with four-view sheets, six shots at 1280x720 and
 * 24 fps with two or three variants each, defects injected into some variants, {@code project.json},
 * {@code ground-truth.json} and a README. See docs/sample-project.md for what is where.
 *
 * <p><b>Deterministic:</b> the same {@link SampleOptions#seed()} and frame scale give byte-identical files, on
 * any number of threads. <b>Safe to interrupt:</b> everything is written into a hidden temporary folder beside
 * the target and moved into place at the end, {@code ground-truth.json} last; a cancelled or failed run leaves
 * nothing that {@link #isSampleProject} accepts. Cancel by interrupting the calling thread.
 *
 * <p>Typical use (first run of the workstation, {@code onmodel sample DIR}):
 * <pre>{@code
 * if (!SampleProjectGenerator.isSampleProject(dir)) {
 *     SampleSummary summary = SampleProjectGenerator.generate(dir, (done, total) -> showProgress(done, total));
 * }
 * }</pre>
 */
public final class SampleProjectGenerator {

    /** Project name written to project.json. */
    public static final String PROJECT_NAME = "OnModel sample";
    /** Frame rate of every shot. */
    public static final String FRAME_RATE = "24";
    /** The README written into the project. */
    public static final String README_FILE = "README.txt";

    /** A scaled-down variant never has fewer frames than this, so every defect keeps clean frames around it. */
    private static final int MIN_FRAMES = 8;
    /** Sheet images: kid height in pixels, image size, ground line. */
    private static final int SHEET_KID_HEIGHT = 380;
    private static final int SHEET_WIDTH = 420;
    private static final int SHEET_HEIGHT = 560;
    private static final int SHEET_GROUND = 532;
    /** Age after which a leftover work folder certainly belongs to no running generation. */
    private static final Duration STALE_AFTER = Duration.ofHours(1);

    /** The target folder holds something that is not a sample project; nothing was written. */
    public static final class NotASampleFolderException extends IOException {
        private static final long serialVersionUID = 1L;

        NotASampleFolderException(String message) {
            super(message);
        }
    }

    private SampleProjectGenerator() {
    }

    /**
     * Generates the shipped sample ({@link SampleOptions#defaults()}) into {@code targetDir}.
     *
     * @see #generate(Path, SampleOptions, ProgressListener)
     */
    public static SampleSummary generate(Path targetDir, ProgressListener listener)
            throws IOException, InterruptedException {
        return generate(targetDir, SampleOptions.defaults(), listener);
    }

    /**
     * Generates a sample project into {@code targetDir}, which may be missing, an empty folder or a previous sample
     * (whose generated files are replaced; anything else in it, such as onmodel.db, is kept).
     *
     * @param listener told after every file, on the calling thread
     * @return what was written
     * @throws NotASampleFolderException when {@code targetDir} is a file or a non-empty folder that is not a sample
     * @throws IOException               when writing fails (nothing half-written is left behind)
     * @throws InterruptedException      when the calling thread is interrupted (generation stops, nothing is left)
     */
    public static SampleSummary generate(Path targetDir, SampleOptions options, ProgressListener listener)
            throws IOException, InterruptedException {
        Path target = targetDir.toAbsolutePath().normalize();
        checkTarget(target);
        Path parent = target.getParent();
        if (parent == null) {
            throw new NotASampleFolderException(target + ": cannot generate into a file system root");
        }
        Files.createDirectories(parent);
        removeStaleWorkFolders(parent, target.getFileName().toString());
        Path work = Files.createTempDirectory(parent, "." + target.getFileName() + ".generating-");
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), renderThreads());
        try {
            SampleSummary summary = new Run(options, work, listener == null ? ProgressListener.NONE : listener, pool).write();
            install(work, target);
            return new SampleSummary(target, summary.seed(), summary.characters(), summary.shots(), summary.variants(),
                    summary.frames(), summary.defects());
        } finally {
            stopAndCleanUp(pool, work);
        }
    }

    /**
     * Stops the workers and deletes the work folder (empty after a successful install). Waiting for the workers
     * must not be cut short by the interrupt that may have brought us here, or a worker could still be writing
     * into the folder being deleted; the interrupt is restored afterwards.
     */
    private static void stopAndCleanUp(ExecutorService pool, Path work) throws IOException {
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IOException("sample render threads did not stop; " + work + " may need deleting by hand");
            }
            SampleFiles.deleteRecursively(work);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Deletes work folders that a killed generation (power cut, kill -9) left beside the target. Only old ones:
     * a folder touched in the last {@link #STALE_AFTER} may belong to a generation still running.
     */
    private static void removeStaleWorkFolders(Path parent, String targetName) throws IOException {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + targetName + ".{generating,replaced}-*")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                    stale.add(entry);
                }
            }
        }
        for (Path folder : stale) {
            SampleFiles.deleteRecursively(folder);
        }
    }

    /** True when {@code dir} holds a complete generated sample project. */
    public static boolean isSampleProject(Path dir) {
        return GroundTruth.isSample(dir);
    }

    /** The number of frame images a generation with {@code options} writes. */
    public static int frameCount(SampleOptions options) {
        int frames = 0;
        for (ShotPlan shot : ShotScript.shots()) {
            frames += shot.variants().size() * scaledCount(shot.frames(), options.frameScale());
        }
        return frames;
    }

    private static void checkTarget(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new NotASampleFolderException(target + " is a file; give a new or empty folder for the sample project");
        }
        if (isEmpty(target) || isSampleProject(target)) {
            return;
        }
        throw new NotASampleFolderException(target + " is not empty and is not an OnModel sample project; "
                + "give a new or empty folder (nothing was written)");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    /**
     * Moves the finished project from {@code work} to {@code target}. A previous sample keeps its non-generated
     * files; its ground truth goes first and comes back last, so an interruption never looks complete.
     */
    private static void install(Path work, Path target) throws IOException {
        if (!Files.exists(target)) {
            SampleFiles.move(work, target);
            return;
        }
        if (isEmpty(target)) {
            Files.delete(target);
            SampleFiles.move(work, target);
            return;
        }
        Files.deleteIfExists(target.resolve(ProjectLayout.GROUND_TRUTH_FILE));
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".replaced-");
        try {
            for (String entry : List.of(ProjectLayout.CHARACTERS_DIR, ProjectLayout.SHOTS_DIR,
                    ProjectLayout.PROJECT_FILE, README_FILE)) {
                if (Files.exists(target.resolve(entry))) {
                    SampleFiles.move(target.resolve(entry), old.resolve(entry));
                }
                SampleFiles.move(work.resolve(entry), target.resolve(entry));
            }
            SampleFiles.move(work.resolve(ProjectLayout.GROUND_TRUTH_FILE), target.resolve(ProjectLayout.GROUND_TRUTH_FILE));
        } finally {
            SampleFiles.deleteRecursively(old);
        }
    }

    private static ThreadFactory renderThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "onmodel-sample-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static int scaledCount(int frames, double scale) {
        return Math.min(frames, Math.max(MIN_FRAMES, (int) Math.round(frames * scale)));
    }

    /** Maps a 0-based index of the full-length variant onto a variant of {@code count} frames. */
    static int scaledIndex(int index, int frames, int count) {
        return count == frames ? index : (int) Math.round(index * (count - 1) / (double) (frames - 1));
    }

    /** The defects of {@code variant} with indices mapped onto a variant of {@code count} frames. */
    static List<DefectPlan> scaledDefects(ShotPlan shot, VariantPlan variant, int count) {
        List<DefectPlan> scaled = new ArrayList<>();
        for (DefectPlan d : variant.defects()) {
            scaled.add(new DefectPlan(d.character(), d.kind(), scaledIndex(d.firstIndex(), shot.frames(), count),
                    scaledIndex(d.lastIndex(), shot.frames(), count), d.swapWith(), d.distortion(), d.description()));
        }
        return scaled;
    }

    static String frameFileName(String shot, String variant, int frameNumber) {
        return String.format(Locale.ROOT, "%s_%s.%04d.png", shot, variant, frameNumber);
    }

    /** One generation: plans the jobs, runs them on the pool, writes the JSON files. */
    private static final class Run {
        private final SampleOptions options;
        private final Path root;
        private final ProgressListener listener;
        private final ExecutorService pool;
        private final FrameRenderer renderer = new FrameRenderer();
        private final List<ShotPlan> shots = ShotScript.shots();
        private int done;
        private int total;

        Run(SampleOptions options, Path root, ProgressListener listener, ExecutorService pool) {
            this.options = options;
            this.root = root;
            this.listener = listener;
            this.pool = pool;
        }

        SampleSummary write() throws IOException, InterruptedException {
            int sheets = Cast.ALL.size() * View.values().length;
            int frames = frameCount(options);
            total = sheets + frames + 3;
            Map<Backdrop, BufferedImage> backgrounds = paintBackgrounds();

            CompletionService<Integer> completion = new ExecutorCompletionService<>(pool);
            List<Future<Integer>> submitted = new ArrayList<>();
            for (CharacterDesign design : Cast.ALL) {
                for (View view : View.values()) {
                    submitted.add(completion.submit(() -> writeSheet(design, view)));
                }
            }
            List<GroundTruth.Frame> truthFrames = new ArrayList<>();
            List<InjectedDefect> defects = new ArrayList<>();
            List<ProjectSettings.ShotSettings> shotSettings = new ArrayList<>();
            int variantCount = 0;
            // Frame jobs fill fixed slots, so ground truth is in shot/variant/frame order however the pool schedules.
            List<GroundTruth.Frame[]> slots = new ArrayList<>();
            for (ShotPlan shot : shots) {
                int count = scaledCount(shot.frames(), options.frameScale());
                shotSettings.add(new ProjectSettings.ShotSettings(shot.name(), (long) count, FRAME_RATE, shot.cast()));
                for (VariantPlan variant : shot.variants()) {
                    variantCount++;
                    List<DefectPlan> variantDefects = scaledDefects(shot, variant, count);
                    for (DefectPlan d : variantDefects) {
                        defects.add(new InjectedDefect(shot.name(), variant.name(), d.character(), d.kind(),
                                ShotScript.FIRST_FRAME + d.firstIndex(), ShotScript.FIRST_FRAME + d.lastIndex(),
                                d.description()));
                    }
                    Take take = Take.of(options.seed(), shot.name(), variant);
                    GroundTruth.Frame[] slot = new GroundTruth.Frame[count];
                    slots.add(slot);
                    for (int i = 0; i < count; i++) {
                        int index = i;
                        submitted.add(completion.submit(() -> {
                            slot[index] = writeFrame(shot, variant, variantDefects, take, backgrounds.get(shot.backdrop()), index, count);
                            return 1;
                        }));
                    }
                }
            }
            for (int i = 0; i < submitted.size(); i++) {
                await(completion.take());
                progress();
            }
            for (GroundTruth.Frame[] slot : slots) {
                truthFrames.addAll(List.of(slot));
            }

            writeProjectFile(shotSettings);
            progress();
            writeReadme(defects, variantCount, frames);
            progress();
            GroundTruth truth = new GroundTruth(GroundTruth.GENERATOR, GroundTruth.VERSION, options.seed(), defects, truthFrames);
            SampleFiles.writeAtomically(root.resolve(ProjectLayout.GROUND_TRUTH_FILE), truth.toJson());
            progress();
            return new SampleSummary(root, options.seed(), Cast.ALL.stream().map(CharacterDesign::name).toList(),
                    shots.size(), variantCount, frames, defects);
        }

        private void progress() {
            done++;
            listener.progress(done, total);
        }

        private Map<Backdrop, BufferedImage> paintBackgrounds() throws IOException, InterruptedException {
            List<Callable<BufferedImage>> jobs = new ArrayList<>();
            List<Backdrop> order = new ArrayList<>();
            for (ShotPlan shot : shots) {
                if (!order.contains(shot.backdrop())) {
                    order.add(shot.backdrop());
                    long seed = options.seed() * 31 + shot.backdrop().ordinal();
                    jobs.add(() -> BackdropPainter.paint(shot.backdrop(), options.frameWidth(), options.frameHeight(), seed));
                }
            }
            Map<Backdrop, BufferedImage> painted = new EnumMap<>(Backdrop.class);
            List<Future<BufferedImage>> futures = pool.invokeAll(jobs);
            for (int i = 0; i < order.size(); i++) {
                painted.put(order.get(i), await(futures.get(i)));
            }
            return painted;
        }

        private int writeSheet(CharacterDesign design, View view) throws IOException {
            BufferedImage sheet = new BufferedImage(SHEET_WIDTH, SHEET_HEIGHT, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = sheet.createGraphics();
            try {
                BackdropPainter.smooth(g);
                new CharacterPainter().paint(g, design, design.palette(), Pose.standing(view), SHEET_WIDTH / 2.0,
                        SHEET_GROUND, SHEET_KID_HEIGHT);
            } finally {
                g.dispose();
            }
            Path file = ProjectLayout.charactersDir(root).resolve(design.name()).resolve(view.fileName() + ".png");
            SampleFiles.writeAtomically(file, SampleFiles.png(sheet));
            return 1;
        }

        private GroundTruth.Frame writeFrame(ShotPlan shot, VariantPlan variant, List<DefectPlan> defects, Take take,
                                             BufferedImage background, int index, int count) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("generation cancelled");
            }
            FrameRenderer.Rendered rendered = renderer.render(shot.backdrop(), background,
                    shot.choreography().block(index, count, take), defects, index);
            int frameNumber = ShotScript.FIRST_FRAME + index;
            Path file = ProjectLayout.shotsDir(root).resolve(shot.name()).resolve(variant.name())
                    .resolve(frameFileName(shot.name(), variant.name(), frameNumber));
            SampleFiles.writeAtomically(file, SampleFiles.png(rendered.image()));
            return new GroundTruth.Frame(shot.name(), variant.name(), frameNumber, rendered.characters());
        }

        private void writeProjectFile(List<ProjectSettings.ShotSettings> shotSettings) throws IOException {
            ProjectSettings settings = new ProjectSettings(PROJECT_NAME, FRAME_RATE, shotSettings);
            SampleFiles.writeAtomically(ProjectLayout.projectFile(root), GroundTruth.prettyWriter().writeValueAsBytes(settings));
        }

        private void writeReadme(List<InjectedDefect> defects, int variants, int frames) throws IOException {
            StringBuilder text = new StringBuilder();
            text.append("OnModel sample project\n")
                    .append("======================\n\n")
                    .append("Generated by OnModel (seed ").append(options.seed()).append(") to try the workstation on.\n")
                    .append("Everything here is drawn by a program: the characters are originals made for OnModel.\n\n")
                    .append("characters/   approved sheets: front, side, back and front_smile of each character\n");
            for (CharacterDesign c : Cast.ALL) {
                text.append("  ").append(c.name()).append(": ").append(c.summary()).append('\n');
            }
            text.append("shots/        ").append(shots.size()).append(" shots, ").append(variants).append(" variants, ")
                    .append(frames).append(" frames at 1280x720, 24 fps, numbered from ").append(ShotScript.FIRST_FRAME).append('\n');
            for (ShotPlan shot : shots) {
                text.append("  ").append(shot.name()).append(": ").append(shot.action()).append('\n');
            }
            text.append("project.json  name, frame rate, cut order, cut lengths and cast\n")
                    .append("ground-truth.json  the defects injected on purpose (and, per frame, who is drawn where)\n\n")
                    .append("Injected defects (frames not listed are on model):\n");
            for (InjectedDefect d : defects) {
                text.append(String.format(Locale.ROOT, "  %s %s %-16s %-5s %d-%d  %s", d.shot(), d.variant(),
                        d.kind().label(), d.character(), d.first(), d.last(), d.description())).append('\n');
            }
            text.append("\nRegenerate with: onmodel sample DIR\n");
            SampleFiles.writeAtomically(root.resolve(README_FILE), text.toString().getBytes(StandardCharsets.UTF_8));
        }

        private static <T> T await(Future<T> future) throws IOException, InterruptedException {
            try {
                return future.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException("sample generation failed: " + cause, cause);
            }
        }
    }
}
