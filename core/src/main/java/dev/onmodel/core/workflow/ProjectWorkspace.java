package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.FrameScore;
import dev.onmodel.core.consistency.ProjectScoreSink;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.ProjectScorer;
import dev.onmodel.core.consistency.ScoringProgress;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.project.ProjectSettings;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.ImportReport;
import dev.onmodel.core.store.MediaImporter;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.ShotCast;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.store.StoreOptions;
import dev.onmodel.core.store.StoredFrame;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.store.VariantKey;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One open project as the CLI commands and the window work with it: its review store, the project structure as
 * imported into the store, the consistency engine for its sheets, and the steps that connect them (import, score
 * into the store, review facts for the editorial export).
 *
 * <p>Opening imports the project when the store has no structure yet, or when {@link Options#rescan()} asks for it;
 * otherwise the structure comes from the store without listing a folder. Close it to close the store.
 */
public final class ProjectWorkspace implements AutoCloseable {

    /**
     * How to open a workspace.
     *
     * @param rescan   import (rescan) the media even when the store already holds the structure
     * @param importing how the media importer inspects files
     * @param storing  how the store is opened (read-only, durability...)
     */
    public record Options(boolean rescan, ImportOptions importing, StoreOptions storing) {
        public Options {
            Objects.requireNonNull(importing, "importing");
            Objects.requireNonNull(storing, "storing");
        }

        public static Options defaults() {
            return new Options(false, ImportOptions.defaults(), StoreOptions.defaults());
        }

        public Options withRescan(boolean value) {
            return new Options(value, importing, storing);
        }

        public Options withImporting(ImportOptions value) {
            return new Options(rescan, value, storing);
        }

        public Options withStoring(StoreOptions value) {
            return new Options(rescan, importing, value);
        }
    }

    /**
     * What a scoring run did.
     *
     * @param summary       the scorer's summary (frames, from cache, casts, cancelled)
     * @param problems      files or variants that could not be scored, with the reason
     * @param flaggedFrames frames whose worst character is outside the ok band
     * @param digestedFiles files digested to prove their identity (changed since import, or never imported)
     * @param unchangedFrames frames whose stored scores were already the same (nothing written for them)
     * @param standingFrames  of those, frames of shots whose stored scores still stood, so that neither their
     *                        cached analyses were read nor they were scored again ({@link StandingScores})
     * @param seconds       wall-clock time of the run
     */
    public record ScoreRun(ProjectScorer.Summary summary, List<MediaProblem> problems, int flaggedFrames,
                           int digestedFiles, int unchangedFrames, int standingFrames, double seconds) {
        public ScoreRun {
            problems = List.copyOf(problems);
        }
    }

    private final ReviewStore store;
    private final Project project;
    private final Optional<ImportReport> importReport;
    private final ScoringSettings scoringSettings;
    private final boolean projectSetsThresholds;
    private final Optional<String> settingsProblem;

    private ProjectWorkspace(ReviewStore store, Project project, Optional<ImportReport> importReport,
                             ScoringSettings scoringSettings, boolean projectSetsThresholds,
                             Optional<String> settingsProblem) {
        this.store = store;
        this.project = project;
        this.importReport = importReport;
        this.scoringSettings = scoringSettings;
        this.projectSetsThresholds = projectSetsThresholds;
        this.settingsProblem = settingsProblem;
    }

    /**
     * Checks that {@code project.json} of {@code root} can be used for scoring (valid JSON, valid thresholds), for
     * callers that must not score with the defaults in its place (a pipeline's {@code onmodel score --project}).
     *
     * @throws IOException naming project.json and what is wrong
     */
    public static void checkSettings(Path root) throws IOException {
        scoringSettings(root, ProjectReader.readSettings(root).thresholds());
    }

    /** Opens the project folder {@code root} with {@link Options#defaults()}. */
    public static ProjectWorkspace open(Path root) throws IOException, StoreException {
        return open(root, Options.defaults());
    }

    /**
     * Opens the store of {@code root}, importing the media when the store holds no structure yet or when asked.
     *
     * @throws StoreException the store's failure (damaged, newer, read-only without an import, busy...)
     * @throws IOException    the project folder or project.json cannot be read during an import
     */
    public static ProjectWorkspace open(Path root, Options options) throws IOException, StoreException {
        return open(root, options, MediaImporter.Progress.NONE);
    }

    /**
     * As {@link #open(Path, Options)}, telling {@code importing} how far an import done while opening has got (it
     * is not called when the store already holds the structure). Interrupting the calling thread cancels the import
     * before anything is recorded ({@link java.io.InterruptedIOException}); the store is closed then.
     */
    public static ProjectWorkspace open(Path root, Options options, MediaImporter.Progress importing)
            throws IOException, StoreException {
        Objects.requireNonNull(importing, "importing");
        // A project.json whose settings cannot be used does not keep the project from opening (its decisions can
        // still be reviewed): the engine's defaults apply and the problem is told (settingsProblem()).
        ProjectSettings.Thresholds thresholds = null;
        ScoringSettings scoring = ScoringSettings.defaults();
        Optional<String> settingsProblem = Optional.empty();
        try {
            thresholds = ProjectReader.readSettings(root).thresholds();
            scoring = scoringSettings(root, thresholds);
        } catch (IOException e) {
            thresholds = null;
            settingsProblem = Optional.of(e.getMessage());
        }
        ReviewStore store = ReviewStore.open(root, options.storing());
        try {
            Optional<ImportReport> report = Optional.empty();
            // project.json edited since the last import (a cast set, shots reordered): import again, which records
            // what it now says; the frames' records make that a metadata pass. Not while it cannot be read: the
            // import would fail on it, and the project opens as last imported, the problem told.
            boolean settingsEdited = store.hasStructure() && settingsProblem.isEmpty() && !store
                    .importedSettingsIdentity().equals(Optional.of(ProjectLayout.settingsIdentity(root)));
            if ((options.rescan() || !store.hasStructure() || settingsEdited) && !store.isReadOnly()) {
                report = Optional.of(new MediaImporter(store, options.importing()).importProject(importing));
            }
            Optional<Project> project = store.loadProject();
            if (project.isEmpty()) {
                throw new StoreException(StoreException.Kind.INVALID_REQUEST, store.projectRoot()
                        + ": nothing has been imported into this project's store and it cannot import now ("
                        + store.readOnlyReason().orElse("no structure") + ")");
            }
            return new ProjectWorkspace(store, project.get(), report, scoring, thresholds != null, settingsProblem);
        } catch (IOException | StoreException | RuntimeException e) {
            try {
                store.close();
            } catch (StoreException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * The engine's defaults with the score thresholds {@code project.json} sets: read each time the project is
     * opened (not recorded by the import), so that a changed threshold applies to the next scoring.
     */
    private static ScoringSettings scoringSettings(Path root, ProjectSettings.Thresholds thresholds)
            throws IOException {
        ScoringSettings defaults = ScoringSettings.defaults();
        if (thresholds == null) {
            return defaults;
        }
        try {
            int[] resolved = thresholds.resolve((int) defaults.okThreshold(), (int) defaults.offModelThreshold());
            return defaults.withThresholds(resolved[0], resolved[1]);
        } catch (IllegalArgumentException e) {
            throw new IOException(ProjectLayout.projectFile(root) + ": not a valid project file: " + e.getMessage(), e);
        }
    }

    public ReviewStore store() {
        return store;
    }

    /**
     * How this project is scored: the engine's defaults, with the score thresholds of {@code project.json} when it
     * sets them. Every scoring of the project (the window's, {@code onmodel score --project}) starts from these.
     */
    public ScoringSettings scoringSettings() {
        return scoringSettings;
    }

    /**
     * Why {@code project.json}'s settings could not be used when the project was opened (the engine's defaults apply
     * meanwhile); empty when they could.
     */
    public Optional<String> settingsProblem() {
        return settingsProblem;
    }

    /** Whether {@code project.json} sets the score thresholds (then they are the project's, not a reviewer's). */
    public boolean projectSetsThresholds() {
        return projectSetsThresholds;
    }

    /** The project as recorded in the store (media paths resolved against the store's media root). */
    public Project project() {
        return project;
    }

    /** The import done while opening, if one was. */
    public Optional<ImportReport> importReport() {
        return importReport;
    }

    /** A consistency engine for the project's character sheets; its warnings name skipped sheet views. */
    public ConsistencyEngine engine(ScoringSettings settings) {
        return ConsistencyEngine.load(project.characters(), settings);
    }

    /**
     * Told about each frame once its scores are stored, and about each file or variant that could not be scored.
     * Called from the scorer's worker threads, possibly concurrently.
     */
    public interface FrameListener {
        void scored(Variant variant, long frame, FrameScore score);

        default void problem(MediaProblem problem) {
        }

        /**
         * False when {@link #scored} ignores what it is given: frames whose stored scores still stand are then not
         * read back into scores only to be dropped.
         */
        default boolean wantsScores() {
            return true;
        }

        static FrameListener none() {
            return new FrameListener() {
                @Override
                public void scored(Variant variant, long frame, FrameScore score) {
                }

                @Override
                public boolean wantsScores() {
                    return false;
                }
            };
        }
    }

    /**
     * Scores every variant of the project into the store: analyses through {@link StoreAnalysisCache} (an
     * unchanged frame is neither digested nor decoded), scores and casts through {@link StoreScoreSink} (frames
     * whose stored scores are already the same are not written again). A cast proposed by an earlier run is reused
     * while it still holds (see {@link #proposedCastsToReuse}).
     *
     * @param progress called from worker threads with frames done and the project's total
     * @throws IOException when the scores cannot be stored (the store's message)
     */
    public ScoreRun score(ConsistencyEngine engine, int threads, ScoringProgress progress, Cancellation cancellation)
            throws IOException, StoreException {
        return score(engine, project, threads, progress, cancellation, FrameListener.none());
    }

    /**
     * As {@link #score(ConsistencyEngine, int, ScoringProgress, Cancellation)}, but only for {@code variants} (shots
     * with none of them are left out) and telling {@code listener} about each frame as soon as it is stored, so the
     * window can show scores while the run goes on.
     */
    public ScoreRun score(ConsistencyEngine engine, List<Variant> variants, int threads, ScoringProgress progress,
                          Cancellation cancellation, FrameListener listener) throws IOException, StoreException {
        return score(engine, subset(project, variants), threads, progress, cancellation, listener);
    }

    private ScoreRun score(ConsistencyEngine engine, Project scored, int threads, ScoringProgress progress,
                           Cancellation cancellation, FrameListener listener) throws IOException, StoreException {
        long start = System.nanoTime();
        Map<VariantKey, NavigableMap<Long, StoredFrame>> imported = store.storedFrames();
        StoreAnalysisCache cache = StoreAnalysisCache.open(store, project.root(), imported);
        Map<VariantKey, NavigableMap<Long, List<StoredScore>>> previous = store.allScores();
        Map<String, ShotCast> casts = store.casts();
        Map<String, List<String>> reused = proposedCastsToReuse(scored, casts, previous, engine.fingerprint(),
                engine.characters());
        Project withCasts = withCasts(scored, reused);
        List<StandingScores.StandingShot> standing = StandingScores.find(withCasts, imported, store.movieFiles(),
                previous, engine.fingerprint(), engine.settings(), engine.characters());
        int total = frameCount(withCasts);
        int standingFrames = 0;
        int standingFlagged = 0;
        Set<String> standingShots = new HashSet<>();
        for (StandingScores.StandingShot shot : standing) {
            standingShots.add(shot.shot().name());
            for (Map.Entry<Variant, NavigableMap<Long, List<StoredScore>>> variant : shot.frames().entrySet()) {
                for (Map.Entry<Long, List<StoredScore>> frame : variant.getValue().entrySet()) {
                    if (listener.wantsScores()) {
                        try {
                            listener.scored(variant.getKey(), frame.getKey(), StandingScores.score(frame.getValue()));
                        } catch (IllegalArgumentException unreadable) {
                            // Written by this engine but not readable by this build: the window leaves such rows
                            // out when it loads them too, and has nothing newer to show.
                        }
                    }
                    standingFlagged += StandingScores.flagged(frame.getValue()) ? 1 : 0;
                }
            }
            standingFrames += shot.frameCount();
            progress.update(standingFrames, total);
        }
        int alreadyDone = standingFrames;
        StoreScoreSink sink = new StoreScoreSink(store, store.mediaRoot(), engine.fingerprint(), previous, casts);
        ProjectScorer.Summary scoredSummary;
        try {
            scoredSummary = new ProjectScorer(engine, cache).score(without(withCasts, standingShots),
                    new ReusedCastSink(sink, reused.keySet(), listener), threads,
                    (done, n) -> progress.update(alreadyDone + done, alreadyDone + n), cancellation);
        } finally {
            // Analyses made before a failure or cancellation are still worth keeping.
            cache.flush();
        }
        Map<String, List<String>> allCasts = new LinkedHashMap<>();
        for (Shot shot : withCasts.shots()) {
            List<String> cast = standingShots.contains(shot.name()) ? shot.cast() : scoredSummary.casts().get(shot.name());
            if (cast != null) {
                allCasts.put(shot.name(), cast);
            }
        }
        ProjectScorer.Summary summary = new ProjectScorer.Summary(scoredSummary.frames() + standingFrames,
                scoredSummary.cached() + standingFrames, scoredSummary.problems(), scoredSummary.cancelled(),
                allCasts);
        return new ScoreRun(summary, sink.problems(), sink.flaggedFrames() + standingFlagged, cache.digestedFiles(),
                sink.unchangedFrames() + standingFrames, standingFrames, (System.nanoTime() - start) / 1e9);
    }

    /** Frames of every sequence and movie: standing movie frames count towards the progress as the scorer's do. */
    private static int frameCount(Project project) {
        return project.shots().stream().flatMap(s -> s.variants().stream())
                .mapToInt(v -> v.media() instanceof ImageSequence q ? q.files().size()
                        : (int) ((MovieMedia) v.media()).frameCount()).sum();
    }

    /** The project without the named shots. */
    private static Project without(Project project, Set<String> shots) {
        if (shots.isEmpty()) {
            return project;
        }
        return new Project(project.name(), project.root(), project.rate(), project.characters(),
                project.shots().stream().filter(s -> !shots.contains(s.name())).toList());
    }

    /** The project with only the asked variants (shots without any are left out). */
    private static Project subset(Project project, List<Variant> variants) {
        Set<String> wanted = new HashSet<>();
        for (Variant variant : variants) {
            wanted.add(variant.qualifiedName());
        }
        List<Shot> shots = new ArrayList<>();
        for (Shot shot : project.shots()) {
            List<Variant> kept = shot.variants().stream().filter(v -> wanted.contains(v.qualifiedName())).toList();
            if (!kept.isEmpty()) {
                shots.add(kept.size() == shot.variants().size() ? shot
                        : new Shot(shot.name(), shot.rate(), shot.cutLength(), shot.cast(), kept));
            }
        }
        return new Project(project.name(), project.root(), project.rate(), project.characters(), shots);
    }

    /**
     * Shots without a cast in project.json whose earlier proposed cast still holds: proposed by the same engine
     * (fingerprint: version, settings, sheets), naming characters the engine knows, and every frame of every
     * variant of the shot (a sequence's files, a movie's frames) still has its scores from that engine. A rescan
     * drops the scores of changed frames and movies, so a changed shot proposes again. Reusing the proposal spares decoding its sample frames, which the
     * proposal does outside the analysis cache; without it an unchanged project would not be free to re-score.
     */
    static Map<String, List<String>> proposedCastsToReuse(Project project, Map<String, ShotCast> casts,
                                                         Map<VariantKey, NavigableMap<Long, List<StoredScore>>> scores,
                                                         String fingerprint, List<String> known) {
        Map<String, List<String>> reuse = new LinkedHashMap<>();
        for (Shot shot : project.shots()) {
            ShotCast cast = casts.get(shot.name());
            if (!shot.cast().isEmpty() || cast == null || !cast.proposed() || cast.characters().isEmpty()
                    || !cast.engineVersion().equals(fingerprint) || !known.containsAll(cast.characters())) {
                continue;
            }
            boolean allScored = true;
            for (Variant variant : shot.variants()) {
                NavigableMap<Long, List<StoredScore>> stored = scores.get(new VariantKey(shot.name(), variant.name()));
                for (Long frame : variant.media().frameNumbers()) {
                    List<StoredScore> rows = stored == null ? null : stored.get(frame);
                    if (rows == null || rows.isEmpty() || !rows.get(0).engineVersion().equals(fingerprint)) {
                        allScored = false;
                        break;
                    }
                }
                if (!allScored) {
                    break;
                }
            }
            if (allScored) {
                reuse.put(shot.name(), cast.characters());
            }
        }
        return reuse;
    }

    private static Project withCasts(Project project, Map<String, List<String>> casts) {
        if (casts.isEmpty()) {
            return project;
        }
        List<Shot> shots = new ArrayList<>();
        for (Shot shot : project.shots()) {
            List<String> cast = casts.get(shot.name());
            shots.add(cast == null ? shot : new Shot(shot.name(), shot.rate(), shot.cutLength(), cast, shot.variants()));
        }
        return new Project(project.name(), project.root(), project.rate(), project.characters(), shots);
    }

    /**
     * Records a reused proposal as still proposed (the scorer sees it as a cast given in the project) and tells the
     * listener about each stored frame.
     */
    private record ReusedCastSink(ProjectScoreSink sink, Set<String> reused, FrameListener listener)
            implements ProjectScoreSink {
        @Override
        public void cast(String shot, List<String> cast, boolean proposed) throws IOException {
            sink.cast(shot, cast, proposed || reused.contains(shot));
        }

        @Override
        public void frame(Variant variant, long frame, Path file, FrameScore score) throws IOException {
            sink.frame(variant, frame, file, score);
            listener.scored(variant, frame, score);
        }

        @Override
        public void problem(MediaProblem problem) throws IOException {
            sink.problem(problem);
            listener.problem(problem);
        }

        @Override
        public void finish() throws IOException {
            sink.finish();
        }
    }

    /** The review facts the editorial export reads, from the store as it is now. */
    public StoreReviewFacts facts() throws StoreException {
        return StoreReviewFacts.load(store);
    }

    @Override
    public void close() throws StoreException {
        store.close();
    }
}
