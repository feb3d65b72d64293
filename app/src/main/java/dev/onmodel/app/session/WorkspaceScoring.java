package dev.onmodel.app.session;

import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.ProjectScorer;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.workflow.ProjectWorkspace;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link FrameScoring} over the consistency engine and the project's review store, through the same
 * {@link ProjectWorkspace#score} pipeline as {@code onmodel score --project} (analysis cache, stored scores and
 * casts, reused proposed casts), on cores − 1 threads. Each frame's worst character is also streamed to the window
 * as it arrives.
 */
public final class WorkspaceScoring implements FrameScoring {

    private final ProjectWorkspace workspace;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile ConsistencyEngine engine;
    private volatile ProjectWorkspace.ScoreRun lastRun;

    public WorkspaceScoring(ProjectWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public ScoringJob start(List<Variant> variants, Sink sink) {
        Cancellation cancellation = new Cancellation();
        CompletableFuture<ScoringProgress> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> done.complete(run(variants, sink, cancellation)), "onmodel-scoring");
        thread.setDaemon(true);
        thread.start();
        return new ScoringJob() {
            @Override
            public void cancel() {
                cancellation.cancel();
            }

            @Override
            public CompletableFuture<ScoringProgress> completion() {
                return done;
            }
        };
    }

    private ScoringProgress run(List<Variant> variants, Sink sink, Cancellation cancellation) {
        long started = System.nanoTime();
        AtomicLong failed = new AtomicLong();
        AtomicLong total = new AtomicLong();
        AtomicLong done = new AtomicLong();
        if (!running.compareAndSet(false, true)) {
            ScoringProgress refused = new ScoringProgress(0, 0, 0, Optional.empty(), true, true);
            sink.progress(refused);
            return refused;
        }
        try {
            if (engine == null) {
                engine = workspace.engine(workspace.scoringSettings());
            }
            Project project = workspace.project();
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
            ProjectWorkspace.ScoreRun run = workspace.score(engine, variants, threads, (d, t) -> {
                done.accumulateAndGet(d, Math::max);
                total.set(t);
                long elapsed = System.nanoTime() - started;
                Optional<Duration> eta = d < 3 ? Optional.empty()
                        : Optional.of(Duration.ofNanos(elapsed / d * Math.max(0, t - d)));
                sink.progress(new ScoringProgress(d, t, failed.get(), eta, false, false));
            }, cancellation, new ProjectWorkspace.FrameListener() {
                @Override
                public void scored(Variant variant, long frame, dev.onmodel.core.consistency.FrameScore score) {
                    score.worst().ifPresent(worst -> sink.scored(convert(project, variant.shot(), variant.name(),
                            frame, worst)));
                }

                @Override
                public void problem(MediaProblem problem) {
                    failed.incrementAndGet();
                }
            });
            lastRun = run;
            ProjectScorer.Summary summary = run.summary();
            ScoringProgress last = new ScoringProgress(Math.max(done.get(), summary.frames()),
                    Math.max(total.get(), summary.frames()), failed.get(), Optional.of(Duration.ZERO), true,
                    summary.cancelled());
            sink.progress(last);
            return last;
        } catch (IOException | StoreException | RuntimeException e) {
            ScoringProgress last = new ScoringProgress(done.get(), total.get(), failed.get() + 1, Optional.empty(),
                    true, true);
            sink.failed(e);
            sink.progress(last);
            return last;
        } finally {
            running.set(false);
        }
    }

    /** What the last finished run did (frames from the cache, casts, files digested), for tests and diagnostics. */
    Optional<ProjectWorkspace.ScoreRun> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    /** The engine's worst character of a frame as the workstation shows it; the view name becomes the sheet view. */
    static FrameScore convert(Project project, String shot, String variant, long frame, CharacterScore worst) {
        List<ScoreComponent> components = new ArrayList<>();
        components.add(new ScoreComponent("shape", worst.shape()));
        components.add(new ScoreComponent("colour", worst.colour()));
        if (worst.hasTemporal()) {
            components.add(new ScoreComponent("temporal", worst.temporal()));
        }
        ScoreBand band = switch (worst.band()) {
            case OK -> ScoreBand.OK;
            case CHECK -> ScoreBand.CHECK;
            case OFF_MODEL -> ScoreBand.OFF_MODEL;
        };
        return new FrameScore(shot, variant, frame, (int) Math.round(worst.score()), band, components,
                Optional.of(worst.character()),
                project.character(worst.character()).flatMap(sheet -> sheet.view(worst.view())),
                Optional.of(new CharacterBox(worst.box().x(), worst.box().y(), worst.box().width(),
                        worst.box().height())), worst.explanation());
    }
}
