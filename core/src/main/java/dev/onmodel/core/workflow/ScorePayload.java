package dev.onmodel.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.onmodel.core.consistency.Band;
import dev.onmodel.core.consistency.Box;
import dev.onmodel.core.consistency.CharacterScore;
import dev.onmodel.core.store.StoredScore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * The part of a {@link CharacterScore} the store keeps as JSON text ({@code frame_score.payload}): components, box
 * and explanation. Converts between the engine's scores and the store's rows in both directions.
 *
 * @param temporal null when the frame was scored without neighbours
 */
public record ScorePayload(double colour, double shape, Double temporal, int[] box, String explanation) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writerFor(ScorePayload.class);
    private static final ObjectReader READER = JSON.readerFor(ScorePayload.class);

    /** The row the store keeps for {@code score} of one frame. */
    public static StoredScore toStored(String shot, String variant, long frame, String relativePath,
                                       String engineVersion, CharacterScore score, Instant scoredAt) {
        Box b = score.box();
        ScorePayload payload = new ScorePayload(score.colour(), score.shape(),
                score.hasTemporal() ? score.temporal() : null, new int[]{b.x(), b.y(), b.width(), b.height()},
                score.explanation());
        String json;
        try {
            json = WRITER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a score payload of numbers and text always serialises", e);
        }
        return new StoredScore(shot, variant, frame, score.character(), engineVersion, score.score(),
                score.band().label(), score.view(), json, relativePath, scoredAt);
    }

    /**
     * The engine's score rebuilt from a stored row.
     *
     * @throws IllegalArgumentException naming the frame when the row's band or payload cannot be read
     */
    public static CharacterScore toCharacterScore(StoredScore row) {
        ScorePayload p;
        try {
            p = READER.readValue(row.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where(row) + ": stored score payload is not readable: "
                    + e.getOriginalMessage(), e);
        }
        if (p.box() == null || p.box().length != 4) {
            throw new IllegalArgumentException(where(row) + ": stored score box must have 4 numbers, got "
                    + Arrays.toString(p.box()));
        }
        return new CharacterScore(row.character(), row.score(), band(row), p.colour(), p.shape(),
                p.temporal() == null ? Double.NaN : p.temporal(), row.view(),
                new Box(p.box()[0], p.box()[1], p.box()[2], p.box()[3]), p.explanation() == null ? "" : p.explanation());
    }

    /** The band of a stored row from its label ("ok", "check", "off-model"). */
    public static Band band(StoredScore row) {
        for (Band b : Band.values()) {
            if (b.label().equals(row.band())) {
                return b;
            }
        }
        throw new IllegalArgumentException(where(row) + ": unknown band '" + row.band() + "'");
    }

    private static String where(StoredScore row) {
        return row.shot() + "/" + row.variant() + " frame " + row.frame() + " (" + Path.of(row.path()) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScorePayload p && Double.compare(colour, p.colour) == 0 && Double.compare(shape, p.shape) == 0
                && java.util.Objects.equals(temporal, p.temporal) && Arrays.equals(box, p.box)
                && java.util.Objects.equals(explanation, p.explanation);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(colour, shape, temporal, Arrays.hashCode(box), explanation);
    }

    @Override
    public String toString() {
        return "ScorePayload[colour=" + colour + ", shape=" + shape + ", temporal=" + temporal + ", box="
                + Arrays.toString(box) + ", explanation=" + explanation + "]";
    }
}
