package dev.onmodel.core.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.time.FrameRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generates a reduced sample (a fifth of the frames) once and checks it against the ground-truth contract of
 * BRIEF.md, the project reader and itself (determinism).
 */
class SampleProjectGeneratorTest {

    /** A fifth of the frames at a quarter of the size: the whole script, sixteen times fewer pixels. */
    private static final SampleOptions SMALL = SampleOptions.defaults().withFrameScale(0.2).withPictureScale(0.25)
            .withThreads(2);
    private static final Set<String> KINDS = Set.of("costume-drift", "character-swap", "shape-distortion", "flicker-pop");

    @TempDir
    static Path temp;
    private static Path sample;
    private static SampleSummary summary;
    private static final List<int[]> progress = new ArrayList<>();

    @BeforeAll
    static void generateOnce() throws Exception {
        sample = temp.resolve("sample");
        summary = SampleProjectGenerator.generate(sample, SMALL, (done, total) -> progress.add(new int[]{done, total}));
    }

    @Test
    void sameSeedGivesByteIdenticalFilesWhateverTheThreadCount() throws Exception {
        Path again = temp.resolve("again");
        SampleProjectGenerator.generate(again, SMALL.withThreads(1), ProgressListener.NONE);
        TreeMap<String, String> first = digests(sample);
        TreeMap<String, String> second = digests(again);
        assertEquals(first.keySet(), second.keySet());
        assertEquals(first, second, "every file must have the same bytes");
    }

    @Test
    void projectReaderReadsTheSampleWithoutProblems() throws IOException {
        ProjectReader.ReadResult read = new ProjectReader(MovieProbe.unavailable("not needed")).read(sample);
        assertEquals(List.of(), read.problems());
        Project project = read.project();
        assertEquals("OnModel sample", project.name());
        assertEquals(List.of("sh010", "sh020", "sh030", "sh040", "sh050", "sh060"),
                project.shots().stream().map(Shot::name).toList());
        assertEquals(List.of("kess", "mira", "tobo"), project.characters().stream().map(c -> c.name()).toList());
        project.characters().forEach(c -> assertEquals(List.of("back", "front", "front_smile", "side"),
                c.views().stream().map(v -> v.name()).toList()));
        int frames = 0;
        int variants = 0;
        for (Shot shot : project.shots()) {
            assertTrue(shot.variants().size() >= 2 && shot.variants().size() <= 3, shot.name() + " variants");
            assertFalse(shot.cast().isEmpty(), shot.name() + " cast");
            for (Variant variant : shot.variants()) {
                FrameRange range = variant.media().range();
                assertEquals(1001, range.start(), variant + " starts at 1001");
                assertEquals(shot.cutLength(), range.length(), variant + " is as long as the cut");
                frames += (int) range.length();
                variants++;
            }
        }
        assertTrue(project.shots().stream().anyMatch(s -> s.cast().size() == 2), "a shot with two characters");
        assertEquals(summary.frames(), frames);
        assertEquals(summary.variants(), variants);
        assertEquals(SampleProjectGenerator.frameCount(SMALL), frames);
    }

    @Test
    void groundTruthDefectsPointAtExistingFramesAndEveryShotKeepsACleanVariant() throws IOException {
        JsonNode raw = new ObjectMapper().readTree(sample.resolve(ProjectLayout.GROUND_TRUTH_FILE).toFile());
        assertEquals("onmodel-sample", raw.get("generator").asText());
        assertEquals(1, raw.get("version").asInt());
        raw.get("defects").forEach(d -> assertTrue(KINDS.contains(d.get("kind").asText()), d.toString()));

        GroundTruth truth = GroundTruth.read(sample.resolve(ProjectLayout.GROUND_TRUTH_FILE));
        assertEquals(summary.defects(), truth.defects());
        Set<DefectKind> kinds = new HashSet<>();
        for (InjectedDefect d : truth.defects()) {
            kinds.add(d.kind());
            for (int f = d.first(); f <= d.last(); f++) {
                Path file = sample.resolve("shots").resolve(d.shot()).resolve(d.variant())
                        .resolve(SampleProjectGenerator.frameFileName(d.shot(), d.variant(), f));
                assertTrue(Files.isRegularFile(file), d + " frame " + f);
            }
            assertTrue(d.first() > 1001 || d.kind() == DefectKind.FLICKER_POP, "a defect starts after clean frames: " + d);
        }
        assertEquals(Set.of(DefectKind.values()), kinds, "every kind of defect is injected somewhere");

        for (Shot shot : new ProjectReader(MovieProbe.unavailable("")).read(sample).project().shots()) {
            boolean clean = shot.variants().stream().anyMatch(v -> truth.defects().stream()
                    .noneMatch(d -> d.shot().equals(shot.name()) && d.variant().equals(v.name())));
            assertTrue(clean, shot.name() + " has a clean variant");
        }
    }

    @Test
    void frameOracleCoversEveryFrameWithBoxesInsideTheFrameAtVaryingSizes() throws IOException {
        GroundTruth truth = GroundTruth.read(sample.resolve(ProjectLayout.GROUND_TRUTH_FILE));
        assertEquals(summary.frames(), truth.frames().size());
        double smallest = 1;
        double largest = 0;
        boolean mirrored = false;
        Set<String> views = new HashSet<>();
        for (GroundTruth.Frame frame : truth.frames()) {
            Path file = sample.resolve("shots").resolve(frame.shot()).resolve(frame.variant())
                    .resolve(SampleProjectGenerator.frameFileName(frame.shot(), frame.variant(), frame.frame()));
            assertTrue(Files.isRegularFile(file), file.toString());
            assertFalse(frame.characters().isEmpty(), file + " shows somebody");
            for (GroundTruth.Appearance a : frame.characters()) {
                GroundTruth.Box box = a.box();
                assertTrue(box.x() >= 0 && box.y() >= 0 && box.width() > 0 && box.height() > 0
                        && box.x() + box.width() <= SMALL.frameWidth() && box.y() + box.height() <= SMALL.frameHeight(),
                        file + " " + a);
                double share = box.height() / (double) SMALL.frameHeight();
                smallest = Math.min(smallest, share);
                largest = Math.max(largest, share);
                mirrored |= a.mirrored();
                views.add(a.view());
                boolean swapped = truth.defects().stream().anyMatch(d -> d.kind() == DefectKind.CHARACTER_SWAP
                        && d.shot().equals(frame.shot()) && d.variant().equals(frame.variant())
                        && d.character().equals(a.name()) && d.covers(frame.frame()));
                assertEquals(swapped, !a.name().equals(a.drawn()), file + " " + a);
            }
        }
        assertTrue(smallest >= 0.14 && smallest <= 0.2, "smallest character is about 15% of the frame: " + smallest);
        assertTrue(largest >= 0.7 && largest <= 0.82, "largest character is about 80% of the frame: " + largest);
        assertTrue(mirrored, "some frames are mirrored");
        assertEquals(Set.of("front", "side", "back", "front_smile"), views);
    }

    @Test
    void sheetsAreTransparentRgbaImagesOfAboutFiveHundredPixels() throws IOException {
        for (String name : summary.characters()) {
            for (String view : List.of("front", "side", "back", "front_smile")) {
                BufferedImage sheet = ImageIO.read(sample.resolve("characters").resolve(name).resolve(view + ".png").toFile());
                assertTrue(sheet.getColorModel().hasAlpha(), name + "/" + view);
                assertTrue(sheet.getHeight() >= 400 && sheet.getHeight() <= 600);
                assertEquals(0, sheet.getRGB(0, 0) >>> 24, "corner is transparent");
                assertEquals(255, sheet.getRGB(sheet.getWidth() / 2, sheet.getHeight() / 2) >>> 24, "middle is drawn");
            }
        }
    }

    @Test
    void progressRisesByOneToTheTotal() {
        int total = progress.get(0)[1];
        assertEquals(total, progress.size());
        for (int i = 0; i < progress.size(); i++) {
            assertEquals(i + 1, progress.get(i)[0]);
            assertEquals(total, progress.get(i)[1]);
        }
        assertTrue(SampleProjectGenerator.isSampleProject(sample));
    }

    @Test
    void refusesAFolderThatHoldsSomethingElseAndWritesNothing() throws IOException {
        Path parent = temp.resolve("refuse");
        Path occupied = parent.resolve("my-film");
        Files.createDirectories(occupied);
        Files.writeString(occupied.resolve("notes.txt"), "mine");
        IOException e = assertThrows(SampleProjectGenerator.NotASampleFolderException.class,
                () -> SampleProjectGenerator.generate(occupied, SMALL, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        try (Stream<Path> files = Files.list(occupied)) {
            assertEquals(List.of(occupied.resolve("notes.txt")), files.toList());
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            assertEquals(List.of(occupied), siblings.toList(), "no temporary folder left behind");
        }
    }

    @Test
    void interruptionStopsAndLeavesNoHalfProject() throws IOException {
        Path parent = temp.resolve("interrupted");
        Path target = parent.resolve("sample");
        assertThrows(InterruptedException.class, () -> SampleProjectGenerator.generate(target, SMALL, (done, total) -> {
            if (done == 5) {
                Thread.currentThread().interrupt();
            }
        }));
        Thread.interrupted();
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(), left.toList(), "the temporary folder is removed");
        }
    }

    @Test
    void regeneratingOverAPreviousSampleKeepsTheReviewDatabase() throws Exception {
        Path target = temp.resolve("regenerate");
        SampleOptions tiny = SMALL.withFrameScale(0.01);
        SampleProjectGenerator.generate(target, tiny, ProgressListener.NONE);
        Files.writeString(target.resolve(ProjectLayout.DATABASE_FILE), "decisions");
        Files.delete(target.resolve("shots/sh010/v001/sh010_v001.1001.png"));
        Path killedRun = Files.createDirectories(temp.resolve(".regenerate.generating-12345/shots"));
        Files.setLastModifiedTime(killedRun.getParent(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        SampleProjectGenerator.generate(target, tiny, ProgressListener.NONE);
        assertEquals("decisions", Files.readString(target.resolve(ProjectLayout.DATABASE_FILE)));
        assertTrue(Files.isRegularFile(target.resolve("shots/sh010/v001/sh010_v001.1001.png")));
        assertTrue(SampleProjectGenerator.isSampleProject(target));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith(".")),
                    "no temporary folders left, and the one a killed run left is removed");
        }
    }

    private static TreeMap<String, String> digests(Path root) throws IOException, NoSuchAlgorithmException {
        TreeMap<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                digests.put(root.relativize(file).toString().replace('\\', '/'),
                        HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }
}
