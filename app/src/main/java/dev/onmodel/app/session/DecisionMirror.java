package dev.onmodel.app.session;

import dev.onmodel.core.model.Decision;
import dev.onmodel.core.time.FrameRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory copy of the append-only decision log that answers the UI's reads without touching the store.
 *
 * <p>A session loads the committed rows once, then {@link #add adds} each row after its commit. Effective state
 * follows the store's rule: the latest SET or CLEAR row in force covering a frame wins; UNDO withdraws its target,
 * REDO puts it back. Thread-safe: writers add under the lock, readers get copies.
 */
public final class DecisionMirror {

    private final Map<String, VariantLog> logs = new HashMap<>();

    /** Adds committed rows (in id order). */
    public synchronized void add(DecisionEvent event) {
        logs.computeIfAbsent(key(event.decision().shot(), event.decision().variant()), k -> new VariantLog())
                .add(event);
    }

    public synchronized void addAll(List<DecisionEvent> events) {
        events.forEach(this::add);
    }

    /** Whether the SET/CLEAR row {@code id} of the variant is currently in force (not undone). */
    public synchronized boolean inForce(String shot, String variant, long id) {
        VariantLog log = logs.get(key(shot, variant));
        return log != null && log.inForce(id);
    }

    public synchronized Optional<Decision> effective(String shot, String variant, long frame) {
        VariantLog log = logs.get(key(shot, variant));
        if (log == null) {
            return Optional.empty();
        }
        Decision[] one = log.paint(FrameRange.ofLength(frame, 1));
        return Optional.ofNullable(one[0]);
    }

    public synchronized Decision[] decisions(String shot, String variant, FrameRange frames) {
        VariantLog log = logs.get(key(shot, variant));
        return log == null ? new Decision[(int) frames.length()] : log.paint(frames);
    }

    /** All rows covering {@code frame}, oldest first, with their undo state and any overrule by a higher role. */
    public synchronized List<HistoryEntry> history(String shot, String variant, long frame) {
        VariantLog log = logs.get(key(shot, variant));
        if (log == null) {
            return List.of();
        }
        List<DecisionEvent> covering = new ArrayList<>();
        for (DecisionEvent event : log.events) {
            if (event.decision().frames().contains(frame)) {
                covering.add(event);
            }
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < covering.size(); i++) {
            DecisionEvent event = covering.get(i);
            boolean inForce = !event.isVerdictRow() || log.inForce(event.id());
            Optional<Decision> overruledBy = Optional.empty();
            if (event.kind() == DecisionEvent.Kind.SET && inForce) {
                for (int j = covering.size() - 1; j > i; j--) {
                    DecisionEvent later = covering.get(j);
                    Decision d = later.decision();
                    if (later.isVerdictRow() && log.inForce(later.id())
                            && d.role().authority() > event.decision().role().authority()
                            && d.verdict() != event.decision().verdict()) {
                        overruledBy = Optional.of(d);
                        break;
                    }
                }
            }
            entries.add(new HistoryEntry(event, inForce, overruledBy));
        }
        return entries;
    }

    /** All rows of a variant in id order (for persistence and tests). */
    public synchronized List<DecisionEvent> events(String shot, String variant) {
        VariantLog log = logs.get(key(shot, variant));
        return log == null ? List.of() : List.copyOf(log.events);
    }

    private static String key(String shot, String variant) {
        return shot + "/" + variant;
    }

    /** One variant's rows plus the undo state of each verdict row. */
    private static final class VariantLog {
        private final List<DecisionEvent> events = new ArrayList<>();
        private final Map<Long, Boolean> undone = new HashMap<>();

        void add(DecisionEvent event) {
            events.add(event);
            switch (event.kind()) {
                case UNDO -> undone.put(event.target().getAsLong(), true);
                case REDO -> undone.put(event.target().getAsLong(), false);
                default -> {
                }
            }
        }

        boolean inForce(long id) {
            return !undone.getOrDefault(id, false);
        }

        /** Paints verdict rows in id order over the requested frames: the latest in force wins, CLEAR erases. */
        Decision[] paint(FrameRange frames) {
            Decision[] painted = new Decision[(int) frames.length()];
            for (DecisionEvent event : events) {
                if (!event.isVerdictRow() || !inForce(event.id())) {
                    continue;
                }
                FrameRange overlap = event.decision().frames().intersect(frames);
                Decision value = event.kind() == DecisionEvent.Kind.CLEAR ? null : event.decision();
                for (long f = overlap.start(); f < overlap.endExclusive(); f++) {
                    painted[(int) (f - frames.start())] = value;
                }
            }
            return painted;
        }
    }
}
