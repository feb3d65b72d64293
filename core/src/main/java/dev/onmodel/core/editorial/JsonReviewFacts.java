package dev.onmodel.core.editorial;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads review facts from a JSON file ({@value #FILE_NAME} in a project folder): hero marks, decisions and
 * scores written by a pipeline or a test, in the layout documented in {@code docs/formats.md}.
 *
 * <p>Frame ranges are written as people name them ({@code first}, {@code last}, both inclusive). A record that
 * is wrong stops the read with a message naming the file and the record: half-read decisions would produce an
 * edit list nobody approved.
 */
public final class JsonReviewFacts {

    /** The file name looked for in a project folder. */
    public static final String FILE_NAME = "review-facts.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonReviewFacts() {
    }

    /** The file's layout. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FactsFile(List<HeroEntry> heroMarks, List<DecisionEntry> decisions, List<ScoreEntry> scores) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HeroEntry(String shot, String variant, Long first, Long last, String markedBy, String markedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DecisionEntry(Long id, String shot, String variant, Long first, Long last, String verdict, String note,
                         String reviewer, String role, String pass, String recordedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScoreEntry(String shot, String variant, Long frame, Double score, Boolean flagged, String character,
                      String view) {
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException naming the file (and the entry) when it is missing, not JSON or holds a bad record
     */
    public static InMemoryReviewFacts read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "review facts file not found");
        }
        FactsFile parsed;
        try {
            parsed = JSON.readValue(file.toFile(), FactsFile.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a valid review facts file: " + e.getMessage(), e);
        }
        if (parsed == null) {
            throw new IOException(file + ": empty review facts file");
        }
        InMemoryReviewFacts.Builder builder = InMemoryReviewFacts.builder();
        try {
            List<HeroEntry> heroes = parsed.heroMarks() == null ? List.of() : parsed.heroMarks();
            for (int i = 0; i < heroes.size(); i++) {
                HeroEntry h = heroes.get(i);
                String where = "heroMarks[" + i + "]";
                builder.heroMark(new HeroMark(required(h.shot(), where, "shot"), required(h.variant(), where, "variant"),
                        range(h.first(), h.last(), where), required(h.markedBy(), where, "markedBy"),
                        instant(h.markedAt(), where, "markedAt")));
            }
            List<DecisionEntry> decisions = parsed.decisions() == null ? List.of() : parsed.decisions();
            for (int i = 0; i < decisions.size(); i++) {
                DecisionEntry d = decisions.get(i);
                String where = "decisions[" + i + "]";
                Verdict verdict = d.verdict() == null || d.verdict().equalsIgnoreCase("clear") ? null
                        : Verdict.parse(d.verdict());
                builder.decision(new Decision(d.id() == null ? 0 : d.id(), required(d.shot(), where, "shot"),
                        required(d.variant(), where, "variant"), range(d.first(), d.last(), where), verdict, d.note(),
                        required(d.reviewer(), where, "reviewer"), Role.parse(required(d.role(), where, "role")),
                        d.pass() == null ? "" : d.pass(), instant(d.recordedAt(), where, "recordedAt")));
            }
            List<ScoreEntry> scores = parsed.scores() == null ? List.of() : parsed.scores();
            for (int i = 0; i < scores.size(); i++) {
                ScoreEntry s = scores.get(i);
                String where = "scores[" + i + "]";
                if (s.frame() == null || s.score() == null) {
                    throw new IllegalArgumentException(where + " needs frame and score");
                }
                builder.score(required(s.shot(), where, "shot"), required(s.variant(), where, "variant"),
                        new FrameScore(s.frame(), s.score(), Boolean.TRUE.equals(s.flagged()), s.character(), s.view()));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return builder.build();
    }

    private static String required(String value, String where, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + " has no " + field);
        }
        return value;
    }

    private static FrameRange range(Long first, Long last, String where) {
        if (first == null || last == null) {
            throw new IllegalArgumentException(where + " needs first and last frame");
        }
        try {
            return FrameRange.ofInclusive(first, last);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(String text, String where, String field) {
        try {
            return Instant.parse(required(text, where, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + field + " is not an ISO-8601 instant: '" + text + "'", e);
        }
    }
}
