package dev.onmodel.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code onmodel sample DIR}: exit codes, files written, summary printed. */
class SampleCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesTheSampleAndPrintsASummary() {
        Path dir = temp.resolve("sample");
        CommandLineContractTest.Captured out = CommandLineContractTest.Captured.run(
                "sample", dir.toString(), "--frames", "0.1", "--picture-scale", "0.25");
        assertEquals(0, out.exitCode(), out.stderr());
        assertTrue(Files.isRegularFile(dir.resolve("project.json")));
        assertTrue(Files.isRegularFile(dir.resolve("ground-truth.json")));
        assertTrue(Files.isRegularFile(dir.resolve("characters/mira/front.png")));
        assertTrue(Files.isRegularFile(dir.resolve("shots/sh010/v001/sh010_v001.1001.png")));
        assertTrue(out.stdout().contains("characters: mira, tobo, kess"), out.stdout());
        assertTrue(out.stdout().contains("shots: 6, variants: 15"), out.stdout());
        assertTrue(out.stdout().contains("costume-drift") && out.stdout().contains("character-swap")
                && out.stdout().contains("shape-distortion") && out.stdout().contains("flicker-pop"), out.stdout());
        assertTrue(out.stderr().contains("100%"), "progress is shown: " + out.stderr());
    }

    @Test
    void aFolderHoldingSomethingElseIsRefusedWithExitOne() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("film"));
        Files.writeString(dir.resolve("edit.edl"), "TITLE: mine");
        CommandLineContractTest.Captured out = CommandLineContractTest.Captured.run("sample", dir.toString());
        assertEquals(1, out.exitCode());
        assertTrue(out.stderr().contains("not empty") && out.stderr().contains(dir.toString()), out.stderr());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("edit.edl")), files.toList());
        }
    }

    @Test
    void missingFolderArgumentIsAUsageError() {
        assertEquals(OnModelCommand.EXIT_USAGE, CommandLineContractTest.Captured.run("sample").exitCode());
    }

    @Test
    void fractionOutOfRangeIsAUsageError() {
        CommandLineContractTest.Captured out = CommandLineContractTest.Captured.run(
                "sample", temp.resolve("x").toString(), "--frames", "2");
        assertEquals(OnModelCommand.EXIT_USAGE, out.exitCode());
        assertTrue(out.stderr().contains("--frames must be a fraction"), out.stderr());
    }
}
