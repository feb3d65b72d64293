package dev.onmodel.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which starts skip picocli: only a plain window start; everything else keeps picocli's parsing and help. */
class MainTest {

    @Test
    void aPlainWindowStartSkipsTheCommandLineParser() {
        assertNotNull(Main.windowOnly(new String[0]), "./onmodel");
        assertEquals(Path.of("/tmp/ep"), Main.windowOnly(new String[] {"open", "/tmp/ep"}));
    }

    @Test
    void optionsHelpAndOtherCommandsGoThroughPicocli() {
        assertNull(Main.windowOnly(new String[] {"open"}), "picocli's default: the sample project");
        assertNull(Main.windowOnly(new String[] {"open", "--help"}));
        assertNull(Main.windowOnly(new String[] {"--help"}));
        assertNull(Main.windowOnly(new String[] {"open", "a", "b"}));
        assertNull(Main.windowOnly(new String[] {"import", "--project"}));
        assertNull(Main.windowOnly(new String[] {"open", " "}));
    }
}
