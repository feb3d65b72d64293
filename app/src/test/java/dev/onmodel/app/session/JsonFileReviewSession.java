package dev.onmodel.app.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Test double of {@link ReviewSession}: the log lives in memory and, when a file is given, in a JSON file rewritten
 * atomically after every commit, so a test can "restart" by opening a new session on the same file. Scores come
 * from a function the test supplies. A test can make the next commit fail to check that nothing is shown as saved.
 */
public final class JsonFileReviewSession extends MirroredReviewSession {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Function<FrameKey, Optional<FrameScore>> scorer;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> daemon(r, "test-store-writer"));
    private final List<DecisionEvent> log = new ArrayList<>();
    private final Map<String, ReviewPassInfo> passes = new LinkedHashMap<>();
    private final Map<String, HeroMark> heroes = new LinkedHashMap<>();
    private final AtomicReference<RuntimeException> failNext = new AtomicReference<>();
    private volatile Duration writeDelay = Duration.ZERO;
    private volatile Duration scoreDelay = Duration.ZERO;
    private long nextId = 1;

    /** A frame a scorer is asked about. */
    public record FrameKey(String shot, String variant, long frame) {
    }

    /**
     * @param file   JSON file to persist to (read back when it exists); null keeps everything in memory
     * @param scorer what the scoring job "finds" per frame
     */
    public JsonFileReviewSession(Path file, Reviewer reviewer, String pass,
                                 Function<FrameKey, Optional<FrameScore>> scorer) {
        super(reviewer, pass);
        this.file = file;
        this.scorer = scorer;
        if (file != null && Files.exists(file)) {
            load();
        }
        passes.putIfAbsent(pass, new ReviewPassInfo(pass, Instant.now(), Optional.empty()));
    }

    /** The next write fails with {@code error} and commits nothing. */
    public void failNextCommit(RuntimeException error) {
        failNext.set(error);
    }

    /** Slows each commit down, to see "saving" states. */
    public void setWriteDelay(Duration delay) {
        writeDelay = delay;
    }

    /** Slows each scored frame down, to see streaming and cancel. */
    public void setScoreDelay(Duration delay) {
        scoreDelay = delay;
    }

    @Override
    public CompletableFuture<Decision> record(DecisionDraft draft) {
        return CompletableFuture.supplyAsync(() -> {
            ReviewPassInfo info = passes.get(pass);
            if (info != null && !info.isOpen()) {
                throw new IllegalStateException("pass '" + pass + "' is closed");
            }
            Decision decision = commit(draft.shot(), draft.variant(), draft.frames(), draft.verdict(), draft.note(),
                    draft.verdict() == null ? DecisionEvent.Kind.CLEAR : DecisionEvent.Kind.SET, OptionalLong.empty());
            undo.recorded(decision.id());
            return decision;
        }, writer);
    }

    @Override
    public CompletableFuture<Optional<Decision>> undo() {
        return CompletableFuture.supplyAsync(() -> act(undo.nextUndo(), DecisionEvent.Kind.UNDO), writer);
    }

    @Override
    public CompletableFuture<Optional<Decision>> redo() {
        return CompletableFuture.supplyAsync(() -> act(undo.nextRedo(), DecisionEvent.Kind.REDO), writer);
    }

    private Optional<Decision> act(OptionalLong target, DecisionEvent.Kind kind) {
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Decision original = log.stream().filter(e -> e.id() == target.getAsLong()).findFirst().orElseThrow()
                .decision();
        commit(original.shot(), original.variant(), original.frames(), null, "", kind, target);
        if (kind == DecisionEvent.Kind.UNDO) {
            undo.undone(original.id());
        } else {
            undo.redone(original.id());
        }
        return Optional.of(original);
    }

    /** Runs on the writer thread: the "transaction". */
    private Decision commit(String shot, String variant, FrameRange frames, Verdict verdict, String note,
                            DecisionEvent.Kind kind, OptionalLong target) {
        sleep(writeDelay);
        RuntimeException failure = failNext.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        Decision decision = new Decision(nextId++, shot, variant, frames, verdict, note, reviewer.name(),
                reviewer.role(), pass, Instant.now());
        DecisionEvent event = new DecisionEvent(decision, kind, target);
        log.add(event);
        persist();
        mirror.add(event);
        listeners.forEach(l -> l.decisionsChanged(shot, variant));
        return decision;
    }

    @Override
    public synchronized List<ReviewPassInfo> passes() {
        return List.copyOf(passes.values());
    }

    @Override
    public CompletableFuture<ReviewPassInfo> openPass(String name) {
        return CompletableFuture.supplyAsync(() -> {
            ReviewPassInfo info = new ReviewPassInfo(name, Instant.now(), Optional.empty());
            synchronized (this) {
                passes.put(name, info);
            }
            persist();
            listeners.forEach(SessionListener::passesChanged);
            return info;
        }, writer);
    }

    @Override
    public CompletableFuture<ReviewPassInfo> closePass(String name) {
        return CompletableFuture.supplyAsync(() -> {
            ReviewPassInfo info;
            synchronized (this) {
                ReviewPassInfo old = passes.get(name);
                if (old == null) {
                    throw new IllegalArgumentException("no pass named '" + name + "'");
                }
                info = new ReviewPassInfo(name, old.openedAt(), Optional.of(Instant.now()));
                passes.put(name, info);
            }
            persist();
            listeners.forEach(SessionListener::passesChanged);
            return info;
        }, writer);
    }

    @Override
    public synchronized Optional<HeroMark> hero(String shot) {
        return Optional.ofNullable(heroes.get(shot));
    }

    @Override
    public CompletableFuture<HeroMark> markHero(String shot, String variant, FrameRange approved, String note) {
        return CompletableFuture.supplyAsync(() -> {
            sleep(writeDelay);
            HeroMark mark = new HeroMark(shot, variant, approved, reviewer.name(), note, Instant.now());
            synchronized (this) {
                heroes.put(shot, mark);
            }
            persist();
            listeners.forEach(l -> l.heroChanged(shot));
            return mark;
        }, writer);
    }

    @Override
    public ScoringJob startScoring(Collection<Variant> variants) {
        return new ScriptedFrameScoring(scorer, scoreDelay).start(List.copyOf(variants), scoreSink());
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- persistence: a plain JSON document, rewritten atomically ------------------------------------------------

    private synchronized void persist() {
        if (file == null) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DecisionEvent e : log) {
            Decision d = e.decision();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("kind", e.kind().name());
            row.put("target", e.target().isPresent() ? e.target().getAsLong() : null);
            row.put("shot", d.shot());
            row.put("variant", d.variant());
            row.put("start", d.frames().start());
            row.put("end", d.frames().endExclusive());
            row.put("verdict", d.verdict() == null ? null : d.verdict().name());
            row.put("note", d.note());
            row.put("reviewer", d.reviewer());
            row.put("role", d.role().name());
            row.put("pass", d.pass());
            row.put("at", d.recordedAt().toString());
            rows.add(row);
        }
        List<Map<String, Object>> heroRows = new ArrayList<>();
        for (HeroMark h : heroes.values()) {
            heroRows.add(Map.of("shot", h.shot(), "variant", h.variant(), "start", h.approved().start(),
                    "end", h.approved().endExclusive(), "by", h.chosenBy(), "note", h.note(),
                    "at", h.recordedAt().toString()));
        }
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), Map.of("decisions", rows, "heroes", heroRows));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void load() {
        try {
            Map<String, Object> doc = JSON.readValue(file.toFile(), Map.class);
            for (Map<String, Object> row : (List<Map<String, Object>>) doc.get("decisions")) {
                String verdict = (String) row.get("verdict");
                Decision d = new Decision(((Number) row.get("id")).longValue(), (String) row.get("shot"),
                        (String) row.get("variant"), new FrameRange(((Number) row.get("start")).longValue(),
                        ((Number) row.get("end")).longValue()), verdict == null ? null : Verdict.valueOf(verdict),
                        (String) row.get("note"), (String) row.get("reviewer"), Role.valueOf((String) row.get("role")),
                        (String) row.get("pass"), Instant.parse((String) row.get("at")));
                Number target = (Number) row.get("target");
                DecisionEvent event = new DecisionEvent(d, DecisionEvent.Kind.valueOf((String) row.get("kind")),
                        target == null ? OptionalLong.empty() : OptionalLong.of(target.longValue()));
                log.add(event);
                mirror.add(event);
                nextId = Math.max(nextId, d.id() + 1);
            }
            for (Map<String, Object> row : (List<Map<String, Object>>) doc.get("heroes")) {
                heroes.put((String) row.get("shot"), new HeroMark((String) row.get("shot"), (String) row.get("variant"),
                        new FrameRange(((Number) row.get("start")).longValue(), ((Number) row.get("end")).longValue()),
                        (String) row.get("by"), (String) row.get("note"), Instant.parse((String) row.get("at"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
