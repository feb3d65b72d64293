package dev.onmodel.core.sample;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.onmodel.core.project.ProjectLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The content of a sample project's {@code ground-truth.json}: which defects were injected where, and (as an
 * oracle for tests and debugging only, never for the consistency engine) who is drawn where in every frame.
 *
 * @param generator always {@value #GENERATOR}
 * @param version   format version, {@value #VERSION}
 * @param seed      the seed the sample was generated with
 * @param defects   every injected defect; frames not covered by one are clean
 * @param frames    per frame, in shot, variant and frame order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"generator", "version", "seed", "defects", "frames"})
public record GroundTruth(String generator, int version, long seed, List<InjectedDefect> defects, List<Frame> frames) {

    /** The {@code generator} value that marks a folder as a generated sample. */
    public static final String GENERATOR = "onmodel-sample";
    /** The format version this class reads and writes. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public GroundTruth {
        Objects.requireNonNull(generator, "generator");
        defects = List.copyOf(defects);
        frames = List.copyOf(frames);
    }

    /** One frame of one variant and the characters drawn in it, back to front. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"shot", "variant", "frame", "characters"})
    public record Frame(String shot, String variant, int frame, List<Appearance> characters) {
        public Frame {
            characters = List.copyOf(characters);
        }
    }

    /**
     * One character in one frame.
     *
     * @param name     the cast member this drawing stands for
     * @param drawn    who is actually drawn: equals {@code name} except inside a character swap
     * @param box      bounding box in frame pixels, clipped to the frame; includes parts hidden behind props
     * @param mirrored drawn flipped left-right
     * @param view     the sheet view the drawing corresponds to (front, side, back, front_smile)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"name", "drawn", "box", "mirrored", "view"})
    public record Appearance(String name, String drawn, Box box, boolean mirrored, String view) {
    }

    /** A pixel rectangle, written as {@code [x, y, w, h]}. */
    public record Box(int x, int y, int width, int height) {

        @JsonCreator
        static Box fromArray(int[] xywh) {
            if (xywh == null || xywh.length != 4) {
                throw new IllegalArgumentException("a box is [x, y, w, h]");
            }
            return new Box(xywh[0], xywh[1], xywh[2], xywh[3]);
        }

        @JsonValue
        int[] toArray() {
            return new int[]{x, y, width, height};
        }
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException when the file cannot be read or is not a ground-truth file of this version
     */
    public static GroundTruth read(Path file) throws IOException {
        GroundTruth truth;
        try {
            truth = JSON.readValue(file.toFile(), GroundTruth.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": not a readable ground-truth file: " + e.getMessage(), e);
        }
        if (!GENERATOR.equals(truth.generator()) || truth.version() != VERSION) {
            throw new IOException(file + ": expected generator '" + GENERATOR + "' version " + VERSION + ", found '"
                    + truth.generator() + "' version " + truth.version());
        }
        return truth;
    }

    /** Writes this ground truth as JSON with '\n' line ends on every platform (so sample files are byte-identical). */
    byte[] toJson() throws IOException {
        return prettyWriter().writeValueAsBytes(this);
    }

    /** A pretty printer that ends lines with '\n' whatever the platform, for byte-identical output. */
    static ObjectWriter prettyWriter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        // Arrays stay on one line ("box": [ 10, 20, 30, 40 ]); objects get one field per line.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter)
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        return JSON.writer(printer);
    }

    /** True when {@code dir} holds a complete generated sample (its ground truth is written last). */
    static boolean isSample(Path dir) {
        Path file = dir.resolve(ProjectLayout.GROUND_TRUTH_FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return GENERATOR.equals(JSON.readTree(file.toFile()).path("generator").asText());
        } catch (IOException e) {
            return false;
        }
    }
}
