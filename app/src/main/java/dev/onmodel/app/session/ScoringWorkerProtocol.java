package dev.onmodel.app.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.workflow.ScorePayload;

import java.time.Instant;
import java.util.Objects;

/**
 * The lines a scoring worker process ({@code onmodel score-worker}) writes on its standard output, one JSON object
 * per line, and reads on its standard input. Both sides of {@link ProcessScoring} use this class, so the format
 * lives in one place. A frame's score travels as the store's own row ({@link ScorePayload}), the form that is
 * already tested to turn back into the engine's score.
 *
 * <p>Worker to window: {@code progress} (frames done, total), {@code scored} (one frame's worst character),
 * {@code problem} (a file or variant that could not be scored), then exactly one of {@code finished} or
 * {@code failed}. Window to worker: the line {@value #CANCEL}; the end of the input means the same, so a worker
 * whose window died stops by itself.
 */
public final class ScoringWorkerProtocol {

    /** What the window writes to stop the worker after the frames in hand. */
    public static final String CANCEL = "cancel";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ScoringWorkerProtocol() {
    }

    /**
     * One line; the fields that do not belong to its {@code type} are null.
     *
     * @param type      progress, scored, problem, finished or failed
     * @param done      progress: frames done; finished: frames scored
     * @param total     progress: frames to score
     * @param shot      scored: the frame's shot
     * @param variant   scored: the frame's variant
     * @param frame     scored: the frame number (as in the file name)
     * @param character scored: the worst character
     * @param score     scored: its score
     * @param band      scored: its band label
     * @param view      scored: the sheet view that matched best
     * @param payload   scored: components, box and explanation as the store keeps them
     * @param path      problem: the file or variant
     * @param message   problem: the reason; failed: the error's sentence
     * @param cancelled finished: whether the run stopped early because it was asked to
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Message(String type, Integer done, Integer total, String shot, String variant, Long frame,
                          String character, Double score, String band, String view, String payload, String path,
                          String message, Boolean cancelled) {

        public Message {
            Objects.requireNonNull(type, "type");
        }

        /** The scored frame's worst character, as the engine gave it. */
        public CharacterScore characterScore() {
            return ScorePayload.toCharacterScore(new StoredScore(shot, variant, frame, character, "worker", score,
                    band, view, payload, path == null ? "" : path, Instant.EPOCH));
        }
    }

    public static String progress(int done, int total) {
        return line(new Message("progress", done, total, null, null, null, null, null, null, null, null, null, null,
                null));
    }

    public static String scored(String shot, String variant, long frame, CharacterScore worst) {
        StoredScore row = ScorePayload.toStored(shot, variant, frame, "", "worker", worst, Instant.EPOCH);
        return line(new Message("scored", null, null, shot, variant, frame, row.character(), row.score(), row.band(),
                row.view(), row.payload(), null, null, null));
    }

    public static String problem(String path, String reason) {
        return line(new Message("problem", null, null, null, null, null, null, null, null, null, null, path, reason,
                null));
    }

    public static String finished(int frames, boolean cancelled) {
        return line(new Message("finished", frames, null, null, null, null, null, null, null, null, null, null, null,
                cancelled));
    }

    public static String failed(String message) {
        return line(new Message("failed", null, null, null, null, null, null, null, null, null, null, null, message,
                null));
    }

    /**
     * Reads one line.
     *
     * @throws IllegalArgumentException quoting the line when it is not a message of a known type with its fields
     */
    public static Message parse(String line) {
        Message message;
        try {
            message = JSON.readValue(line, Message.class);
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("not a scoring worker message: " + abbreviated(line), e);
        }
        boolean complete = switch (message.type()) {
            case "progress" -> message.done() != null && message.total() != null;
            case "scored" -> message.shot() != null && message.variant() != null && message.frame() != null
                    && message.character() != null && message.score() != null && message.band() != null
                    && message.view() != null && message.payload() != null;
            case "problem" -> message.path() != null && message.message() != null;
            case "finished" -> message.done() != null && message.cancelled() != null;
            case "failed" -> message.message() != null;
            default -> false;
        };
        if (!complete) {
            throw new IllegalArgumentException("incomplete or unknown scoring worker message: " + abbreviated(line));
        }
        return message;
    }

    private static String line(Message message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message of numbers and text always serialises", e);
        }
    }

    private static String abbreviated(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
