package dev.onmodel.app.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code onmodel bench} runs through on a few small frames and prints every line its figures are read from, with the
 * heap kept between passes (without that, G1 shrank the heap after each settling collection and the passes measured
 * young collections rather than scoring).
 */
class BenchCommandTest {

    private static final HotSpotDiagnosticMXBean HOT_SPOT =
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @TempDir
    Path dir;

    private String maxHeapFreeRatio;

    @BeforeEach
    void remember() {
        maxHeapFreeRatio = HOT_SPOT.getVMOption("MaxHeapFreeRatio").getValue();
    }

    @AfterEach
    void restore() {
        // This JVM runs the other tests too: give it back its own heap policy.
        HOT_SPOT.setVMOption("MaxHeapFreeRatio", maxHeapFreeRatio);
    }

    @Test
    void keepingTheHeapSetsTheOption() {
        assertEquals("heap kept between passes", BenchCommand.keepHeapBetweenPasses());
        assertEquals("100", HOT_SPOT.getVMOption("MaxHeapFreeRatio").getValue());
    }

    @Test
    void printsEveryFigureOnAFewFrames() throws IOException {
        Path sheet = Files.createDirectories(dir.resolve("mira"));
        ImageIO.write(ScoreCommandTest.figure(), "png", sheet.resolve("front.png").toFile());
        Path frames = Files.createDirectories(dir.resolve("frames"));
        ScoreCommandTest.writeFrames(frames, 3);

        CommandLineContractTest.Captured out = CommandLineContractTest.Captured.run("bench", "--sheet",
                sheet.toString(), frames.toString(), "--limit", "3");

        assertEquals(0, out.exitCode(), out.stderr());
        for (String line : new String[] {"3 frames from", "heap kept between passes", "OnModel end-to-end scoring",
                "OnModel decode only (own reader, subsampled)", "OnModel decode into colour codes, counted",
                "ratio end-to-end / colour codes only:", "JImageHash 1.0.0 pHash end-to-end",
                "ratio end-to-end / decode-only (subsampled):", "speed-up from the second thread:",
                "garbage collections during the measured passes:", "re-scoring from the analysis cache",
                "3840x2160 frame scored", "the speed-up cannot read above 1.50"}) {
            assertTrue(out.stdout().contains(line), "missing '" + line + "' in:\n" + out.stdout());
        }
    }

    @Test
    void twoThreadsCanOnlySplitWholeFrames() {
        assertEquals(1.5, BenchCommand.twoThreadCeiling(3));
        assertEquals(2.0, BenchCommand.twoThreadCeiling(40));
        assertEquals(1.0, BenchCommand.twoThreadCeiling(1));
        assertEquals(39 / 20.0, BenchCommand.twoThreadCeiling(39));
    }
}
