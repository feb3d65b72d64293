package dev.onmodel.app.cli;

import dev.onmodel.app.session.ScoringWorkerProtocol;
import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.ConsistencyEngine;
import dev.onmodel.core.consistency.FrameScore;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.store.StoreException;
import dev.onmodel.core.workflow.ProjectWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code onmodel score-worker}: the workstation's scoring in a process of its own. The window starts it (at a lower
 * scheduling priority) so that the engine's decoding, its garbage collections and its just-in-time compilation never
 * take the window's thread or its cores; it reads the window's cancel request on standard input and reports in
 * {@link ScoringWorkerProtocol} lines on standard output. It scores through the same pipeline as
 * {@code onmodel score --project} (analysis cache, stored scores and casts). Not for people: hidden from the help.
 */
@Command(name = "score-worker", hidden = true,
        description = "Scores project variants into the store for the workstation, reporting JSON lines.")
public final class ScoreWorkerCommand implements Callable<Integer> {

    @Option(names = "--project", required = true, paramLabel = "DIR", description = "The project folder.")
    Path project;

    @Option(names = "--variant", paramLabel = "SHOT/VARIANT",
            description = "A variant to score (repeatable); none means every variant.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        Cancellation cancellation = new Cancellation();
        Thread listening = new Thread(() -> listenForCancel(cancellation), "onmodel-worker-input");
        listening.setDaemon(true);
        listening.start();
        if (!ProjectLayout.looksLikeProject(project)) {
            // Opening would create a store in whatever folder this is.
            send(out, ScoringWorkerProtocol.failed(project + " is not an OnModel project (no shots/ or characters/"
                    + " folder)"));
            return 1;
        }
        try (ProjectWorkspace workspace = ProjectWorkspace.open(project)) {
            List<Variant> chosen = chosen(workspace);
            ConsistencyEngine engine = workspace.engine(workspace.scoringSettings());
            engine.warnings().forEach(w -> System.err.println("onmodel score-worker: " + w));
            ProgressReports progress = new ProgressReports(out);
            ProjectWorkspace.ScoreRun run = workspace.score(engine, chosen, threads, progress::update, cancellation,
                    new ProjectWorkspace.FrameListener() {
                        @Override
                        public void scored(Variant variant, long frame, FrameScore score) {
                            score.worst().ifPresent(worst -> send(out, ScoringWorkerProtocol.scored(variant.shot(),
                                    variant.name(), frame, worst)));
                        }

                        @Override
                        public void problem(MediaProblem problem) {
                            send(out, ScoringWorkerProtocol.problem(problem.path().toString(), problem.reason()));
                        }
                    });
            send(out, ScoringWorkerProtocol.finished(run.summary().frames(), run.summary().cancelled()));
            return 0;
        } catch (IOException | StoreException | RuntimeException e) {
            send(out, ScoringWorkerProtocol.failed(e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private List<Variant> chosen(ProjectWorkspace workspace) {
        List<Variant> all = workspace.project().shots().stream().flatMap(s -> s.variants().stream()).toList();
        if (variants.isEmpty()) {
            return all;
        }
        Set<String> wanted = new HashSet<>(variants);
        List<Variant> chosen = all.stream().filter(v -> wanted.remove(v.qualifiedName())).toList();
        if (!wanted.isEmpty()) {
            throw new IllegalArgumentException("no such variant in " + project + ": " + String.join(", ", wanted));
        }
        return chosen;
    }

    /** Stops the run when the window says so or goes away (its end of the pipe closes). */
    private static void listenForCancel(Cancellation cancellation) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.strip().equals(ScoringWorkerProtocol.CANCEL)) {
                    break;
                }
            }
        } catch (IOException e) {
            // An unreadable input is a window that is gone: stop as if it had asked.
        }
        cancellation.cancel();
    }

    /** One message per line; worker threads report concurrently, and the window must see each line whole at once. */
    private static void send(Writer out, String line) {
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the workstation stopped reading the scoring worker's output", e);
            }
        }
    }

    /** Progress at most ten times a second, and always the last. */
    private static final class ProgressReports {
        private final Writer out;
        private long lastNanos;

        ProgressReports(Writer out) {
            this.out = out;
        }

        synchronized void update(int done, int total) {
            long now = System.nanoTime();
            if (done == total || now - lastNanos > 100_000_000L) {
                lastNanos = now;
                send(out, ScoringWorkerProtocol.progress(done, total));
            }
        }
    }
}
