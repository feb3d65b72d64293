package dev.onmodel.core.consistency;

import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.model.Variant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Receives a project's scores as {@link ProjectScorer} produces them. The project store binds it to its database;
 * {@link JsonFileProjectScoreSink} writes a JSON file until then. Calls come from one thread, in shot and variant
 * order.
 */
public interface ProjectScoreSink {

    /** The cast a shot is scored against, and whether it was proposed from the best matches (not set in the project). */
    void cast(String shot, List<String> cast, boolean proposed) throws IOException;

    /**
     * One frame's scores.
     *
     * @param frame the frame number from the file name (1001, ...)
     */
    void frame(Variant variant, long frame, Path file, FrameScore score) throws IOException;

    /** A file or variant that could not be scored, with the reason. */
    void problem(MediaProblem problem) throws IOException;

    /** Called once after the last frame (also after a cancellation). */
    void finish() throws IOException;
}
