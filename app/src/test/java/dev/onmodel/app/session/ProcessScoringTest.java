package dev.onmodel.app.session;

import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.workflow.ProjectWorkspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's scoring in a worker process: scores stream back and land in the store, cancelling and a vanished
 * window stop the worker, and a worker that fails or dies is reported with its reason.
 */
class ProcessScoringTest {

    @TempDir
    Path dir;

    private ProcessScoring.Launch launch;

    @BeforeEach
    void worker() {
        launch = ProcessScoring.Launch.ofThisRuntime().orElseThrow(
                () -> new AssertionError("this JDK's java executable and class path start a worker"));
    }

    private ProjectWorkspace openTinyProject() throws Exception {
        TinyProjects.create(dir);
        return ProjectWorkspace.open(dir, ProjectWorkspace.Options.defaults()
                .withImporting(ImportOptions.defaults().withMovieProbe(MovieProbe.unavailable("test"))));
    }

    private static List<Variant> allVariants(ProjectWorkspace workspace) {
        return workspace.project().shots().stream().flatMap(s -> s.variants().stream()).toList();
    }

    @Test
    void scoresStreamBackAndAreInTheStoreTheWindowReads() throws Exception {
        try (ProjectWorkspace workspace = openTinyProject()) {
            List<Variant> variants = allVariants(workspace);
            CollectingSink sink = new CollectingSink();
            ScoringProgress end = new ProcessScoring(dir, workspace.project(), launch, 2).start(variants, sink)
                    .completion().get(2, TimeUnit.MINUTES);
            assertTrue(sink.errors.isEmpty(), sink.errors::toString);
            assertTrue(end.finished());
            assertFalse(end.cancelled());
            assertEquals(48, end.done());
            assertEquals(48, sink.scores.size(), "every frame streamed while the worker ran");
            assertTrue(sink.progress.size() >= 2, "progress before the end");

            Map<dev.onmodel.core.store.VariantKey, NavigableMap<Long, List<StoredScore>>> stored =
                    workspace.store().allScores();
            for (FrameScore streamed : sink.scores) {
                List<StoredScore> rows = stored.get(new dev.onmodel.core.store.VariantKey(streamed.shot(),
                        streamed.variant())).get(streamed.frame());
                double worst = rows.stream().mapToDouble(StoredScore::score).min().orElseThrow();
                assertEquals(Math.round(worst), streamed.score(), "what streamed is what the store holds: "
                        + streamed.shot() + "/" + streamed.variant() + " " + streamed.frame());
            }
        }
    }

    @Test
    void onlyTheAskedVariantsAreScored() throws Exception {
        try (ProjectWorkspace workspace = openTinyProject()) {
            Variant one = workspace.project().shots().get(1).variants().get(0);
            CollectingSink sink = new CollectingSink();
            ScoringProgress end = new ProcessScoring(dir, workspace.project(), launch, 1).start(List.of(one), sink)
                    .completion().get(2, TimeUnit.MINUTES);
            assertTrue(sink.errors.isEmpty(), sink.errors::toString);
            assertEquals(12, end.done());
            assertTrue(sink.scores.stream().allMatch(s -> s.shot().equals(one.shot())
                    && s.variant().equals(one.name())), "only " + one.qualifiedName());
        }
    }

    @Test
    void aCancelledJobEndsPromptlyAndKeepsWhatItStored() throws Exception {
        try (ProjectWorkspace workspace = openTinyProject()) {
            List<Variant> variants = allVariants(workspace);
            CollectingSink sink = new CollectingSink();
            ScoringJob job = new ProcessScoring(dir, workspace.project(), launch, 1).start(variants, sink);
            job.cancel();
            ScoringProgress end = job.completion().get(1, TimeUnit.MINUTES);
            assertTrue(end.finished());
            assertTrue(sink.errors.isEmpty(), "a cancel is not an error: " + sink.errors);
            long stored = workspace.store().allScores().values().stream().mapToLong(Map::size).sum();
            assertTrue(end.cancelled() || stored == 48, "either stopped early or had already finished");
            assertEquals(sink.scores.size(), stored, "every streamed frame is stored, nothing else");
        }
    }

    @Test
    void aWorkerThatCannotScoreSaysWhy() throws Exception {
        try (ProjectWorkspace workspace = openTinyProject()) {
            CollectingSink sink = new CollectingSink();
            Path notAProject = Files.createDirectories(dir.resolve("elsewhere"));
            ScoringProgress end = new ProcessScoring(notAProject, workspace.project(), launch, 1)
                    .start(List.of(), sink).completion().get(2, TimeUnit.MINUTES);
            assertTrue(end.finished());
            assertEquals(1, sink.errors.size());
            assertTrue(sink.errors.get(0).getMessage().contains("elsewhere"), sink.errors.get(0).getMessage());
        }
    }

    @Test
    void aWorkerThatDiesIsReportedWithWhatItPrinted() throws Exception {
        try (ProjectWorkspace workspace = openTinyProject()) {
            List<String> broken = new ArrayList<>(launch.command());
            broken.add(broken.indexOf("-cp"), "-XX:+NoSuchOptionForThisTest");
            CollectingSink sink = new CollectingSink();
            ScoringProgress end = new ProcessScoring(dir, workspace.project(), new ProcessScoring.Launch(broken), 1)
                    .start(List.of(), sink).completion().get(1, TimeUnit.MINUTES);
            assertTrue(end.finished());
            assertEquals(1, sink.errors.size());
            String message = sink.errors.get(0).getMessage();
            assertTrue(message.contains("ended unexpectedly (exit code 1)"), message);
            assertTrue(message.contains("NoSuchOptionForThisTest"), "the worker's own words: " + message);
        }
    }

    @Test
    void aWorkerWhoseWindowWentAwayStopsByItself() throws Exception {
        try (ProjectWorkspace workspace = openTinyProject()) {
            List<String> command = new ArrayList<>(launch.command());
            command.addAll(List.of("--project", dir.toString(), "--threads", "1"));
            Process worker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            worker.getOutputStream().close(); // what the system does to the pipe when the window's process dies
            String last = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    last = line;
                }
            }
            assertTrue(worker.waitFor(1, TimeUnit.MINUTES), "the worker ended");
            assertEquals(0, worker.exitValue());
            ScoringWorkerProtocol.Message end = ScoringWorkerProtocol.parse(last);
            assertEquals("finished", end.type());
            assertTrue(end.cancelled(), "stopped because nobody listens any more");
        }
    }

    @Test
    void aWorkerThatIgnoresTheCancelIsEndedAndTheJobReadsAsCancelled() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh to stand in for a stuck worker");
        try (ProjectWorkspace workspace = openTinyProject()) {
            // A "worker" that neither reads its input nor writes anything, like one stuck on a huge frame.
            ProcessScoring.Launch stuck = new ProcessScoring.Launch(List.of("/bin/sh", "-c", "sleep 120", "worker"));
            CollectingSink sink = new CollectingSink();
            ScoringJob job = new ProcessScoring(dir, workspace.project(), stuck, 1).start(List.of(), sink);
            job.cancel();
            ScoringProgress end = job.completion().get(1, TimeUnit.MINUTES);
            assertTrue(end.finished());
            assertTrue(end.cancelled());
            assertTrue(sink.errors.isEmpty(), "a cancel the worker did not hear is still a cancel: " + sink.errors);
        }
    }

    @Test
    void aWindowThatFailsOnAScoreStillSeesTheJobEnd() throws Exception {
        try (ProjectWorkspace workspace = openTinyProject()) {
            List<Variant> variants = allVariants(workspace);
            CollectingSink sink = new CollectingSink() {
                @Override
                public synchronized void scored(FrameScore score) {
                    throw new IllegalStateException("the window could not show " + score.frame());
                }
            };
            ScoringProgress end = new ProcessScoring(dir, workspace.project(), launch, 1).start(variants, sink)
                    .completion().get(1, TimeUnit.MINUTES);
            assertTrue(end.finished());
            assertEquals(1, sink.errors.size());
            assertTrue(sink.errors.get(0).getMessage().startsWith("the window could not show"),
                    sink.errors.get(0).getMessage());
        }
    }
}
