package dev.onmodel.app.session;

import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;

import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The workstation's only door to recorded review state: decisions, passes, hero marks and consistency scores.
 *
 * <p><b>Threads.</b> Writes return futures that complete on the session's writer thread <em>after</em> the store
 * committed; a failed write completes exceptionally and records nothing, so the UI can show "saved" truthfully and
 * keep the draft for a retry. Reads ({@link #effectiveDecision}, {@link #decisions}, {@link #history},
 * {@link #score}, {@link #hero}, {@link #passes}) are served from an in-memory mirror, never block and may be called
 * from the FX thread. Listeners are called on the session's threads.
 */
public interface ReviewSession extends AutoCloseable {

    /** Who decides in this session. */
    Reviewer reviewer();

    /** The pass new decisions go into. */
    String pass();

    /** Records a decision; completes with the committed decision (id and time set) once the store committed. */
    CompletableFuture<Decision> record(DecisionDraft draft);

    /**
     * Withdraws this session's latest decision still in force by recording an UNDO row; completes with the withdrawn
     * decision, or empty when there is nothing to undo.
     */
    CompletableFuture<Optional<Decision>> undo();

    /** Puts the latest undone decision back in force (a REDO row); empty when there is nothing to redo. */
    CompletableFuture<Optional<Decision>> redo();

    /** The decision in force on {@code frame} of the variant, empty when undecided (or cleared). */
    Optional<Decision> effectiveDecision(String shot, String variant, long frame);

    /**
     * The decisions in force on each frame of {@code frames}: element {@code i} is frame {@code frames.start() + i},
     * {@code null} where undecided. Cheap enough to paint a 2,000-frame timeline lane.
     */
    Decision[] decisions(String shot, String variant, FrameRange frames);

    /** Every decision that covered {@code frame}, oldest first, with undo state and overrules. */
    List<HistoryEntry> history(String shot, String variant, long frame);

    /** Known passes, oldest first. */
    List<ReviewPassInfo> passes();

    /** Opens (creates or reopens) a pass; decisions of other sessions may go into it. */
    CompletableFuture<ReviewPassInfo> openPass(String name);

    /** Closes a pass; it refuses new decisions until reopened. */
    CompletableFuture<ReviewPassInfo> closePass(String name);

    /** The hero mark of the shot in force, if any. */
    Optional<HeroMark> hero(String shot);

    /** Marks {@code variant} as the shot's hero with its approved frames; completes after the commit. */
    CompletableFuture<HeroMark> markHero(String shot, String variant, FrameRange approved, String note);

    /** The consistency score of a frame, once scored (from earlier runs or the running job). */
    Optional<FrameScore> score(String shot, String variant, long frame);

    /**
     * The cast the engine proposed from the best matches for a shot that project.json gives none, as the last
     * scoring run recorded it; empty when the shot has a cast in the project or was not scored yet.
     */
    default Optional<List<String>> proposedCast(String shot) {
        return Optional.empty();
    }

    /**
     * The project's scoring settings when its project.json sets the score thresholds (they then apply to every
     * reviewer); empty when it does not, and the reviewer's own thresholds are shown.
     */
    default Optional<ScoringSettings> projectThresholds() {
        return Optional.empty();
    }

    /**
     * Every cast character's stored score and box, per frame of a variant, for the frames where more than one
     * character was scored (the frame's headline score, {@link #score}, is the worst of them). Read off the calling
     * thread; empty for bindings that keep only the headline.
     */
    default CompletableFuture<NavigableMap<Long, List<CastMark>>> castMarks(String shot, String variant) {
        return CompletableFuture.completedFuture(new java.util.TreeMap<>());
    }

    /**
     * Why the project's project.json settings (its score thresholds) could not be used: the engine's defaults apply
     * until it is fixed. Empty when they could.
     */
    default Optional<String> projectSettingsProblem() {
        return Optional.empty();
    }

    /** Why nothing can be recorded in this session (e.g. a read-only project folder); empty when it can. */
    default Optional<String> readOnlyReason() {
        return Optional.empty();
    }

    /** Whether consistency scoring is available in this session (an engine is bound). */
    default boolean canScore() {
        return true;
    }

    /**
     * Starts scoring {@code variants} in the background; already-scored frames are delivered from the cache first.
     * Scores stream to {@link SessionListener#scoreArrived}, progress to {@link SessionListener#scoringProgress}.
     */
    ScoringJob startScoring(Collection<Variant> variants);

    /** Registers a listener (called on the session's threads). */
    void addListener(SessionListener listener);

    void removeListener(SessionListener listener);

    /** True when this session has a decision in force it could undo. */
    boolean canUndo();

    /** True when this session has undone a decision it could redo. */
    boolean canRedo();

    /** The verdict in force on a frame, null when undecided: a convenience over {@link #effectiveDecision}. */
    default Verdict verdict(String shot, String variant, long frame) {
        return effectiveDecision(shot, variant, frame).map(Decision::verdict).orElse(null);
    }

    /**
     * The project as imported into this session's store (shots, variants, frame files, character sheets), when the
     * binding has one: the window then opens it without listing the project folder. Empty for bindings without a
     * store, and for a read-only store nothing was ever imported into.
     */
    default Optional<Project> storedProject() {
        return Optional.empty();
    }

    /** Waits for pending writes, then releases the store. */
    @Override
    void close();
}
