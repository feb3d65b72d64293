package dev.onmodel.app.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Which of this session's decision rows undo and redo act on. Undo and redo are recorded as new rows by the store;
 * this only remembers their targets, like an editor's undo stack (a new decision empties the redo side).
 * Thread-safe.
 */
public final class UndoHistory {

    private final Deque<Long> undoable = new ArrayDeque<>();
    private final Deque<Long> redoable = new ArrayDeque<>();

    /** A new SET/CLEAR row of this session committed. */
    public synchronized void recorded(long id) {
        undoable.push(id);
        redoable.clear();
    }

    /** The row the next undo withdraws. */
    public synchronized OptionalLong nextUndo() {
        return undoable.isEmpty() ? OptionalLong.empty() : OptionalLong.of(undoable.peek());
    }

    /** The row the next redo restores. */
    public synchronized OptionalLong nextRedo() {
        return redoable.isEmpty() ? OptionalLong.empty() : OptionalLong.of(redoable.peek());
    }

    /** The UNDO row for {@code id} committed. */
    public synchronized void undone(long id) {
        undoable.remove(id);
        redoable.push(id);
    }

    /** The REDO row for {@code id} committed. */
    public synchronized void redone(long id) {
        redoable.remove(id);
        undoable.push(id);
    }

    public synchronized boolean canUndo() {
        return !undoable.isEmpty();
    }

    public synchronized boolean canRedo() {
        return !redoable.isEmpty();
    }
}
