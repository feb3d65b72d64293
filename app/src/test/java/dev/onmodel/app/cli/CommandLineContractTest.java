package dev.onmodel.app.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's promises that scripts rely on: help, usage exit code, one-line "no display" message. */
class CommandLineContractTest {

    @Test
    void helpListsTheCommands() {
        Captured out = Captured.run("--help");
        assertEquals(0, out.exitCode);
        assertTrue(out.stdout.contains("open"), out.stdout);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Captured out = Captured.run("--no-such-option");
        assertEquals(OnModelCommand.EXIT_USAGE, out.exitCode);
        assertTrue(out.stderr.contains("--no-such-option"), out.stderr);
    }

    /** Runs the real launcher class in a child JVM without DISPLAY, as on a server. */
    @Test
    void withoutADisplayTheWindowCommandSaysSoInOneLine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.onmodel.app.Main", "open", "/nonexistent");
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(3, process.exitValue());
        List<String> lines = output.lines().toList();
        assertEquals(1, lines.size(), output);
        assertTrue(output.contains("no display") && output.contains("--help"), output);
        assertFalse(output.contains("Exception"), output);
    }

    /** Output of one in-process run. */
    record Captured(int exitCode, String stdout, String stderr) {
        static Captured run(String... args) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int code = OnModelCommand.run(args);
                return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }
}
