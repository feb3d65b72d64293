package dev.onmodel.app.session;

import dev.onmodel.app.session.JsonFileReviewSession.FrameKey;
import dev.onmodel.core.model.Variant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Test stand-in for the consistency engine behind {@link FrameScoring}: one background thread asks a function for
 * each frame's score (the test knows the answers) and streams them with progress and ETA; cancel stops it between
 * frames.
 */
public final class ScriptedFrameScoring implements FrameScoring {

    private final Function<FrameKey, Optional<FrameScore>> scorer;
    private final Duration perFrame;

    public ScriptedFrameScoring(Function<FrameKey, Optional<FrameScore>> scorer, Duration perFrame) {
        this.scorer = scorer;
        this.perFrame = perFrame;
    }

    @Override
    public ScoringJob start(List<Variant> variants, Sink sink) {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<ScoringProgress> done = new CompletableFuture<>();
        List<FrameKey> frames = new ArrayList<>();
        for (Variant v : variants) {
            for (long f : v.media().frameNumbers()) {
                frames.add(new FrameKey(v.shot(), v.name(), f));
            }
        }
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            long count = 0;
            for (FrameKey key : frames) {
                if (cancelled.get()) {
                    break;
                }
                if (!perFrame.isZero()) {
                    try {
                        Thread.sleep(perFrame.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                try {
                    scorer.apply(key).ifPresent(sink::scored);
                } catch (RuntimeException e) {
                    // As the real scorings do: the error, then a last report of a job that stopped.
                    sink.failed(e);
                    ScoringProgress last = new ScoringProgress(count, frames.size(), 1, Optional.empty(), true, true);
                    sink.progress(last);
                    done.complete(last);
                    return;
                }
                count++;
                long elapsed = System.nanoTime() - started;
                sink.progress(new ScoringProgress(count, frames.size(), 0,
                        Optional.of(Duration.ofNanos(elapsed / count * (frames.size() - count))), false, false));
            }
            ScoringProgress last = new ScoringProgress(count, frames.size(), 0, Optional.of(Duration.ZERO), true,
                    cancelled.get());
            sink.progress(last);
            done.complete(last);
        }, "scripted-scoring");
        thread.setDaemon(true);
        thread.start();
        return new ScoringJob() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public CompletableFuture<ScoringProgress> completion() {
                return done;
            }
        };
    }
}
