package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.ProjectScorer;
import dev.onmodel.core.consistency.ScoringProgress;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.ImportReport;
import dev.onmodel.core.store.MediaImporter;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.store.StoreOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
     * @param seconds       wall-clock time of the run
     */
    public record ScoreRun(ProjectScorer.Summary summary, List<MediaProblem> problems, int flaggedFrames,
                           int digestedFiles, int unchangedFrames, double seconds) {
        public ScoreRun {
            problems = List.copyOf(problems);
        }
    }

    private final ReviewStore store;
    private final Project project;
    private final Optional<ImportReport> importReport;

    private ProjectWorkspace(ReviewStore store, Project project, Optional<ImportReport> importReport) {
        this.store = store;
        this.project = project;
        this.importReport = importReport;
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
        ReviewStore store = ReviewStore.open(root, options.storing());
        try {
            Optional<ImportReport> report = Optional.empty();
            if ((options.rescan() || !store.hasStructure()) && !store.isReadOnly()) {
                report = Optional.of(new MediaImporter(store, options.importing()).importProject());
            }
            Optional<Project> project = store.loadProject();
            if (project.isEmpty()) {
                throw new StoreException(StoreException.Kind.INVALID_REQUEST, store.projectRoot()
                        + ": nothing has been imported into this project's store and it cannot import now ("
                        + store.readOnlyReason().orElse("no structure") + ")");
            }
            return new ProjectWorkspace(store, project.get(), report);
        } catch (IOException | StoreException | RuntimeException e) {
            try {
                store.close();
            } catch (StoreException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    public ReviewStore store() {
        return store;
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
     * Scores every variant of the project into the store: analyses through {@link StoreAnalysisCache} (an
     * unchanged frame is neither digested nor decoded), scores and casts through {@link StoreScoreSink} (frames
     * whose stored scores are already the same are not written again).
     *
     * @param progress called from worker threads with frames done and the project's total
     * @throws IOException when the scores cannot be stored (the store's message)
     */
    public ScoreRun score(ConsistencyEngine engine, int threads, ScoringProgress progress, Cancellation cancellation)
            throws IOException, StoreException {
        long start = System.nanoTime();
        StoreAnalysisCache cache = StoreAnalysisCache.open(store, project.root());
        StoreScoreSink sink = new StoreScoreSink(store, store.mediaRoot(), engine.fingerprint(), store.allScores(),
                store.casts());
        ProjectScorer.Summary summary;
        try {
            summary = new ProjectScorer(engine, cache).score(project, sink, threads, progress, cancellation);
        } finally {
            // Analyses made before a failure or cancellation are still worth keeping.
            cache.flush();
        }
        return new ScoreRun(summary, sink.problems(), sink.flaggedFrames(), cache.digestedFiles(),
                sink.unchangedFrames(), (System.nanoTime() - start) / 1e9);
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
