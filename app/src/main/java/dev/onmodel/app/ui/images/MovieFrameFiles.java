package dev.onmodel.app.ui.images;

import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.editorial.AtomicFiles;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MediaReadException;
import dev.onmodel.core.model.MovieMedia;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A movie's frames as image files, so that the viewer shows a movie variant's frames as it shows an image sequence's
 * (the frame cache, prefetching, compare modes and the character box all work on files).
 *
 * <p>{@link #pathFor} names a frame without touching the disk (the FX thread asks); {@link #readable}, called by the
 * decoding threads, returns the frame's PNG under the data folder, named by the movie's path, size and modification
 * time (a re-rendered take gets new files) and the frame number. Later viewings, in this session or the next, read
 * the PNG.
 *
 * <p>A frame that is not there yet is decoded frame-accurately together with the frames after it that are not there
 * either, up to {@link #RUN_LENGTH} (or, going backwards, the frames before it, the frame asked for delivered first,
 * up to {@link MovieFrameRun#backwardRunLength}), by one ffmpeg process ({@link MovieFrameRun}): starting ffmpeg and
 * seeking costs 0.16–0.46 s a frame, so one process per frame drops frames on the first playback of a take, while a
 * run delivers them at ffmpeg's decoding speed. A forward run that is asked for the frames after its last (the
 * viewer plays on) goes on making them in the same process instead of a new one seeking again: a seek decodes from the
 * key frame before it, and a take encoded with one key frame every 250 frames (libx264's default) would otherwise be
 * decoded again from its start for every run. Having made its frames, a forward run waits {@link #LINGER_MILLIS} for
 * that request, ffmpeg paused by its full output, unless another run needs its thread. Each frame is usable the moment
 * its PNG is in place (written to a temp name and moved, so a half-written PNG is never read); a request for a frame a
 * run is still making waits for that run instead of starting its own ffmpeg. Runs are made on their own threads, at
 * most {@link #MAX_RUNNING} at once, the most recently asked for first; a run that nobody waits on any more is stopped
 * when the viewer asks for a part of the same movie far from it (a jump along the timeline), so a scrub does not leave
 * ffmpeg decoding frames nobody looks at.
 *
 * <p>The folder is kept under a budget: a 1080p frame is a few megabytes, and a reviewer who steps through a few long
 * takes would otherwise fill the disk. Once the frames written push it over the budget, the least recently written
 * files are deleted until it holds three quarters of it (a deleted frame is decoded again when next shown).
 */
public final class MovieFrameFiles {

    /**
     * Frames a run makes at most: two seconds of a 24 fps take, so the viewer's playback prefetch (a second ahead)
     * asks for the next run well before the playhead reaches it, and a run's seek (decoding from the key frame before
     * it) is paid once for many frames; short enough that a jump wastes little.
     */
    public static final int RUN_LENGTH = 48;
    /**
     * How long a forward run that has made its frames keeps its ffmpeg for a request for the frames after them: the
     * viewer asks for frames a second ahead while playing, so a run of {@link #RUN_LENGTH} frames made faster than
     * they play is asked to go on within about a second of its end.
     */
    static final long LINGER_MILLIS = 2000;
    /** Runs made at once: one per movie of an A/B comparison; more would only share the same cores. */
    static final int MAX_RUNNING = 2;
    /** How long a request waits for its frame before it gives up (a hung ffmpeg), as the single-frame decoder did. */
    private static final long WAIT_SECONDS = 120;

    private final Path folder;
    private final Optional<FfmpegTools> tools;
    private final long maxPixels;
    private final int runLength;
    private final long lingerMillis;
    private final Map<Path, MovieFrame> named = new ConcurrentHashMap<>();
    private final long budgetBytes;
    /** Bytes in the folder as last counted plus those written since; -1 until first counted. Guarded by this. */
    private long usedBytes = -1;

    /** Guards {@link #pending}, {@link #queued}, {@link #running}, {@link #closed} and each frame's waiters. */
    private final Object runs = new Object();
    /** Frames a queued or running run is to make, by their PNG's path. */
    private final Map<Path, PendingFrame> pending = new HashMap<>();
    /** Runs waiting for an extractor thread, the most recently planned first. */
    private final Deque<Run> queued = new ArrayDeque<>();
    private final Set<Run> running = new HashSet<>();
    private boolean closed;
    private final ExecutorService extractors =
            Executors.newCachedThreadPool(BackgroundTasks.named("onmodel-movie-frames"));
    private final AtomicInteger ffmpegRuns = new AtomicInteger();
    /** Per movie version (path, size, time): whether its frames may hold transparency (asked once, of ffprobe). */
    private final Map<String, Boolean> alphaByMovie = new ConcurrentHashMap<>();

    private record MovieFrame(MovieMedia movie, long frame) {
    }

    /**
     * @param folder      where frame files are kept (created on first use)
     * @param tools       ffmpeg, or empty: then no movie frame can be shown
     * @param maxPixels   movies with larger frames are not decoded
     * @param budgetBytes how much the folder may hold
     */
    public MovieFrameFiles(Path folder, Optional<FfmpegTools> tools, long maxPixels, long budgetBytes) {
        this(folder, tools, maxPixels, budgetBytes, RUN_LENGTH);
    }

    /**
     * @param runLength frames one ffmpeg process makes at most ({@link #RUN_LENGTH}; 1 decodes frame by frame)
     */
    public MovieFrameFiles(Path folder, Optional<FfmpegTools> tools, long maxPixels, long budgetBytes,
                           int runLength) {
        this(folder, tools, maxPixels, budgetBytes, runLength, LINGER_MILLIS);
    }

    /** @param lingerMillis how long a forward run that made its frames waits to be asked for more */
    MovieFrameFiles(Path folder, Optional<FfmpegTools> tools, long maxPixels, long budgetBytes, int runLength,
                    long lingerMillis) {
        if (runLength < 1) {
            throw new IllegalArgumentException("a run is at least one frame: " + runLength);
        }
        this.folder = folder;
        this.tools = tools;
        this.maxPixels = maxPixels;
        this.budgetBytes = budgetBytes;
        this.runLength = runLength;
        this.lingerMillis = lingerMillis;
    }

    /** Whether movie frames can be shown at all (ffmpeg was found). */
    public boolean available() {
        return tools.isPresent();
    }

    /**
     * The name under which frame {@code frame} of {@code movie} is shown; empty when ffmpeg is missing or the
     * frame is outside the movie. No disk access.
     */
    public Optional<Path> pathFor(MovieMedia movie, long frame) {
        if (tools.isEmpty() || !movie.range().contains(frame)) {
            return Optional.empty();
        }
        Path name = folder.resolve(sha1(movie.file().toAbsolutePath().normalize().toString()))
                .resolve(frame + ".frame");
        named.putIfAbsent(name, new MovieFrame(movie, frame));
        return Optional.of(name);
    }

    /**
     * The file to read for {@code file}: itself, unless it is a name from {@link #pathFor}, in which case the frame's
     * PNG, decoded and written first when it is not there yet (in a run with its neighbours, see the class comment).
     * Blocking (ffmpeg); never call it on the FX thread.
     *
     * @throws IOException naming the movie and frame when ffmpeg cannot decode it
     */
    public Path readable(Path file) throws IOException {
        MovieFrame wanted = named.get(file);
        if (wanted == null || tools.isEmpty()) {
            return file;
        }
        MovieMedia movie = wanted.movie();
        BasicFileAttributes attributes = Files.readAttributes(movie.file(), BasicFileAttributes.class);
        String identity = sha1(movie.file().toAbsolutePath().normalize() + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis()).substring(0, 16);
        Path target = frameFile(file.getParent(), identity, wanted.frame());
        if (Files.isRegularFile(target)) {
            return target;
        }
        while (true) {
            PendingFrame frame;
            synchronized (runs) {
                frame = pending.get(target);
                if (frame == null) {
                    if (Files.isRegularFile(target)) {
                        return target; // a run finished it since the first look
                    }
                    if (closed) {
                        throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "frame " + wanted.frame()
                                + " of " + movie.file().getFileName() + " not decoded: the viewer is closing");
                    }
                    frame = plan(movie, file.getParent(), identity, wanted.frame());
                }
                frame.waiters++;
            }
            try {
                return frame.done.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RunStopped) {
                    continue; // its run was stopped before reaching it: plan it again
                }
                if (e.getCause() instanceof IOException failure) {
                    throw failure;
                }
                throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "frame " + wanted.frame() + " of "
                        + movie.file().getFileName() + " not decoded: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                frame.run.stop();
                throw new MediaReadException(movie.file(), MediaProblem.Kind.MOVIE, "ffmpeg did not decode frame "
                        + wanted.frame() + " of " + movie.file().getFileName() + " within " + WAIT_SECONDS + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for frame " + wanted.frame() + " of "
                        + movie.file());
            } finally {
                synchronized (runs) {
                    frame.waiters--;
                }
            }
        }
    }

    /** ffmpeg processes started so far (tests check that waiting requests start none of their own). */
    int ffmpegRuns() {
        return ffmpegRuns.get();
    }

    /** Stops every run (and its ffmpeg) and refuses new ones: the viewer is closing. */
    public void shutdown() {
        synchronized (runs) {
            closed = true;
            for (Run run : List.copyOf(queued)) {
                queued.remove(run);
                end(run, new RunStopped());
            }
            running.forEach(Run::stop);
        }
        extractors.shutdown();
    }

    /** {@link #shutdown}, then waits until no run writes any more (tests delete the folder next). */
    void shutdownAndWait() throws InterruptedException {
        shutdown();
        if (!extractors.awaitTermination(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a run of movie frames did not stop within 20 s");
        }
    }

    private static Path frameFile(Path movieFolder, String identity, long frame) {
        return movieFolder.resolve(identity + "-" + frame + ".png");
    }

    /**
     * Plans the run that makes {@code wanted}: it and the frames after it that are neither there nor being made, up to
     * the run length and the movie's end, added to a forward run that is making the frames just before it when there
     * is one; or, when the frame after it is there or coming (the viewer goes backwards), the frames before it that are
     * not, up to {@link MovieFrameRun#backwardRunLength}, ending with it and made from it backwards. Queues the run and
     * returns the wanted frame. Called holding {@link #runs}.
     */
    private PendingFrame plan(MovieMedia movie, Path movieFolder, String identity, long wanted) {
        for (Run going : running) {
            if (going.canGoOnTo(identity, wanted)) {
                addFrames(going, Math.min(movie.range().last(), wanted + runLength - 1), wanted);
                runs.notifyAll(); // a run waiting for more frames goes on
                return going.frames.get((int) (wanted - going.first));
            }
        }
        long first = wanted;
        long last = Math.min(movie.range().last(), wanted + runLength - 1);
        boolean backwards = runLength > 1 && wanted < movie.range().last()
                && thereOrComing(frameFile(movieFolder, identity, wanted + 1));
        if (backwards) {
            long earliest = Math.max(movie.range().start(),
                    wanted - MovieFrameRun.backwardRunLength(movie, runLength) + 1);
            while (first > earliest && !thereOrComing(frameFile(movieFolder, identity, first - 1))) {
                first--;
            }
            last = wanted;
        }
        Run run = new Run(movie, movieFolder, identity, first, backwards);
        addFrames(run, last, wanted);
        for (Run other : List.copyOf(queued)) {
            if (run.jumpsAwayFrom(other) && other.waiters() == 0) {
                queued.remove(other);
                end(other, new RunStopped());
            }
        }
        for (Run other : running) {
            if (run.jumpsAwayFrom(other)) {
                other.supersededAt = System.nanoTime();
                if (other.waiters() == 0) {
                    other.stop();
                }
            }
        }
        queued.addFirst(run);
        startQueued();
        return run.frames.get((int) (wanted - first));
    }

    /**
     * Adds frames to {@code run} from the one after its last to {@code last}, ending early where a frame after
     * {@code wanted} is already there or coming (one run is consecutive frames). Called holding {@link #runs}.
     */
    private void addFrames(Run run, long last, long wanted) {
        for (long f = run.first + run.frames.size(); f <= last; f++) {
            Path target = frameFile(run.movieFolder, run.identity, f);
            if (f > wanted && thereOrComing(target)) {
                break;
            }
            PendingFrame frame = new PendingFrame(run, f, target);
            run.frames.add(frame);
            pending.put(target, frame);
        }
    }

    /** Whether a frame's PNG is there or a run is making it. Called holding {@link #runs}. */
    private boolean thereOrComing(Path target) {
        return pending.containsKey(target) || Files.isRegularFile(target);
    }

    /**
     * Starts the most recently planned runs while extractor threads are free; a run waiting to go on gives its thread
     * up to a queued one. Called holding {@link #runs}.
     */
    private void startQueued() {
        while (!closed && running.size() < MAX_RUNNING && !queued.isEmpty()) {
            Run run = queued.pollFirst();
            running.add(run);
            extractors.execute(run);
        }
        if (!queued.isEmpty()) {
            for (Run waiting : running) {
                if (waiting.lingering) {
                    waiting.released = true;
                }
            }
            runs.notifyAll();
        }
    }

    /**
     * A run is over: its frames not made are forgotten (their requests plan them again after {@code RunStopped}, or
     * see the failure), and the next queued run starts. Called holding {@link #runs}.
     */
    private void end(Run run, Throwable outcome) {
        boolean whereItStopped = true;
        // The frame where it stopped is the first not made in the order the run makes them: from its last backwards.
        List<PendingFrame> inOrder = new ArrayList<>(run.frames);
        if (run.backwards) {
            Collections.reverse(inOrder);
        }
        for (PendingFrame frame : inOrder) {
            if (frame.done.isDone()) {
                continue;
            }
            pending.remove(frame.target);
            frame.done.completeExceptionally(outcome instanceof RunStopped ? outcome
                    : failureOf(run, frame, outcome, whereItStopped));
            whereItStopped = false;
        }
        running.remove(run);
        startQueued();
    }

    /**
     * The failure a request for {@code frame} sees: it names the movie and that frame. The run's own failure
     * ({@link MovieFrameRun} names the first frame it could not make) is passed on for the frame where the run stopped.
     */
    private static IOException failureOf(Run run, PendingFrame frame, Throwable outcome, boolean whereItStopped) {
        if (whereItStopped && outcome instanceof MediaReadException read) {
            return read;
        }
        MediaProblem.Kind kind = outcome instanceof MediaReadException read ? read.kind() : MediaProblem.Kind.MOVIE;
        return new MediaReadException(run.movie.file(), kind, "frame " + frame.frame + " of "
                + run.movie.file().getFileName() + " not decoded: " + outcome.getMessage(), outcome);
    }

    /** A run was stopped before it reached a frame: whoever waits for that frame asks for it again. */
    private static final class RunStopped extends Exception {
        private static final long serialVersionUID = 1L;

        RunStopped() {
            super("run stopped", null, false, false);
        }
    }

    /** A frame a run is to make, and the requests waiting for it. */
    private static final class PendingFrame {
        final Run run;
        final long frame;
        final Path target;
        final CompletableFuture<Path> done = new CompletableFuture<>();
        /** Requests waiting for it now; guarded by {@link #runs}. */
        int waiters;

        PendingFrame(Run run, long frame, Path target) {
            this.run = run;
            this.frame = frame;
            this.target = target;
        }
    }

    /**
     * Consecutive frames of one movie made by one ffmpeg process: forward, from its first frame on, or backwards, from
     * its last. A forward run's frames can grow while it runs ({@link #addFrames}); {@link #frames} is guarded by
     * {@link #runs}.
     */
    private final class Run implements Runnable {
        final MovieMedia movie;
        final Path movieFolder;
        final String identity;
        final long first;
        final boolean backwards;
        final List<PendingFrame> frames = new ArrayList<>();
        /** When a run far from this one was asked for (0: never); guarded by {@link #runs}. */
        long supersededAt;
        /** Frames made so far; guarded by {@link #runs}. */
        int made;
        /** It has made every frame asked of it and waits to be asked for more; guarded by {@link #runs}. */
        boolean lingering;
        /** A queued run needs its thread: it stops instead of waiting; guarded by {@link #runs}. */
        boolean released;
        /** It has decided to stop and takes no more frames; guarded by {@link #runs}. */
        boolean finishing;
        private volatile boolean stopped;
        private volatile Process process;

        Run(MovieMedia movie, Path movieFolder, String identity, long first, boolean backwards) {
            this.movie = movie;
            this.movieFolder = movieFolder;
            this.identity = identity;
            this.first = first;
            this.backwards = backwards;
        }

        /**
         * Whether this run can make {@code wanted} by going on: a forward run of the same movie version, still
         * running, whose frames from its last planned one up to {@code wanted} are neither there nor coming and lie
         * within a run's length. Called holding {@link #runs}.
         */
        boolean canGoOnTo(String movieIdentity, long wanted) {
            if (backwards || runLength == 1 || finishing || released || stopped || !identity.equals(movieIdentity)
                    || wanted <= last() || wanted > last() + runLength) {
                return false;
            }
            for (long f = last() + 1; f <= wanted; f++) {
                if (thereOrComing(frameFile(movieFolder, identity, f))) {
                    return false;
                }
            }
            return true;
        }

        long last() {
            return first + frames.size() - 1;
        }

        /**
         * Whether this run is in the same movie as {@code other} but more than a run's length away from it: the
         * viewer jumped, and what {@code other} makes is no longer near the playhead.
         */
        boolean jumpsAwayFrom(Run other) {
            return other.movie.file().equals(movie.file())
                    && (first < other.first - runLength || first > other.last() + runLength);
        }

        /** Requests waiting for frames this run has not made yet. Called holding {@link #runs}. */
        int waiters() {
            return frames.stream().filter(f -> !f.done.isDone()).mapToInt(f -> f.waiters).sum();
        }

        void stop() {
            stopped = true;
            Process started = process;
            if (started != null) {
                started.destroyForcibly();
            }
            synchronized (runs) {
                runs.notifyAll(); // a run waiting to go on ends
            }
        }

        /**
         * After each frame: go on unless stopped, or superseded by a jump and nobody waits for the rest. A forward
         * run that has made all its frames, short of the movie's end, waits up to {@link #LINGER_MILLIS} to be asked
         * for more.
         */
        private boolean goOn() {
            synchronized (runs) {
                made++;
                if (!backwards && made == frames.size() && runLength > 1 && last() < movie.range().last()) {
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lingerMillis);
                    lingering = true;
                    try {
                        long left;
                        while (made == frames.size() && !stopped && !closed && !released
                                && (left = deadline - System.nanoTime()) > 0) {
                            TimeUnit.NANOSECONDS.timedWait(runs, left);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        finishing = true;
                        return false;
                    } finally {
                        lingering = false;
                    }
                }
                boolean goOn = made < frames.size() && !stopped && !closed && (supersededAt == 0 || waiters() > 0);
                finishing = !goOn;
                return goOn;
            }
        }

        @Override
        public void run() {
            Throwable outcome = new RunStopped();
            try {
                Files.createDirectories(movieFolder);
                FfmpegTools ffmpeg = tools.orElseThrow();
                boolean keepAlpha = alphaByMovie.computeIfAbsent(identity,
                        movieVersion -> MovieFrameRun.mayHaveAlpha(ffmpeg, movie));
                int planned;
                synchronized (runs) {
                    planned = frames.size();
                }
                // A forward run may be asked to go on to the movie's end; it stops itself when it is not.
                int count = backwards || runLength == 1 ? planned : (int) Math.min(Integer.MAX_VALUE,
                        movie.range().last() - first + 1);
                int delivered = MovieFrameRun.extract(ffmpeg, movie, first, count, maxPixels, keepAlpha, backwards,
                        started -> {
                            ffmpegRuns.incrementAndGet();
                            process = started;
                            if (stopped) {
                                started.destroyForcibly();
                            }
                        },
                        (frame, png) -> {
                            PendingFrame made;
                            synchronized (runs) {
                                made = frames.get((int) (frame - first));
                            }
                            // Whole or not at all: a decoding thread may read the file the moment it exists.
                            AtomicFiles.write(made.target, out -> out.write(png));
                            written(made.target);
                            synchronized (runs) {
                                pending.remove(made.target);
                                made.done.complete(made.target);
                            }
                            return goOn();
                        });
                synchronized (runs) {
                    if (delivered == frames.size()) {
                        outcome = null;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A stopped run's ffmpeg was killed: its broken output is no failure of the movie.
                outcome = stopped ? new RunStopped() : e;
            } finally {
                synchronized (runs) {
                    end(this, outcome == null ? new RunStopped() : outcome);
                }
            }
        }
    }

    /** Counts a new file against the budget and trims the folder when it is over. */
    private synchronized void written(Path file) throws IOException {
        if (usedBytes < 0) {
            usedBytes = frameFiles().stream().mapToLong(f -> f.size).sum();
        } else {
            usedBytes += Files.size(file);
        }
        if (usedBytes <= budgetBytes) {
            return;
        }
        List<FrameFile> files = new ArrayList<>(frameFiles());
        files.sort(Comparator.comparingLong(f -> f.written));
        long kept = files.stream().mapToLong(f -> f.size).sum();
        for (FrameFile f : files) {
            if (kept <= budgetBytes * 3 / 4) {
                break;
            }
            if (!f.path.equals(file) && Files.deleteIfExists(f.path)) {
                kept -= f.size;
            }
        }
        usedBytes = kept;
    }

    private record FrameFile(Path path, long size, long written) {
    }

    /** The frame files in the folder, with their sizes and modification times. */
    private List<FrameFile> frameFiles() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<FrameFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(p -> p.getFileName().toString().endsWith(".png")).toList()) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    files.add(new FrameFile(p, a.size(), a.lastModifiedTime().toMillis()));
                } catch (NoSuchFileException gone) {
                    // deleted meanwhile (another window trimming the same folder): nothing to count
                }
            }
        }
        return files;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
