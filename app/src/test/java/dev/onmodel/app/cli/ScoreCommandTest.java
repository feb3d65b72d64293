package dev.onmodel.app.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code onmodel score}: CSV contract, exit codes, bad inputs listed with their reason while the rest is scored. */
class ScoreCommandTest {

    @TempDir
    Path dir;

    private Path sheet;
    private Path frames;

    /** A flat three-part figure: the sheet view of the character these tests score. */
    static BufferedImage figure() {
        BufferedImage image = new BufferedImage(100, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(240, 200, 170));
        g.fillOval(30, 5, 40, 40);
        g.setColor(new Color(200, 30, 40));
        g.fillRect(20, 45, 60, 80);
        g.setColor(new Color(40, 60, 150));
        g.fillRect(25, 125, 50, 70);
        g.dispose();
        return image;
    }

    @BeforeEach
    void setUp() throws IOException {
        sheet = Files.createDirectories(dir.resolve("mira"));
        ImageIO.write(figure(), "png", sheet.resolve("front.png").toFile());
        frames = Files.createDirectories(dir.resolve("frames"));
        writeFrames(frames, 2);
        Files.writeString(frames.resolve("sh_v1.1003.png"), "not a picture");
    }

    /** Frames {@code sh_v1.1001.png} on: the figure over a green field, a little further right in each. */
    static void writeFrames(Path folder, int count) throws IOException {
        for (int i = 1; i <= count; i++) {
            BufferedImage frame = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setColor(new Color(110, 160, 90));
            g.fillRect(0, 0, 320, 180);
            g.drawImage(figure(), 40 * i, 10, 80, 160, null);
            g.dispose();
            ImageIO.write(frame, "png", folder.resolve("sh_v1.100" + i + ".png").toFile());
        }
    }

    @Test
    void scoresTheReadableFramesAndListsTheOthersWithExitCodeOne() throws IOException {
        Path csv = dir.resolve("scores.csv");
        CommandLineContractTest.Captured out = CommandLineContractTest.Captured.run("score", "--sheet", sheet.toString(),
                frames.toString(), "--csv", csv.toString(), "--threads", "2");
        assertEquals(1, out.exitCode(), out.stderr());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("path,character,score,band,colour,shape,temporal,view,box_x"), lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith(frames.resolve("sh_v1.1001.png") + ",mira,"), lines.get(1));
        assertTrue(lines.get(1).contains(",ok,"), lines.get(1));
        assertTrue(out.stderr().contains("sh_v1.1003.png") && out.stderr().contains("not a readable image"),
                out.stderr());
    }

    @Test
    void withoutASheetItIsAUsageError() {
        CommandLineContractTest.Captured out = CommandLineContractTest.Captured.run("score", frames.toString());
        assertEquals(OnModelCommand.EXIT_USAGE, out.exitCode());
        assertTrue(out.stderr().contains("--sheet"), out.stderr());
    }

    @Test
    void aSheetFolderWithoutImagesIsAClearError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nobody"));
        CommandLineContractTest.Captured out = CommandLineContractTest.Captured.run("score", "--sheet",
                empty.toString(), frames.toString());
        assertEquals(OnModelCommand.EXIT_USAGE, out.exitCode());
        assertTrue(out.stderr().contains("nobody") && out.stderr().contains("no image"), out.stderr());
    }

    /**
     * A movie INPUT (or one found in a folder) is scored frame by frame, each row's path {@code movie#N}; the frames
     * are the same pictures as the image files, encoded losslessly, so they score alike. A movie ffprobe cannot read
     * is listed with its reason and exit code 1. Skipped, visibly, without ffmpeg.
     */
    @Test
    void moviesAreScoredFrameByFrame() throws Exception {
        java.util.Optional<dev.onmodel.core.media.FfmpegTools> tools = dev.onmodel.core.media.FfmpegTools.locate();
        org.junit.jupiter.api.Assumptions.assumeTrue(tools.isPresent(),
                "ffmpeg/ffprobe not on the PATH: movie scoring from the command line not tested");
        Path takes = Files.createDirectories(dir.resolve("takes"));
        Path movie = takes.resolve("sh_v2.mkv");
        Process p = new ProcessBuilder(tools.get().ffmpeg().toString(), "-v", "error", "-y", "-framerate", "24",
                "-start_number", "1001", "-i", frames.resolve("sh_v1.%04d.png").toString(), "-frames:v", "2",
                "-c:v", "ffv1", "-pix_fmt", "bgr0", movie.toString()).redirectErrorStream(true).start();
        String made = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), made);
        Path csv = dir.resolve("movie.csv");
        CommandLineContractTest.Captured out = CommandLineContractTest.Captured.run("score", "--sheet", sheet.toString(),
                takes.toString(), "--csv", csv.toString());
        assertEquals(0, out.exitCode(), out.stderr());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith(movie + "#1,mira,"), lines.get(1));
        assertTrue(lines.get(2).startsWith(movie + "#2,mira,"), lines.get(2));
        assertTrue(lines.get(1).contains(",ok,"), lines.get(1));

        Files.writeString(takes.resolve("broken.mp4"), "not a movie");
        out = CommandLineContractTest.Captured.run("score", "--sheet", sheet.toString(), takes.toString(), "--csv",
                csv.toString());
        assertEquals(1, out.exitCode(), out.stderr());
        assertTrue(out.stderr().contains("broken.mp4"), out.stderr());
        assertEquals(3, Files.readAllLines(csv).size(), "the readable movie is still scored");
    }
}
