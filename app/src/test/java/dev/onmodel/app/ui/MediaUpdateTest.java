package dev.onmodel.app.ui;

import dev.onmodel.app.testing.StoredProjects;
import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.store.ImportReport;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File ▸ Relink moved media in the window: the import runs in the background behind a progress window, the store
 * then resolves every frame in the new folder, and a folder without the project's frames is refused, changing
 * nothing.
 */
@ExtendWith(ApplicationExtension.class)
class MediaUpdateTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("review window"), 400, 300));
        stage.show();
    }

    /** Imports a tiny project into its store, as the window's first open does. */
    private Path importedProject() throws Exception {
        Path root = TinyProjects.create(dir.resolve("project"));
        StoredProjects.stored(root);
        return root;
    }

    private CompletableFuture<ImportReport> run(FxRobot robot, Path root, Path newRoot) {
        CompletableFuture<ImportReport> done = new CompletableFuture<>();
        robot.interact(() -> {
            var task = MediaUpdate.task(root, newRoot);
            MediaUpdate.progressWindow(stage, task);
            BackgroundTasks.start(task, done::complete, done::completeExceptionally);
        });
        return done;
    }

    @Test
    void movedMediaAreRelinkedInTheBackgroundAndTheProgressWindowCloses(FxRobot robot) throws Exception {
        Path root = importedProject();
        Path moved = Files.createDirectories(dir.resolve("moved"));
        Files.move(root.resolve("shots"), moved.resolve("shots"));
        Files.move(root.resolve("characters"), moved.resolve("characters"));

        ImportReport report = run(robot, root, moved).get(60, TimeUnit.SECONDS);

        assertEquals(moved.toAbsolutePath().normalize(), report.mediaRoot());
        assertTrue(MediaUpdate.summary(report).contains("0 added, 0 removed, 0 changed"),
                "unchanged frames carry over: " + MediaUpdate.summary(report));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, countWindows(robot), "the progress window closed itself");
        for (var shot : StoredProjects.stored(root).shots()) {
            for (var variant : shot.variants()) {
                for (Path file : ((ImageSequence) variant.media()).files().values()) {
                    assertTrue(file.startsWith(moved) && Files.isRegularFile(file), file.toString());
                }
            }
        }
    }

    @Test
    void aFolderWithoutTheProjectsFramesIsRefusedAndNothingChanges(FxRobot robot) throws Exception {
        Path root = importedProject();
        Path empty = Files.createDirectories(dir.resolve("empty"));

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> run(robot, root, empty).get(60, TimeUnit.SECONDS));

        assertTrue(refused.getCause().getMessage().contains("not relinked"), refused.getCause().getMessage());
        Path first = ((ImageSequence) StoredProjects.stored(root).shots().get(0).variants().get(0).media()).files().firstEntry()
                .getValue();
        assertTrue(first.startsWith(root) && Files.isRegularFile(first), "still the original media: " + first);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(countWindows(robot) > 1, "the progress window closed on the failure too");
    }

    private static int countWindows(FxRobot robot) {
        int[] count = new int[1];
        robot.interact(() -> count[0] = (int) Window.getWindows().stream().filter(Window::isShowing).count());
        return count[0];
    }
}
