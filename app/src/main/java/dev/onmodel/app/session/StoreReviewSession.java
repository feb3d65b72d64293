package dev.onmodel.app.session;

import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.store.DecisionAction;
import dev.onmodel.core.store.DecisionRecord;
import dev.onmodel.core.store.DecisionRequest;
import dev.onmodel.core.store.HeroChoice;
import dev.onmodel.core.store.ReviewPass;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.ShotCast;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.workflow.ProjectWorkspace;
import dev.onmodel.core.workflow.ScorePayload;
import dev.onmodel.core.time.FrameRange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The workstation's {@link ReviewSession} over the project's SQLite {@link ReviewStore}.
 *
 * <p>Decisions other processes record in the same store ({@code onmodel decide}, another workstation) are followed:
 * about once a second the session thread reads the log rows added since it last looked and streams them into the
 * mirror and to the listeners, as if they were its own. Hero marks and passes they record are followed the same way.
 *
 * <p>Opening loads the decision log, passes and hero choices into in-memory mirrors, so the UI's reads never touch
 * SQLite. Writes run in order on one session thread ({@code onmodel-session}) that calls the store, whose own writer
 * commits them; each future completes only after the commit, and the mirror changes only then. A refused write
 * ({@link StoreException}: read-only, busy, disk full, closed pass) completes the future exceptionally with the
 * store's sentence and changes nothing.
 *
 * <p>Consistency scores: those stored by earlier runs are loaded at open; new runs come from the bound
 * {@link FrameScoring} ({@link ProcessScoring}: the engine in a worker process, scores written into the store) and
 * stream in. Without
 * one (a read-only project never imported) {@link #canScore()} is false.
 */
public final class StoreReviewSession extends MirroredReviewSession {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ReviewStore store;
    private final ProjectWorkspace workspace;
    private final Optional<FrameScoring> scoring;
    private final ExecutorService writes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "onmodel-session-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Decision> mine = new ConcurrentHashMap<>();
    private final Map<String, HeroMark> heroes = new ConcurrentHashMap<>();
    private final Map<String, ReviewPassInfo> passes = new ConcurrentHashMap<>();
    /** The casts the engine proposed, by shot, as the store last recorded them. */
    private final Map<String, List<String>> proposedCasts = new ConcurrentHashMap<>();
    /** Ids of the log rows in the mirror: those read at open, this session's own, and those followed since. */
    private final Set<Long> applied = ConcurrentHashMap.newKeySet();
    /** The highest log row id looked at; read and written on the session thread only. */
    private long followedUpTo;
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "onmodel-follow-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private StoreReviewSession(ReviewStore store, ProjectWorkspace workspace, Reviewer reviewer, String pass,
                               Optional<FrameScoring> scoring) {
        super(reviewer, pass);
        this.store = store;
        this.workspace = workspace;
        this.scoring = scoring;
    }

    /**
     * Opens the store of {@code project} (creating it on first use), opens {@code pass} and loads the mirrors, with
     * scoring supplied by {@code scoring} (tests) rather than the engine.
     */
    public static StoreReviewSession open(Project project, Reviewer reviewer, String pass,
                                          Optional<FrameScoring> scoring) throws IOException {
        return open(project.root(), reviewer, pass, workspace -> scoring);
    }

    /**
     * Opens the project's workspace (review store; the media are imported on first use, as {@code onmodel score
     * --project} does), opens {@code pass} and loads decisions, passes, hero choices and stored scores into the
     * mirrors. Blocking: call it on a background thread.
     *
     * @param scoringFor the scoring to bind for the opened workspace ({@link WorkspaceScoring} in the app)
     * @throws IOException with the store's sentence (damaged database, newer schema...) when it cannot be opened
     */
    public static StoreReviewSession open(Path projectRoot, Reviewer reviewer, String pass,
                                          Function<ProjectWorkspace, Optional<FrameScoring>> scoringFor)
            throws IOException {
        return open(projectRoot, reviewer, pass, scoringFor, ReviewSessionFactory.OpeningProgress.NONE);
    }

    /**
     * As {@link #open(Path, Reviewer, String, Function)}, reporting the media import of a project opened for the
     * first time to {@code progress} ("Importing media: frame N of M"); interrupting the calling thread cancels the
     * import (nothing is recorded) and the open fails with an {@link java.io.InterruptedIOException}.
     */
    public static StoreReviewSession open(Path projectRoot, Reviewer reviewer, String pass,
                                          Function<ProjectWorkspace, Optional<FrameScoring>> scoringFor,
                                          ReviewSessionFactory.OpeningProgress progress) throws IOException {
        ProjectWorkspace workspace = null;
        ReviewStore store;
        try {
            try {
                workspace = ProjectWorkspace.open(projectRoot, ProjectWorkspace.Options.defaults(),
                        (done, total) -> progress.update("Importing media: frame " + done + " of " + total, done,
                                total));
                store = workspace.store();
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.INVALID_REQUEST) {
                    throw e;
                }
                // Read-only and never imported: review and read decisions without the workspace (no scoring).
                store = ReviewStore.open(projectRoot);
            }
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
        Optional<FrameScoring> scoring = workspace == null ? Optional.empty() : scoringFor.apply(workspace);
        StoreReviewSession session = new StoreReviewSession(store, workspace, reviewer, pass, scoring);
        try {
            if (!store.isReadOnly()) {
                store.openPass(pass);
            }
            for (DecisionRecord record : store.log(Optional.empty())) {
                session.mirror.add(event(record));
                session.applied.add(record.id());
                session.followedUpTo = Math.max(session.followedUpTo, record.id());
            }
            store.passes().forEach(p -> session.passes.put(p.name(), info(p)));
            store.heroes().forEach((shot, choice) -> session.heroes.put(shot, mark(choice)));
            if (workspace != null) {
                session.loadStoredScores(workspace.project());
            }
            session.loadProposedCasts();
        } catch (StoreException e) {
            session.close();
            throw new IOException(e.getMessage(), e);
        }
        session.follower.scheduleWithFixedDelay(session::followSoon, FOLLOW_EVERY_MILLIS, FOLLOW_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        return session;
    }

    /** How often the log is checked for decisions other processes recorded (one indexed query, off the FX thread). */
    static final long FOLLOW_EVERY_MILLIS = 1000;

    private void followSoon() {
        try {
            writes.execute(this::followOthers);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            follower.shutdown(); // the session is closing
        }
    }

    /**
     * Checks the log for rows other writers recorded since the last check ({@code onmodel decide}, another
     * workstation on the same project) and streams them into the mirror. Runs on the session thread, after this
     * session's own writes, so an own row (already in the mirror) is never applied twice.
     *
     * @return how many rows of other writers were applied
     */
    CompletableFuture<Integer> followNow() {
        return CompletableFuture.supplyAsync(this::followOthers, writes);
    }

    private int followOthers() {
        List<DecisionRecord> rows;
        try {
            rows = store.logAfter(followedUpTo);
        } catch (StoreException e) {
            // Busy or closing: the next check reads the same rows again (the cursor did not move), so none is lost.
            return 0;
        }
        java.util.Set<List<String>> changed = new java.util.LinkedHashSet<>();
        int foreign = 0;
        for (DecisionRecord row : rows) {
            followedUpTo = Math.max(followedUpTo, row.id());
            if (applied.add(row.id())) {
                mirror.add(event(row));
                changed.add(List.of(row.decision().shot(), row.decision().variant()));
                foreign++;
            }
        }
        for (List<String> variant : changed) {
            listeners.forEach(l -> l.decisionsChanged(variant.get(0), variant.get(1)));
        }
        followOtherHeroesAndPasses();
        return foreign;
    }

    /**
     * Hero marks and passes other writers recorded (a director marking the hero in another workstation, a pass
     * closed from the command line): two small queries, compared with the mirrors; only what differs is applied and
     * announced. Own changes are already in the mirrors (this runs on the session thread after them), so they are not
     * announced twice.
     */
    private void followOtherHeroesAndPasses() {
        Map<String, HeroChoice> storedHeroes;
        List<ReviewPass> storedPasses;
        try {
            storedHeroes = store.heroes();
            storedPasses = store.passes();
        } catch (StoreException e) {
            return; // busy or closing: the next check compares again
        }
        storedHeroes.forEach((shot, choice) -> {
            HeroMark mark = mark(choice);
            if (!mark.equals(heroes.get(shot))) {
                heroes.put(shot, mark);
                listeners.forEach(l -> l.heroChanged(shot));
            }
        });
        boolean passesChanged = false;
        for (ReviewPass pass : storedPasses) {
            ReviewPassInfo info = info(pass);
            if (!info.equals(passes.get(pass.name()))) {
                passes.put(pass.name(), info);
                passesChanged = true;
            }
        }
        if (passesChanged) {
            listeners.forEach(SessionListener::passesChanged);
        }
    }

    /** The proposals among the casts the store recorded (a cast given in project.json is the project's). */
    private void loadProposedCasts() throws StoreException {
        Map<String, List<String>> read = new java.util.HashMap<>();
        store.casts().values().stream().filter(ShotCast::proposed)
                .forEach(cast -> read.put(cast.shot(), cast.characters()));
        proposedCasts.keySet().retainAll(read.keySet());
        proposedCasts.putAll(read);
    }

    @Override
    public CompletableFuture<NavigableMap<Long, List<CastMark>>> castMarks(String shot, String variant) {
        Project project = workspace == null ? null : workspace.project();
        return CompletableFuture.supplyAsync(() -> {
            NavigableMap<Long, List<CastMark>> marks = new java.util.TreeMap<>();
            if (project == null) {
                return marks;
            }
            for (var frame : call(() -> store.scores(shot, variant)).entrySet()) {
                if (frame.getValue().size() < 2) {
                    continue; // one character: the headline score already frames it
                }
                List<CastMark> all = new ArrayList<>();
                for (StoredScore row : frame.getValue()) {
                    try {
                        FrameScore score = WorkspaceScoring.convert(project, shot, variant, frame.getKey(),
                                ScorePayload.toCharacterScore(row));
                        score.box().ifPresent(box -> all.add(new CastMark(row.character(), score.score(), box)));
                    } catch (IllegalArgumentException unreadable) {
                        // A row this build cannot read (newer payload) is left out; re-scoring replaces it.
                    }
                }
                marks.put(frame.getKey(), List.copyOf(all));
            }
            return marks;
        }, writes);
    }

    @Override
    public Optional<String> projectSettingsProblem() {
        return workspace == null ? Optional.empty() : workspace.settingsProblem();
    }

    @Override
    public Optional<ScoringSettings> projectThresholds() {
        return workspace != null && workspace.projectSetsThresholds() ? Optional.of(workspace.scoringSettings())
                : Optional.empty();
    }

    @Override
    public Optional<List<String>> proposedCast(String shot) {
        return Optional.ofNullable(proposedCasts.get(shot));
    }

    /** Each frame's worst stored character score, from earlier runs (window or {@code onmodel score}). */
    private void loadStoredScores(Project project) throws StoreException {
        for (var variant : store.allScores().entrySet()) {
            for (var frame : variant.getValue().entrySet()) {
                frame.getValue().stream().min(java.util.Comparator.comparingDouble(StoredScore::score))
                        .ifPresent(worst -> {
                            try {
                                scores.put(WorkspaceScoring.convert(project, worst.shot(), worst.variant(),
                                        worst.frame(), ScorePayload.toCharacterScore(worst)));
                            } catch (IllegalArgumentException unreadable) {
                                // A row this build cannot read (newer payload) is left out; re-scoring replaces it.
                            }
                        });
            }
        }
    }

    @Override
    public Optional<Project> storedProject() {
        return workspace == null ? Optional.empty() : Optional.of(workspace.project());
    }

    @Override
    public Optional<String> readOnlyReason() {
        return store.readOnlyReason();
    }

    @Override
    public CompletableFuture<Decision> record(DecisionDraft draft) {
        return CompletableFuture.supplyAsync(() -> {
            Decision decision = call(() -> store.record(new DecisionRequest(draft.shot(), draft.variant(),
                    draft.frames(), draft.verdict(), draft.note(), reviewer.name(), reviewer.role(), pass)));
            mirror.add(new DecisionEvent(decision, decision.verdict() == null ? DecisionEvent.Kind.CLEAR
                    : DecisionEvent.Kind.SET, OptionalLong.empty()));
            applied.add(decision.id());
            mine.put(decision.id(), decision);
            undo.recorded(decision.id());
            listeners.forEach(l -> l.decisionsChanged(decision.shot(), decision.variant()));
            return decision;
        }, writes);
    }

    @Override
    public CompletableFuture<Optional<Decision>> undo() {
        return CompletableFuture.supplyAsync(() -> act(undo.nextUndo(), true), writes);
    }

    @Override
    public CompletableFuture<Optional<Decision>> redo() {
        return CompletableFuture.supplyAsync(() -> act(undo.nextRedo(), false), writes);
    }

    /** Runs on the session thread: records the UNDO/REDO row, then updates mirror and stack. */
    private Optional<Decision> act(OptionalLong target, boolean isUndo) {
        if (target.isEmpty()) {
            return Optional.empty();
        }
        long id = target.getAsLong();
        DecisionRecord row = call(() -> isUndo ? store.undo(id, reviewer.name(), reviewer.role())
                : store.redo(id, reviewer.name(), reviewer.role()));
        mirror.add(event(row));
        applied.add(row.id());
        if (isUndo) {
            undo.undone(id);
        } else {
            undo.redone(id);
        }
        Decision original = mine.get(id);
        listeners.forEach(l -> l.decisionsChanged(row.decision().shot(), row.decision().variant()));
        return Optional.ofNullable(original);
    }

    @Override
    public List<ReviewPassInfo> passes() {
        return passes.values().stream().sorted(java.util.Comparator.comparing(ReviewPassInfo::openedAt)).toList();
    }

    @Override
    public CompletableFuture<ReviewPassInfo> openPass(String name) {
        return CompletableFuture.supplyAsync(() -> {
            ReviewPassInfo info = info(call(() -> store.openPass(name)));
            passes.put(name, info);
            listeners.forEach(SessionListener::passesChanged);
            return info;
        }, writes);
    }

    @Override
    public CompletableFuture<ReviewPassInfo> closePass(String name) {
        return CompletableFuture.supplyAsync(() -> {
            ReviewPassInfo info = info(call(() -> store.closePass(name)));
            passes.put(name, info);
            listeners.forEach(SessionListener::passesChanged);
            return info;
        }, writes);
    }

    @Override
    public Optional<HeroMark> hero(String shot) {
        return Optional.ofNullable(heroes.get(shot));
    }

    @Override
    public CompletableFuture<HeroMark> markHero(String shot, String variant, FrameRange approved, String note) {
        return CompletableFuture.supplyAsync(() -> {
            HeroMark mark = mark(call(() -> store.chooseHero(shot, variant, approved, reviewer.name(), note)));
            heroes.put(shot, mark);
            listeners.forEach(l -> l.heroChanged(shot));
            return mark;
        }, writes);
    }

    @Override
    public boolean canScore() {
        return scoring.isPresent();
    }

    @Override
    public ScoringJob startScoring(Collection<Variant> variants) {
        FrameScoring engine = scoring.orElseThrow(() -> new IllegalStateException(
                "consistency scoring is not bound in this build"));
        ScoringJob job = engine.start(List.copyOf(variants), scoreSink());
        // The run records the casts it proposed as it goes: read them once it is over, on the session thread.
        job.completion().whenComplete((progress, error) -> {
            try {
                writes.execute(() -> {
                    try {
                        loadProposedCasts();
                        listeners.forEach(SessionListener::castsChanged);
                    } catch (StoreException e) {
                        // Busy: the casts shown stay those read before; the next run or opening reads them again.
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // The session closed while the run ended: nothing shows the casts any more.
            }
        });
        return job;
    }

    /** Waits for queued writes (they commit), then closes the store (which takes its closing backup). */
    @Override
    public void close() {
        follower.shutdownNow();
        writes.shutdown();
        try {
            if (!writes.awaitTermination(30, TimeUnit.SECONDS)) {
                writes.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (workspace != null) {
                workspace.close();
            } else {
                store.close();
            }
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // ---- mapping -----------------------------------------------------------------------------------------------

    /** A store call that may refuse; the refusal travels to the future as its cause, with the store's sentence. */
    @FunctionalInterface
    private interface StoreCall<T> {
        T run() throws StoreException;
    }

    private static <T> T call(StoreCall<T> work) {
        try {
            return work.run();
        } catch (StoreException e) {
            throw new CompletionException(e);
        }
    }

    static DecisionEvent event(DecisionRecord record) {
        DecisionEvent.Kind kind = switch (record.action()) {
            case SET -> DecisionEvent.Kind.SET;
            case CLEAR -> DecisionEvent.Kind.CLEAR;
            case UNDO -> DecisionEvent.Kind.UNDO;
            case REDO -> DecisionEvent.Kind.REDO;
        };
        boolean actsOnAnother = record.action() == DecisionAction.UNDO || record.action() == DecisionAction.REDO;
        return new DecisionEvent(record.decision(), kind, actsOnAnother ? record.target() : OptionalLong.empty());
    }

    private static ReviewPassInfo info(ReviewPass pass) {
        return new ReviewPassInfo(pass.name(), pass.openedAt(), pass.closedAt());
    }

    private static HeroMark mark(HeroChoice choice) {
        return new HeroMark(choice.shot(), choice.variant(), choice.approved(), choice.chosenBy(), choice.note(),
                choice.recordedAt());
    }
}
