package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.Cancellation;
import dev.onmodel.core.consistency.FrameScore;
import dev.onmodel.core.consistency.ScoringProgress;
import dev.onmodel.core.consistency.ScoringSettings;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.FfprobeMovieProbe;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.VariantKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A movie variant's stored scores stand as an image sequence's do, and only while the movie file is the one that was
 * imported and scored: touched, replaced or truncated, the movie is scored again. sh010 is an image sequence,
 * sh020's only take is a movie (FFV1, lossless, frames numbered from 1). Needs ffmpeg; skipped, visibly, without it.
 */
class StandingMovieScoresTest {

    private static final int FRAMES = 6;
    /** Legs of another colour than the sheet's: the frames score below 100. */
    private static final Color ODD_LEGS = new Color(200, 40, 200);

    @TempDir
    Path dir;

    private static FfmpegTools tools() {
        java.util.Optional<FfmpegTools> tools = FfmpegTools.locate();
        Assumptions.assumeTrue(tools.isPresent(), "ffmpeg/ffprobe not on the PATH: standing movie scores not"
                + " tested (apt-get install ffmpeg)");
        return tools.get();
    }

    /** A project under {@code root}: sh010 a sequence, sh020 one movie whose figure has legs of {@code movieLegs}. */
    private Path writeProject(FfmpegTools tools, Path root, Color movieLegs) throws Exception {
        Path sheet = Files.createDirectories(root.resolve("characters/pip"));
        ImageIO.write(figure(new BufferedImage(90, 160, BufferedImage.TYPE_INT_ARGB), 10, 5, null), "png",
                sheet.resolve("front.png").toFile());
        writeFrames(Files.createDirectories(root.resolve("shots/sh010/v001")), "sh010_v001", ODD_LEGS);
        Path take = Files.createDirectories(root.resolve("shots/sh020/v001"));
        encodeMovie(tools, movieLegs, take.resolve("sh020_v001.mkv"), "");
        Files.writeString(root.resolve("project.json"), "{\"name\":\"standing\",\"frameRate\":\"24\",\"shots\":["
                + "{\"name\":\"sh010\",\"cutLength\":" + FRAMES + ",\"frameRate\":\"24\",\"cast\":[\"pip\"]},"
                + "{\"name\":\"sh020\",\"cutLength\":" + FRAMES + ",\"frameRate\":\"24\",\"cast\":[\"pip\"]}]}");
        return root;
    }

    private static void writeFrames(Path folder, String prefix, Color legs) throws Exception {
        for (int f = 1; f <= FRAMES; f++) {
            BufferedImage frame = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setColor(new Color(120, 170, 90));
            g.fillRect(0, 0, 320, 180);
            g.dispose();
            ImageIO.write(figure(frame, 40 + 20 * f, 10, legs), "png",
                    folder.resolve(prefix + "." + (1000 + f) + ".png").toFile());
        }
    }

    /**
     * The frames encoded losslessly into {@code movie} (each decoded frame is its PNG's pixels); {@code title}, when
     * not empty, is written into the file's metadata, which changes its size and digest but not one pixel.
     */
    private void encodeMovie(FfmpegTools tools, Color legs, Path movie, String title) throws Exception {
        Path frames = Files.createTempDirectory(dir, "frames");
        writeFrames(frames, "take", legs);
        List<String> command = new java.util.ArrayList<>(List.of(tools.ffmpeg().toString(), "-v", "error", "-y",
                "-framerate", "24", "-start_number", "1001", "-i", frames.resolve("take.%04d.png").toString(),
                "-c:v", "ffv1", "-pix_fmt", "bgr0"));
        if (!title.isEmpty()) {
            command.addAll(List.of("-metadata", "title=" + title));
        }
        Path encoded = frames.resolve("take.mkv");
        command.add(encoded.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ffmpeg could not make the test movie: " + out);
        Files.move(encoded, movie, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (var files = Files.list(frames)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(frames);
    }

    private static BufferedImage figure(BufferedImage image, int x, int y, Color legs) {
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 60, 40));
        g.fillOval(x + 15, y, 50, 50);
        g.setColor(new Color(40, 70, 200));
        g.fillRect(x + 10, y + 50, 60, 70);
        g.setColor(legs == null ? new Color(250, 210, 30) : legs);
        g.fillRect(x + 20, y + 120, 40, 30);
        g.dispose();
        return image;
    }

    private static ProjectWorkspace open(FfmpegTools tools, Path root) throws Exception {
        return ProjectWorkspace.open(root, ProjectWorkspace.Options.defaults().withRescan(true)
                .withImporting(ImportOptions.defaults().withMovieProbe(new FfprobeMovieProbe(tools))));
    }

    private record Run(ProjectWorkspace.ScoreRun run, Map<String, Double> streamed) {
        /** sh020's streamed frames, {@code frame -> worst score}. */
        Map<String, Double> movie() {
            Map<String, Double> movie = new TreeMap<>();
            streamed.forEach((frame, score) -> {
                if (frame.startsWith("sh020/")) {
                    movie.put(frame, score);
                }
            });
            return movie;
        }
    }

    private static Run score(ProjectWorkspace workspace) throws Exception {
        Map<String, Double> streamed = new ConcurrentHashMap<>();
        List<Variant> variants = workspace.project().shots().stream().flatMap(s -> s.variants().stream()).toList();
        ProjectWorkspace.ScoreRun run = workspace.score(workspace.engine(ScoringSettings.defaults()), variants, 1,
                ScoringProgress.none(), new Cancellation(), (Variant variant, long frame, FrameScore score) ->
                        streamed.put(variant.qualifiedName() + " " + frame, score.worst().orElseThrow().score()));
        assertEquals(List.of(), run.problems(), "the run's problems");
        return new Run(run, new TreeMap<>(streamed));
    }

    private static void assertSameScores(Map<String, Double> expected, Map<String, Double> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((frame, score) -> assertEquals(score, actual.get(frame), 0.051, frame));
    }

    @Test
    void anUnchangedMovieStandsAndStreamsTheScoresItStored() throws Exception {
        FfmpegTools tools = tools();
        Path root = writeProject(tools, dir.resolve("project"), ODD_LEGS);
        try (ProjectWorkspace workspace = open(tools, root)) {
            Variant movie = workspace.project().shots().get(1).variants().get(0);
            assertTrue(movie.media() instanceof MovieMedia, "sh020/v001 is read as a movie: " + movie.media());
            assertTrue(workspace.store().movieFiles().containsKey(new VariantKey("sh020", "v001")),
                    "the import recorded the movie file");
            Run first = score(workspace);
            assertEquals(0, first.run().standingFrames());
            assertEquals(FRAMES, first.movie().size());
            assertTrue(first.movie().containsKey("sh020/v001 1"), "movie frames are numbered from 1: "
                    + first.movie().keySet());

            Run again = score(workspace);
            assertEquals(2 * FRAMES, again.run().standingFrames(), "the sequence shot and the movie shot stand");
            assertEquals(2 * FRAMES, again.run().summary().frames());
            assertEquals(0, again.run().digestedFiles(), "the movie was not read to prove it unchanged");
            assertEquals(first.run().flaggedFrames(), again.run().flaggedFrames());
            assertSameScores(first.streamed(), again.streamed());
        }
        // A rescan of the unchanged movie keeps its recorded identity, so the next process's run stands too.
        try (ProjectWorkspace reopened = open(tools, root)) {
            assertEquals(2 * FRAMES, score(reopened).run().standingFrames());
        }
    }

    @Test
    void aTouchedMovieIsScoredAgainUntilARescanRecordsItsNewTime() throws Exception {
        FfmpegTools tools = tools();
        Path root = writeProject(tools, dir.resolve("project"), ODD_LEGS);
        Path movie = root.resolve("shots/sh020/v001/sh020_v001.mkv");
        Run first;
        try (ProjectWorkspace workspace = open(tools, root)) {
            first = score(workspace);
            Files.setLastModifiedTime(movie, FileTime.fromMillis(Files.getLastModifiedTime(movie).toMillis() + 60_000));
            Run touched = score(workspace);
            assertEquals(FRAMES, touched.run().standingFrames(), "sh010 stands, the touched movie is scored again");
            assertEquals(2 * FRAMES, touched.streamed().size());
            assertSameScores(first.movie(), touched.movie());
        }
        try (ProjectWorkspace rescanned = open(tools, root)) {
            Run afterRescan = score(rescanned);
            assertEquals(2 * FRAMES, afterRescan.run().standingFrames(),
                    "the rescan recorded the touched movie's time and kept its scores (same content)");
            assertSameScores(first.movie(), afterRescan.movie());
        }
    }

    @Test
    void aMovieOfAnotherSizeIsScoredAgainAndItsScoresFollowTheNewContent() throws Exception {
        FfmpegTools tools = tools();
        Path root = writeProject(tools, dir.resolve("project"), ODD_LEGS);
        Path movie = root.resolve("shots/sh020/v001/sh020_v001.mkv");
        Run first;
        try (ProjectWorkspace workspace = open(tools, root)) {
            first = score(workspace);
            // The same pixels with a title in the metadata: only the file's size (and digest) changed.
            long before = Files.size(movie);
            encodeMovie(tools, ODD_LEGS, movie, "re-exported");
            assertNotEquals(before, Files.size(movie), "the re-export must change the movie's size");
            Run resized = score(workspace);
            assertEquals(FRAMES, resized.run().standingFrames(), "the movie of another size is scored again");
            assertSameScores(first.movie(), resized.movie());
        }
        // Replaced by a take whose figure matches the sheet: its stored scores must not be served, and the rescan
        // drops them (another digest), so the re-score's scores are those of a project that never saw the old take.
        encodeMovie(tools, null, movie, "");
        Map<String, Double> fresh;
        Path other = writeProject(tools, dir.resolve("fresh"), null);
        try (ProjectWorkspace freshWorkspace = open(tools, other)) {
            fresh = score(freshWorkspace).movie();
        }
        try (ProjectWorkspace rescanned = open(tools, root)) {
            Run replaced = score(rescanned);
            assertEquals(FRAMES, replaced.run().standingFrames(), "only sh010 stands");
            assertSameScores(fresh, replaced.movie());
            first.movie().forEach((frame, score) -> assertTrue(replaced.movie().get(frame) > score + 1,
                    frame + ": the replaced take scores higher than the old one (" + replaced.movie().get(frame)
                            + " against " + score + ")"));
            assertEquals(2 * FRAMES, score(rescanned).run().standingFrames(), "and stands once scored");
        }
    }

    @Test
    void aTruncatedMovieDoesNotStand() throws Exception {
        FfmpegTools tools = tools();
        Path root = writeProject(tools, dir.resolve("project"), ODD_LEGS);
        Path movie = root.resolve("shots/sh020/v001/sh020_v001.mkv");
        try (ProjectWorkspace workspace = open(tools, root)) {
            score(workspace);
            FileTime time = Files.getLastModifiedTime(movie);
            try (RandomAccessFile file = new RandomAccessFile(movie.toFile(), "rw")) {
                file.setLength(file.length() - 16);
            }
            // Same time as imported, fewer bytes: the size alone must tell.
            Files.setLastModifiedTime(movie, time);
            List<StandingScores.StandingShot> standing = StandingScores.find(workspace.project(),
                    workspace.store().storedFrames(), workspace.store().movieFiles(), workspace.store().allScores(),
                    workspace.engine(ScoringSettings.defaults()).fingerprint(), ScoringSettings.defaults(),
                    List.of("pip"));
            assertEquals(List.of("sh010"), standing.stream().map(s -> s.shot().name()).toList());
        }
    }
}
