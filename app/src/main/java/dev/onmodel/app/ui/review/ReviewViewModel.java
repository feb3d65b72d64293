package dev.onmodel.app.ui.review;

import dev.onmodel.app.session.CastMark;
import dev.onmodel.app.session.DecisionDraft;
import dev.onmodel.app.session.FrameScore;
import dev.onmodel.app.session.HeroMark;
import dev.onmodel.app.session.HistoryEntry;
import dev.onmodel.app.session.ReviewSession;
import dev.onmodel.app.session.ScoreBand;
import dev.onmodel.app.session.ScoringJob;
import dev.onmodel.app.session.ScoringProgress;
import dev.onmodel.app.session.SessionListener;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.Timecode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * State of the review screen, testable without a Stage: selection (shot, variant, frame numbered as in the file
 * names), in/out marks, the current frame's decision, score and history, pass filter, compare mode, playback, and
 * the save status of decisions sent to the {@link ReviewSession}.
 *
 * <p>Threads: every method and property belongs to the UI thread. Session callbacks arrive on the session's threads
 * and are handed to {@code uiThread} (the FX thread in the app, the caller's thread in tests).
 */
public final class ReviewViewModel {

    private final Project project;
    private final ReviewSession session;
    private final Executor uiThread;
    private final ObservableList<Shot> shots;
    private final ObjectProperty<Shot> selectedShot = new SimpleObjectProperty<>(this, "selectedShot");
    private final ObjectProperty<Variant> selectedVariant = new SimpleObjectProperty<>(this, "selectedVariant");
    private final ObjectProperty<Variant> compareVariant = new SimpleObjectProperty<>(this, "compareVariant");
    private final LongProperty currentFrame = new SimpleLongProperty(this, "currentFrame");
    private final ReadOnlyObjectWrapper<FrameRange> frameRange = new ReadOnlyObjectWrapper<>(this, "frameRange");
    private final ReadOnlyStringWrapper frameCounter = new ReadOnlyStringWrapper(this, "frameCounter", "");
    private final ReadOnlyStringWrapper timecode = new ReadOnlyStringWrapper(this, "timecode", "");
    private final ReadOnlyLongWrapper selectionVersion = new ReadOnlyLongWrapper(this, "selectionVersion");
    private final ReadOnlyLongWrapper decisionsVersion = new ReadOnlyLongWrapper(this, "decisionsVersion");
    private final ReadOnlyLongWrapper castsVersion = new ReadOnlyLongWrapper(this, "castsVersion");
    private final ReadOnlyLongWrapper scoresVersion = new ReadOnlyLongWrapper(this, "scoresVersion");
    private final ObjectProperty<Long> inPoint = new SimpleObjectProperty<>(this, "inPoint");
    private final ObjectProperty<Long> outPoint = new SimpleObjectProperty<>(this, "outPoint");
    private final ReadOnlyObjectWrapper<Decision> currentDecision = new ReadOnlyObjectWrapper<>(this, "currentDecision");
    private final ReadOnlyObjectWrapper<FrameScore> currentScore = new ReadOnlyObjectWrapper<>(this, "currentScore");
    /** The other cast characters of the current frame (beside the headline score's), each with its box. */
    private final ReadOnlyObjectWrapper<List<CastMark>> otherCastMarks =
            new ReadOnlyObjectWrapper<>(this, "otherCastMarks", List.of());
    /** Every cast character's mark per frame of the selected variant, for frames with several; read off the FX thread. */
    private NavigableMap<Long, List<CastMark>> variantCastMarks = new TreeMap<>();
    private final ObservableList<HistoryEntry> currentHistory = FXCollections.observableArrayList();
    // One read-only view each, kept: a fresh unmodifiable wrapper per call would be collected with its listeners.
    private final ObservableList<HistoryEntry> currentHistoryView =
            FXCollections.unmodifiableObservableList(currentHistory);
    private final ReadOnlyObjectWrapper<HeroMark> heroOfShot = new ReadOnlyObjectWrapper<>(this, "heroOfShot");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final ReadOnlyIntegerWrapper pendingWrites = new ReadOnlyIntegerWrapper(this, "pendingWrites");
    private final ObservableList<DecisionDraft> unsaved = FXCollections.observableArrayList();
    private final ObservableList<DecisionDraft> unsavedView = FXCollections.unmodifiableObservableList(unsaved);
    private final ReadOnlyBooleanWrapper lastWriteFailed = new ReadOnlyBooleanWrapper(this, "lastWriteFailed");
    private final IntegerProperty checkBelow = new SimpleIntegerProperty(this, "checkBelow", 85);
    private final IntegerProperty offModelBelow = new SimpleIntegerProperty(this, "offModelBelow", 65);
    private final ObjectProperty<PassFilter> passFilter = new SimpleObjectProperty<>(this, "passFilter", PassFilter.ALL);
    private final ObjectProperty<Role> filterRole = new SimpleObjectProperty<>(this, "filterRole", Role.DIRECTOR);
    private final ObjectProperty<CompareMode> compareMode =
            new SimpleObjectProperty<>(this, "compareMode", CompareMode.SINGLE);
    private final DoubleProperty differenceGain = new SimpleDoubleProperty(this, "differenceGain", 4.0);
    private final DoubleProperty wipePosition = new SimpleDoubleProperty(this, "wipePosition", 0.5);
    private final BooleanProperty overlaysVisible = new SimpleBooleanProperty(this, "overlaysVisible", true);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyIntegerWrapper playbackSpeed = new ReadOnlyIntegerWrapper(this, "playbackSpeed");
    private final ReadOnlyLongWrapper droppedFrames = new ReadOnlyLongWrapper(this, "droppedFrames");
    private final ReadOnlyDoubleWrapper scoringFraction = new ReadOnlyDoubleWrapper(this, "scoringFraction", -1);
    private final ReadOnlyStringWrapper scoringStatus = new ReadOnlyStringWrapper(this, "scoringStatus", "");
    private final ReadOnlyBooleanWrapper scoring = new ReadOnlyBooleanWrapper(this, "scoring");
    private final AtomicBoolean scoresRefreshQueued = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicReference<ScoringProgress> latestProgress =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final SessionListener sessionListener;
    private PlaybackClock clock;
    private ScoringJob scoringJob;
    private BiConsumer<String, Throwable> errorSink = (headline, error) -> { };
    /** Why the running scoring job stopped, once it reported an error (its last progress report follows). */
    private Throwable scoringError;

    /**
     * @param uiThread where session callbacks are handed over: {@code Platform::runLater} in the app
     */
    public ReviewViewModel(Project project, ReviewSession session, Executor uiThread) {
        this.project = project;
        this.session = session;
        this.uiThread = uiThread;
        this.shots = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(project.shots()));
        selectedShot.addListener((obs, old, shot) -> {
            Variant first = shot == null || shot.variants().isEmpty() ? null : shot.variants().get(0);
            inPoint.set(null);
            outPoint.set(null);
            compareVariant.set(shot == null || shot.variants().size() < 2 ? null : shot.variants().get(1));
            heroOfShot.set(shot == null ? null : session.hero(shot.name()).orElse(null));
            selectedVariant.set(first);
        });
        selectedVariant.addListener((obs, old, variant) -> {
            FrameRange range = variant == null ? null : variant.media().range();
            frameRange.set(range);
            if (range != null && !range.isEmpty()) {
                // Keep the same frame number when flipping variants (A/B on the same frame), else go to the start.
                long frame = old != null && range.contains(currentFrame.get()) ? currentFrame.get() : range.start();
                currentFrame.set(frame);
            }
            Shot shot = selectedShot.get();
            if (variant != null && shot != null && variant.equals(compareVariant.get()) && shot.variants().size() > 1) {
                compareVariant.set(old != null && !old.equals(variant) ? old : null);
            }
            selectionVersion.set(selectionVersion.get() + 1);
            variantCastMarks = new TreeMap<>();
            loadCastMarks();
            refreshCurrent();
        });
        currentFrame.addListener((obs, old, frame) -> refreshCurrent());
        sessionListener = new SessionListener() {
            @Override
            public void decisionsChanged(String shot, String variant) {
                uiThread.execute(() -> {
                    decisionsVersion.set(decisionsVersion.get() + 1);
                    refreshCurrent();
                });
            }

            @Override
            public void scoreArrived(FrameScore score) {
                // Thousands of scores may arrive a second: coalesce into one UI update per hand-over.
                if (scoresRefreshQueued.compareAndSet(false, true)) {
                    uiThread.execute(() -> {
                        scoresRefreshQueued.set(false);
                        scoresVersion.set(scoresVersion.get() + 1);
                        refreshCurrent();
                    });
                }
            }

            @Override
            public void scoringProgress(ScoringProgress progress) {
                // One hand-over at a time, showing the latest progress: a job reports every frame, and a queue of
                // label updates would only keep the FX thread busy while it is short of CPU.
                if (latestProgress.getAndSet(progress) == null) {
                    uiThread.execute(() -> showScoringProgress(latestProgress.getAndSet(null)));
                }
            }

            @Override
            public void scoringFailed(Exception error) {
                uiThread.execute(() -> {
                    scoringError = error;
                    errorSink.accept("Consistency scoring stopped. Scores already shown are kept; decisions are not"
                            + " affected.", error);
                });
            }

            @Override
            public void castsChanged() {
                uiThread.execute(() -> {
                    castsVersion.set(castsVersion.get() + 1);
                    loadCastMarks(); // a run ended: the scores of every character are stored now
                });
            }

            @Override
            public void heroChanged(String shot) {
                uiThread.execute(() -> {
                    Shot selected = selectedShot.get();
                    if (selected != null && selected.name().equals(shot)) {
                        heroOfShot.set(session.hero(shot).orElse(null));
                    }
                    decisionsVersion.set(decisionsVersion.get() + 1);
                });
            }
        };
        session.addListener(sessionListener);
        if (!shots.isEmpty()) {
            selectedShot.set(shots.get(0));
        }
    }

    /**
     * Where failures of background work are reported besides the status lines (the error dialog in the app), each
     * with one plain sentence saying what failed and what became of the work.
     */
    public void setErrorSink(BiConsumer<String, Throwable> sink) {
        errorSink = sink;
    }

    // ---- selection ---------------------------------------------------------------------------------------------

    public Project project() {
        return project;
    }

    public ReviewSession session() {
        return session;
    }

    public ObservableList<Shot> shots() {
        return shots;
    }

    public ObjectProperty<Shot> selectedShotProperty() {
        return selectedShot;
    }

    public ObjectProperty<Variant> selectedVariantProperty() {
        return selectedVariant;
    }

    /** The "B" side of compare modes: another variant of the selected shot. */
    public ObjectProperty<Variant> compareVariantProperty() {
        return compareVariant;
    }

    public LongProperty currentFrameProperty() {
        return currentFrame;
    }

    public ReadOnlyObjectProperty<FrameRange> frameRangeProperty() {
        return frameRange.getReadOnlyProperty();
    }

    /** "1013  (1001–1048)": the current frame number and the variant's range, as in the file names. */
    public ReadOnlyStringProperty frameCounterProperty() {
        return frameCounter.getReadOnlyProperty();
    }

    /** SMPTE timecode of the current frame (frame number as source time at the shot's rate). */
    public ReadOnlyStringProperty timecodeProperty() {
        return timecode.getReadOnlyProperty();
    }

    /** Changes whenever shot or variant changes, for views that redraw per selection. */
    public ReadOnlyLongProperty selectionVersionProperty() {
        return selectionVersion.getReadOnlyProperty();
    }

    /** Changes whenever recorded decisions or hero marks change, for the timeline to repaint. */
    public ReadOnlyLongProperty decisionsVersionProperty() {
        return decisionsVersion.getReadOnlyProperty();
    }

    /** Bumped when the casts the engine proposed changed (a scoring run finished): the cast shown may differ. */
    public ReadOnlyLongProperty castsVersionProperty() {
        return castsVersion.getReadOnlyProperty();
    }

    /** Changes as scores stream in (coalesced), for the timeline heat strip. */
    public ReadOnlyLongProperty scoresVersionProperty() {
        return scoresVersion.getReadOnlyProperty();
    }

    /** Moves the playhead by {@code delta} frames, clamped to the variant's range. */
    public void step(long delta) {
        FrameRange range = frameRange.get();
        if (range == null || range.isEmpty()) {
            return;
        }
        seek(currentFrame.get() + delta);
    }

    /** Moves the playhead to {@code frame}, clamped to the variant's range. */
    public void seek(long frame) {
        FrameRange range = frameRange.get();
        if (range == null || range.isEmpty()) {
            return;
        }
        currentFrame.set(Math.max(range.start(), Math.min(range.last(), frame)));
    }

    public void goToFirstFrame() {
        FrameRange range = frameRange.get();
        if (range != null && !range.isEmpty()) {
            currentFrame.set(range.start());
        }
    }

    public void goToLastFrame() {
        FrameRange range = frameRange.get();
        if (range != null && !range.isEmpty()) {
            currentFrame.set(range.last());
        }
    }

    /** Selects the previous (-1) or next (+1) variant of the shot, wrapping around. */
    public void cycleVariant(int direction) {
        Shot shot = selectedShot.get();
        Variant variant = selectedVariant.get();
        if (shot == null || shot.variants().isEmpty()) {
            return;
        }
        int index = Math.max(0, shot.variants().indexOf(variant));
        int size = shot.variants().size();
        selectedVariant.set(shot.variants().get(Math.floorMod(index + direction, size)));
    }

    /** Selects variant number {@code oneBased} (keys 1–9) of the shot; ignored when there is no such variant. */
    public void pickVariant(int oneBased) {
        Shot shot = selectedShot.get();
        if (shot != null && oneBased >= 1 && oneBased <= shot.variants().size()) {
            selectedVariant.set(shot.variants().get(oneBased - 1));
        }
    }

    /** Instant A/B flip: the compare variant becomes the viewed one and vice versa, on the same frame. */
    public void flipAB() {
        Variant b = compareVariant.get();
        Variant a = selectedVariant.get();
        if (b != null && a != null) {
            compareVariant.set(a);
            selectedVariant.set(b);
        }
    }

    /** Selects the previous (-1) or next (+1) shot in cut order, stopping at the ends. */
    public void cycleShot(int direction) {
        int index = shots.indexOf(selectedShot.get());
        int target = Math.max(0, Math.min(shots.size() - 1, index + direction));
        if (!shots.isEmpty()) {
            selectedShot.set(shots.get(target));
        }
    }

    /** The file of the current frame, when the variant is an image sequence and that frame exists on disk. */
    public Optional<Path> currentFrameFile() {
        return frameFile(currentFrame.get());
    }

    /** The file of {@code frame} in the selected variant, if it exists. */
    public Optional<Path> frameFile(long frame) {
        return frameFile(selectedVariant.get(), frame);
    }

    /** The file of {@code frame} in {@code variant}, if it is an image sequence holding that frame. */
    public static Optional<Path> frameFile(Variant variant, long frame) {
        if (variant != null && variant.media() instanceof ImageSequence sequence) {
            return sequence.file(frame);
        }
        return Optional.empty();
    }

    /**
     * The characters expected in the selected shot: its cast in project.json, else the cast the engine proposed,
     * else (not scored yet) every project character.
     */
    public List<CharacterSheet> castOfSelectedShot() {
        Shot shot = selectedShot.get();
        List<String> names = shot == null ? List.of() : castNames(shot);
        if (names.isEmpty()) {
            return project.characters();
        }
        return names.stream().map(project::character).flatMap(Optional::stream).toList();
    }

    /** The shot's cast: given in project.json, else proposed by the engine, else empty. */
    public List<String> castNames(Shot shot) {
        if (!shot.cast().isEmpty()) {
            return shot.cast();
        }
        return session.proposedCast(shot.name()).orElse(List.of());
    }

    /** Where the selected shot's cast comes from, in a few words a reviewer understands. */
    public String castSource() {
        Shot shot = selectedShot.get();
        if (shot == null) {
            return "";
        }
        if (!shot.cast().isEmpty()) {
            return "set for this shot";
        }
        return session.proposedCast(shot.name()).isPresent()
                ? "proposed by OnModel from the best matches"
                : "not set; every character is a candidate until scoring proposes a cast";
    }

    // ---- in / out and decisions --------------------------------------------------------------------------------

    /** The in mark (frame number), null when unset. */
    public ObjectProperty<Long> inPointProperty() {
        return inPoint;
    }

    /** The out mark (frame number, inclusive), null when unset. */
    public ObjectProperty<Long> outPointProperty() {
        return outPoint;
    }

    public void markIn() {
        inPoint.set(currentFrame.get());
        if (outPoint.get() != null && outPoint.get() < currentFrame.get()) {
            outPoint.set(null);
        }
    }

    public void markOut() {
        outPoint.set(currentFrame.get());
        if (inPoint.get() != null && inPoint.get() > currentFrame.get()) {
            inPoint.set(null);
        }
    }

    public void clearMarks() {
        inPoint.set(null);
        outPoint.set(null);
    }

    /**
     * The frames a verdict key applies to: the in/out range when a mark is set (a lone in runs to the last frame,
     * a lone out from the first), else the current frame.
     */
    public FrameRange decisionTarget() {
        FrameRange range = frameRange.get();
        Long in = inPoint.get();
        Long out = outPoint.get();
        if (range == null || range.isEmpty()) {
            return FrameRange.ofLength(currentFrame.get(), 1);
        }
        if (in == null && out == null) {
            return FrameRange.ofLength(currentFrame.get(), 1);
        }
        long first = in != null ? in : range.start();
        long last = out != null ? out : range.last();
        return FrameRange.ofInclusive(Math.min(first, last), Math.max(first, last));
    }

    /** A (approve), R (reject), W (rework) on the frame or the marked range; marks clear once it is saved. */
    public CompletableFuture<Decision> decide(Verdict verdict) {
        return decide(verdict, "");
    }

    /** Records {@code verdict} with {@code note} on the decision target. */
    public CompletableFuture<Decision> decide(Verdict verdict, String note) {
        Variant variant = selectedVariant.get();
        if (variant == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no variant selected"));
        }
        boolean ranged = inPoint.get() != null || outPoint.get() != null;
        DecisionDraft draft = new DecisionDraft(variant.shot(), variant.name(), decisionTarget(), verdict, note);
        return send(draft).thenApply(decision -> {
            uiThread.execute(() -> {
                if (ranged) {
                    clearMarks();
                }
            });
            return decision;
        });
    }

    /**
     * Sends a draft; the status says "saving" until the store committed, then "saved", or why it was not. The
     * returned future completes after the status was handed to the UI thread.
     */
    public CompletableFuture<Decision> send(DecisionDraft draft) {
        pendingWrites.set(pendingWrites.get() + 1);
        saveStatus.set("Saving " + draft.describe() + "\u2026");
        CompletableFuture<Decision> future;
        try {
            future = session.record(draft);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future.whenComplete((decision, error) -> uiThread.execute(() -> {
            pendingWrites.set(pendingWrites.get() - 1);
            if (error != null) {
                boolean firstFailure = !lastWriteFailed.get();
                unsaved.add(draft);
                lastWriteFailed.set(true);
                saveStatus.set("NOT saved: " + draft.describe() + " \u2014 " + reason(error)
                        + ". Kept for retry (Review \u25b8 Retry unsaved).");
                if (firstFailure) {
                    // One dialog per run of failures; the status line shows each one.
                    errorSink.accept("A decision could not be saved. It is kept in this window: use Review \u25b8"
                            + " Retry unsaved.", error);
                }
            } else {
                unsaved.remove(draft);
                lastWriteFailed.set(!unsaved.isEmpty());
                saveStatus.set("Saved: " + draft.describe());
            }
        }));
    }

    /** Sends every draft the store refused earlier again. */
    public void retryUnsaved() {
        for (DecisionDraft draft : List.copyOf(unsaved)) {
            unsaved.remove(draft);
            send(draft);
        }
    }

    public CompletableFuture<Optional<Decision>> undo() {
        saveStatus.set("Undoing\u2026");
        return session.undo().whenComplete((undone, error) -> uiThread.execute(() -> {
            if (error != null) {
                saveStatus.set("Undo NOT saved \u2014 " + reason(error));
                errorSink.accept("The undo could not be saved; the decision it would undo is still in force.", error);
            } else {
                saveStatus.set(undone.map(d -> "Undone: " + describe(d)).orElse("Nothing to undo"));
            }
        }));
    }

    public CompletableFuture<Optional<Decision>> redo() {
        saveStatus.set("Redoing\u2026");
        return session.redo().whenComplete((redone, error) -> uiThread.execute(() -> {
            if (error != null) {
                saveStatus.set("Redo NOT saved \u2014 " + reason(error));
                errorSink.accept("The redo could not be saved; nothing changed.", error);
            } else {
                saveStatus.set(redone.map(d -> "Redone: " + describe(d)).orElse("Nothing to redo"));
            }
        }));
    }

    /** Marks the viewed variant as the shot's hero with the marked range (or its whole range) approved. */
    public CompletableFuture<HeroMark> markHero() {
        Variant variant = selectedVariant.get();
        if (variant == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no variant selected"));
        }
        FrameRange approved = inPoint.get() != null || outPoint.get() != null ? decisionTarget()
                : variant.media().range();
        saveStatus.set("Saving hero " + variant.qualifiedName() + " " + approved + "\u2026");
        return session.markHero(variant.shot(), variant.name(), approved, "")
                .whenComplete((mark, error) -> uiThread.execute(() -> {
                    if (error != null) {
                        saveStatus.set("Hero NOT saved \u2014 " + reason(error));
                        errorSink.accept("The hero mark could not be saved; the shot keeps its previous hero.", error);
                    } else {
                        heroOfShot.set(mark);
                        saveStatus.set("Saved: hero " + mark.shot() + "/" + mark.variant() + " " + mark.approved());
                    }
                }));
    }

    /** "Saving…", "Saved: approve 1001-1005 of sh010/v001", or why the last write failed. */
    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    /** Writes sent and not yet committed or failed. */
    public ReadOnlyIntegerProperty pendingWritesProperty() {
        return pendingWrites.getReadOnlyProperty();
    }

    /** Drafts the store refused; kept for {@link #retryUnsaved}, never dropped. */
    public ObservableList<DecisionDraft> unsavedDrafts() {
        return unsavedView;
    }

    public ReadOnlyBooleanProperty lastWriteFailedProperty() {
        return lastWriteFailed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Decision> currentDecisionProperty() {
        return currentDecision.getReadOnlyProperty();
    }

    /** The current frame's other cast characters, each with its score and box (empty with a cast of one). */
    public ReadOnlyObjectProperty<List<CastMark>> otherCastMarksProperty() {
        return otherCastMarks.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FrameScore> currentScoreProperty() {
        return currentScore.getReadOnlyProperty();
    }

    /** Every decision that covered the current frame, oldest first. */
    public ObservableList<HistoryEntry> currentHistory() {
        return currentHistoryView;
    }

    public ReadOnlyObjectProperty<HeroMark> heroOfShotProperty() {
        return heroOfShot.getReadOnlyProperty();
    }

    // ---- scores, flags and pass filter -------------------------------------------------------------------------

    /** Scores below this are flagged ("check") and walked by {@code .} and {@code ,}. */
    public IntegerProperty checkBelowProperty() {
        return checkBelow;
    }

    /** Scores below this are off-model. */
    public IntegerProperty offModelBelowProperty() {
        return offModelBelow;
    }

    /** The band of a score under the current thresholds. */
    public ScoreBand band(int score) {
        return ScoreBand.of(score, checkBelow.get(), offModelBelow.get());
    }

    /** Whether {@code frame} of {@code variant} scored below the check threshold. */
    public boolean isFlagged(Variant variant, long frame) {
        return session.score(variant.shot(), variant.name(), frame).map(s -> s.score() < checkBelow.get())
                .orElse(false);
    }

    public ObjectProperty<PassFilter> passFilterProperty() {
        return passFilter;
    }

    /** The role {@link PassFilter#DECIDED_BY_ROLE} shows. */
    public ObjectProperty<Role> filterRoleProperty() {
        return filterRole;
    }

    /** Whether {@code frame} of {@code variant} is brought forward by the pass filter. */
    public boolean matchesFilter(Variant variant, long frame) {
        Decision decision = session.effectiveDecision(variant.shot(), variant.name(), frame).orElse(null);
        int score = session.score(variant.shot(), variant.name(), frame).map(FrameScore::score).orElse(-1);
        return matchesFilter(decision, score);
    }

    /**
     * Whether a frame with this decision in force ({@code null}: undecided) and score ({@code -1}: unscored) is
     * brought forward by the pass filter; the timeline calls this with its cached arrays.
     */
    public boolean matchesFilter(Decision decision, int score) {
        return switch (passFilter.get()) {
            case ALL -> true;
            case FLAGGED -> score >= 0 && score < checkBelow.get();
            case UNDECIDED_IN_PASS -> decision == null || !decision.pass().equals(session.pass());
            case DECIDED_BY_ROLE -> decision != null && decision.role() == filterRole.get();
        };
    }

    /** {@code .}: the next flagged frame (matching the pass filter) after the playhead; false when none. */
    public boolean nextFlagged() {
        return walkFlagged(1);
    }

    /** {@code ,}: the previous flagged frame (matching the pass filter) before the playhead; false when none. */
    public boolean previousFlagged() {
        return walkFlagged(-1);
    }

    /** What the last walk that found nothing put in the status line, so that a later successful walk can clear it. */
    private String lastWalkMessage = "";

    private boolean walkFlagged(int direction) {
        Variant variant = selectedVariant.get();
        FrameRange range = frameRange.get();
        if (variant == null || range == null || range.isEmpty()) {
            return false;
        }
        for (long f = currentFrame.get() + direction; range.contains(f); f += direction) {
            if (isFlagged(variant, f) && matchesFilter(variant, f)) {
                currentFrame.set(f);
                if (saveStatus.get().equals(lastWalkMessage)) {
                    saveStatus.set(""); // the walk's own earlier "none" no longer holds; a save status stays
                }
                return true;
            }
        }
        lastWalkMessage = direction > 0 ? "No flagged frame after " + currentFrame.get()
                : "No flagged frame before " + currentFrame.get();
        saveStatus.set(lastWalkMessage);
        return false;
    }

    /** Starts scoring every variant of the project in the background; scores stream into the timeline. */
    public void startScoring() {
        if (scoringJob != null) {
            return;
        }
        if (!session.canScore()) {
            scoringStatus.set("Consistency scores unavailable: no scoring engine in this build");
            return;
        }
        List<Variant> variants = project.shots().stream().flatMap(s -> s.variants().stream()).toList();
        scoring.set(true);
        scoringFraction.set(0);
        scoringStatus.set("Scoring\u2026");
        scoringError = null;
        scoringJob = session.startScoring(variants);
    }

    public void cancelScoring() {
        if (scoringJob != null) {
            scoringJob.cancel();
        }
    }

    private void showScoringProgress(ScoringProgress progress) {
        scoringFraction.set(progress.fraction());
        String eta = progress.remaining().map(ReviewViewModel::formatDuration).orElse("estimating");
        String failed = progress.failed() > 0 ? ", " + progress.failed() + " unreadable" : "";
        if (progress.finished()) {
            scoringJob = null;
            scoring.set(false);
            if (scoringError != null) {
                // The reason can name many files: it is in the error dialog, the status bar keeps to one short line.
                scoringStatus.set("Scoring stopped on an error after " + progress.done() + " of " + progress.total()
                        + " frames (see the message)");
            } else {
                scoringStatus.set((progress.cancelled() ? "Scoring cancelled: " : "Scored ") + progress.done() + " of "
                        + progress.total() + " frames" + failed);
            }
        } else {
            scoring.set(true);
            scoringStatus.set("Scoring " + progress.done() + "/" + progress.total() + failed + " \u00b7 " + eta
                    + " left");
        }
    }

    public ReadOnlyDoubleProperty scoringFractionProperty() {
        return scoringFraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scoringStatusProperty() {
        return scoringStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scoringProperty() {
        return scoring.getReadOnlyProperty();
    }

    // ---- viewer settings ---------------------------------------------------------------------------------------

    public ObjectProperty<CompareMode> compareModeProperty() {
        return compareMode;
    }

    /** Gain of the difference mode (1 = plain |A-B|). */
    public DoubleProperty differenceGainProperty() {
        return differenceGain;
    }

    /** Wipe line position, 0 (all B) to 1 (all A). */
    public DoubleProperty wipePositionProperty() {
        return wipePosition;
    }

    public BooleanProperty overlaysVisibleProperty() {
        return overlaysVisible;
    }

    // ---- playback ----------------------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Signed multiple of the shot's rate while playing (J/K/L shuttle): -4, -2, -1, 1, 2, 4; 0 when stopped. */
    public ReadOnlyIntegerProperty playbackSpeedProperty() {
        return playbackSpeed.getReadOnlyProperty();
    }

    /** Frames the viewer could not paint in time during playback since it started. */
    public ReadOnlyLongProperty droppedFramesProperty() {
        return droppedFrames.getReadOnlyProperty();
    }

    /** Space: play forward at the shot's rate, or stop. */
    public void togglePlay(long nowNanos) {
        if (playing.get()) {
            stop();
        } else {
            play(1, nowNanos);
        }
    }

    /** L: play forward, faster on each press (1, 2, 4×); J the same backwards; K stops. */
    public void shuttle(int direction, long nowNanos) {
        int speed = playbackSpeed.get();
        int next;
        if (speed == 0 || Integer.signum(speed) != direction) {
            next = direction;
        } else {
            next = Math.max(-4, Math.min(4, speed * 2));
        }
        play(next, nowNanos);
    }

    private void play(int speed, long nowNanos) {
        Shot shot = selectedShot.get();
        FrameRange range = frameRange.get();
        if (shot == null || range == null || range.isEmpty()) {
            return;
        }
        long start = currentFrame.get();
        if (speed > 0 && start >= range.last()) {
            start = range.start();
        } else if (speed < 0 && start <= range.start()) {
            start = range.last();
        }
        currentFrame.set(start);
        clock = new PlaybackClock(shot.rate(), speed, start, nowNanos);
        droppedFrames.set(0);
        playbackSpeed.set(speed);
        playing.set(true);
    }

    public void stop() {
        clock = null;
        playbackSpeed.set(0);
        playing.set(false);
    }

    /**
     * Called once per screen refresh while playing: moves the playhead to the frame due now. Playback loops over
     * the in/out range when set, else the variant. Returns the frames skipped since the last tick (dropped).
     */
    public long playbackTick(long nowNanos) {
        if (clock == null) {
            return 0;
        }
        FrameRange range = frameRange.get();
        if (range == null || range.isEmpty()) {
            stop();
            return 0;
        }
        FrameRange loop = inPoint.get() != null || outPoint.get() != null ? decisionTarget() : range;
        long due = clock.frameAt(nowNanos);
        long offset = Math.floorMod(due - loop.start(), loop.length());
        long target = loop.start() + offset;
        long previous = currentFrame.get();
        // Frames passed over in the direction of play, counted around the loop (1048 -> 1001 skips nothing).
        long distance = clock.speed() > 0 ? Math.floorMod(target - previous, loop.length())
                : Math.floorMod(previous - target, loop.length());
        long skipped = loop.contains(previous) ? Math.max(0, distance - Math.abs(clock.speed())) : 0;
        if (target != previous) {
            currentFrame.set(target);
        }
        return skipped;
    }

    /** The viewer reports frames it skipped or could not paint in time. */
    public void countDroppedFrames(long frames) {
        if (frames > 0) {
            droppedFrames.set(droppedFrames.get() + frames);
        }
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private void refreshCurrent() {
        updateLabels();
        Variant variant = selectedVariant.get();
        if (variant == null) {
            currentDecision.set(null);
            currentScore.set(null);
            if (!currentHistory.isEmpty()) {
                currentHistory.clear();
            }
            return;
        }
        long frame = currentFrame.get();
        currentDecision.set(session.effectiveDecision(variant.shot(), variant.name(), frame).orElse(null));
        FrameScore score = session.score(variant.shot(), variant.name(), frame).orElse(null);
        currentScore.set(score);
        String headline = score == null ? null : score.character().orElse(null);
        List<CastMark> others = variantCastMarks.getOrDefault(frame, List.of()).stream()
                .filter(mark -> !mark.character().equals(headline)).toList();
        if (!others.equals(otherCastMarks.get())) {
            otherCastMarks.set(others);
        }
        List<HistoryEntry> history = session.history(variant.shot(), variant.name(), frame);
        if (!history.equals(currentHistory)) {
            currentHistory.setAll(history); // unchanged history (most steps) costs the panels nothing
        }
    }

    /** Reads every cast character's marks of the selected variant in the background, then shows them. */
    private void loadCastMarks() {
        Variant variant = selectedVariant.get();
        if (variant == null) {
            return;
        }
        session.castMarks(variant.shot(), variant.name()).whenComplete((marks, error) -> uiThread.execute(() -> {
            if (error != null) {
                errorSink.accept("The other characters' scores of " + variant.qualifiedName() + " could not be read;"
                        + " the worst-scoring character is still framed.", error);
                return;
            }
            if (variant.equals(selectedVariant.get())) { // else the reviewer has moved on to another variant
                variantCastMarks = marks;
                refreshCurrent();
            }
        }));
    }

    private void updateLabels() {
        FrameRange range = frameRange.get();
        Shot shot = selectedShot.get();
        if (range == null || range.isEmpty() || shot == null) {
            frameCounter.set("no frames");
            timecode.set("--:--:--:--");
            return;
        }
        long frame = currentFrame.get();
        String missing = selectedVariant.get().media() instanceof ImageSequence && currentFrameFile().isEmpty()
                ? "  missing" : "";
        frameCounter.set(frame + "  (" + range.start() + "\u2013" + range.last() + ")" + missing);
        // A movie shows its own timecode (what its player and the edit lists show for the frame); a sequence's
        // frame number is its source time.
        timecode.set(selectedVariant.get().media() instanceof MovieMedia movie
                ? Timecode.format(Math.max(0, movie.sourceTimeOf(frame)), movie.rate(), false)
                : Timecode.format(Math.max(0, frame), shot.rate(), false));
    }

    /** "approve 1001-1005 of sh010/v001". */
    public static String describe(Decision d) {
        return (d.verdict() == null ? "clear" : d.verdict().word()) + " " + d.frames() + " of " + d.shot() + "/"
                + d.variant();
    }

    private static String reason(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    static String formatDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }

    /** Detaches from the session (the screen is closing). */
    public void dispose() {
        stop();
        cancelScoring();
        session.removeListener(sessionListener);
    }
}
