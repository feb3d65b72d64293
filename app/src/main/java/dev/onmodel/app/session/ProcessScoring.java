package dev.onmodel.app.session;

import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Variant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link FrameScoring} in a separate, lower-priority process ({@code onmodel score-worker}), the workstation's
 * default.
 *
 * <p>Why a process: in the window's own JVM the engine's work reached the window anyway, on two cores. Its threads
 * compete with the FX and render threads for a core, its allocations bring garbage-collection pauses that stop every
 * thread, and the just-in-time compiler spends a core for a fifth of a second at a time compiling the engine's
 * methods when a job starts. The window's pulses then stalled for 50-90 ms two or three times at the start of each
 * job. In a process of its own, run under {@code nice} where the system has it, the worker gets what the window
 * leaves, its pauses and compilations stop only itself, and a frame that exhausts its memory cannot take the window
 * down. The worker writes scores, casts and the analysis cache into the project's store itself (SQLite serialises
 * it with the window's decision writes) and streams each frame's worst character back as it is stored.
 *
 * <p>Cancelling asks the worker to stop after the frames in hand (what it stored stays); a worker that has not
 * stopped a few seconds later is ended. A worker that ends without saying it finished is reported as a failure with
 * the last lines it wrote on its error output.
 */
public final class ProcessScoring implements FrameScoring {

    /** How to start a worker: everything before the worker's own arguments. */
    public record Launch(List<String> command) {
        private static final String MAIN_CLASS = "dev.onmodel.app.Main";

        public Launch {
            command = List.copyOf(command);
        }

        /**
         * A worker in this JVM's runtime with this JVM's class path and class-data archive, under {@code nice -n 10}
         * where {@code nice} exists; empty when this runtime's {@code java} executable cannot be found.
         */
        public static Optional<Launch> ofThisRuntime() {
            boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
            Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
            String classPath = System.getProperty("java.class.path", "");
            if (!Files.isExecutable(java) || classPath.isBlank()) {
                return Optional.empty();
            }
            List<String> command = new ArrayList<>();
            niceCommand(windows).ifPresent(nice -> command.addAll(List.of(nice, "-n", "10")));
            command.add(java.toString());
            command.addAll(inheritedOptions());
            command.addAll(List.of("-cp", classPath, MAIN_CLASS, "score-worker"));
            return Optional.of(new Launch(command));
        }

        /**
         * The class-data archive and heap limit the launcher chose also suit the worker; window-only options
         * (toolkit, debugging agents, flight recordings) must not be repeated. Read from this process's command line
         * rather than the management beans, whose classes would cost the window's start a tenth of a second.
         */
        private static List<String> inheritedOptions() {
            String[] arguments = ProcessHandle.current().info().arguments().orElse(new String[0]);
            List<String> options = new ArrayList<>();
            for (String argument : arguments) {
                if (argument.equals(MAIN_CLASS) || argument.equals("-jar")) {
                    break; // what follows are the program's own arguments
                }
                if (argument.startsWith("-XX:SharedArchiveFile=") || argument.startsWith("-Xmx")) {
                    options.add(argument);
                }
            }
            return options;
        }

        private static Optional<String> niceCommand(boolean windows) {
            if (windows) {
                return Optional.empty();
            }
            for (String folder : List.of("/usr/bin", "/bin")) {
                if (Files.isExecutable(Path.of(folder, "nice"))) {
                    return Optional.of(Path.of(folder, "nice").toString());
                }
            }
            return Optional.empty();
        }
    }

    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);
    private static final int ERROR_LINES_KEPT = 12;

    private final Path projectRoot;
    private final Project project;
    private final Launch launch;
    private final int threads;
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * @param project the project as the window shows it (for the sheet views of streamed scores)
     * @param threads the worker's threads: every core by default, since it only gets what the window leaves
     */
    public ProcessScoring(Path projectRoot, Project project, Launch launch, int threads) {
        this.projectRoot = projectRoot;
        this.project = project;
        this.launch = launch;
        this.threads = threads;
    }

    @Override
    public ScoringJob start(List<Variant> variants, Sink sink) {
        CompletableFuture<ScoringProgress> done = new CompletableFuture<>();
        if (!running.compareAndSet(false, true)) {
            ScoringProgress refused = new ScoringProgress(0, 0, 0, Optional.empty(), true, true);
            sink.progress(refused);
            done.complete(refused);
            return job(null, done, new AtomicBoolean());
        }
        List<String> command = new ArrayList<>(launch.command());
        command.addAll(List.of("--project", projectRoot.toString(), "--threads", Integer.toString(threads)));
        for (Variant variant : variants) {
            command.addAll(List.of("--variant", variant.qualifiedName()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            running.set(false);
            ScoringProgress last = new ScoringProgress(0, 0, 1, Optional.empty(), true, true);
            sink.failed(new IOException("could not start the scoring process (" + command.get(0) + "): "
                    + e.getMessage(), e));
            sink.progress(last);
            done.complete(last);
            return job(null, done, new AtomicBoolean());
        }
        AtomicBoolean cancelAsked = new AtomicBoolean();
        Deque<String> errorLines = new ArrayDeque<>();
        Thread errors = new Thread(() -> keepLastLines(process.getErrorStream(), errorLines), "onmodel-scoring-errors");
        errors.setDaemon(true);
        errors.start();
        Thread reading = new Thread(() -> {
            try {
                done.complete(follow(process, sink, errors, errorLines, cancelAsked));
            } catch (RuntimeException e) {
                // A listener that failed on a score: the job still ends, and says why, rather than hang.
                process.destroyForcibly();
                ScoringProgress last = new ScoringProgress(0, 0, 1, Optional.empty(), true, true);
                sink.failed(e);
                sink.progress(last);
                done.complete(last);
            } finally {
                running.set(false);
            }
        }, "onmodel-scoring");
        reading.setDaemon(true);
        reading.start();
        return job(process, done, cancelAsked);
    }

    private static ScoringJob job(Process process, CompletableFuture<ScoringProgress> done, AtomicBoolean cancelAsked) {
        return new ScoringJob() {
            @Override
            public void cancel() {
                if (process == null || !process.isAlive()) {
                    return;
                }
                cancelAsked.set(true);
                try {
                    OutputStream in = process.getOutputStream();
                    in.write((ScoringWorkerProtocol.CANCEL + "\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                } catch (IOException e) {
                    // The worker is already going away; ending it below covers the rest.
                }
                process.onExit().orTimeout(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((exited, timeout) -> {
                            if (timeout != null) {
                                // Its children too: one holding the output pipe open would keep the job unfinished.
                                process.descendants().forEach(ProcessHandle::destroyForcibly);
                                process.destroyForcibly();
                            }
                        });
            }

            @Override
            public CompletableFuture<ScoringProgress> completion() {
                return done;
            }
        };
    }

    /** Reads the worker's lines until it ends; returns the job's last progress. */
    private ScoringProgress follow(Process process, Sink sink, Thread errors, Deque<String> errorLines,
                                   AtomicBoolean cancelAsked) {
        long started = System.nanoTime();
        AtomicLong failed = new AtomicLong();
        long done = 0;
        long total = 0;
        ScoringWorkerProtocol.Message end = null;
        String unreadable = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                ScoringWorkerProtocol.Message message;
                try {
                    message = ScoringWorkerProtocol.parse(line);
                } catch (IllegalArgumentException e) {
                    unreadable = e.getMessage();
                    continue;
                }
                switch (message.type()) {
                    case "progress" -> {
                        done = Math.max(done, message.done());
                        total = message.total();
                        long elapsed = System.nanoTime() - started;
                        Optional<Duration> eta = done < 3 ? Optional.empty()
                                : Optional.of(Duration.ofNanos(elapsed / done * Math.max(0, total - done)));
                        sink.progress(new ScoringProgress(done, total, failed.get(), eta, false, false));
                    }
                    case "scored" -> {
                        try {
                            sink.scored(WorkspaceScoring.convert(project, message.shot(), message.variant(),
                                    message.frame(), message.characterScore()));
                        } catch (IllegalArgumentException e) {
                            unreadable = e.getMessage(); // that frame's score stays in the store; the rest streams
                        }
                    }
                    case "problem" -> failed.incrementAndGet();
                    default -> end = message;
                }
            }
        } catch (IOException e) {
            unreadable = "the scoring process's output could not be read: " + e.getMessage();
        }
        int exit = waitFor(process);
        joinQuietly(errors);
        if (end != null && end.type().equals("finished")) {
            ScoringProgress last = new ScoringProgress(Math.max(done, end.done()), Math.max(total, end.done()),
                    failed.get(), Optional.of(Duration.ZERO), true, end.cancelled());
            sink.progress(last);
            return last;
        }
        if (end == null && cancelAsked.get()) {
            // Asked to stop and ended before it could say so (or was ended after the grace period): a cancel, not
            // a failure; what it stored before stays.
            ScoringProgress last = new ScoringProgress(done, total, failed.get(), Optional.empty(), true, true);
            sink.progress(last);
            return last;
        }
        String reason;
        if (end != null) {
            reason = end.message();
        } else {
            StringBuilder text = new StringBuilder("the scoring process ended unexpectedly (exit code " + exit + ")");
            if (unreadable != null) {
                text.append("; ").append(unreadable);
            }
            synchronized (errorLines) {
                if (!errorLines.isEmpty()) {
                    text.append(":\n").append(String.join("\n", errorLines));
                }
            }
            reason = text.toString();
        }
        ScoringProgress last = new ScoringProgress(done, total, failed.get() + 1, Optional.empty(), true, true);
        sink.failed(new IOException(reason));
        sink.progress(last);
        return last;
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains the worker's error output (it must never block on a full pipe) and keeps its last lines. */
    private static void keepLastLines(InputStream stream, Deque<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > ERROR_LINES_KEPT) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The worker is gone; what was read is kept.
        }
    }
}
