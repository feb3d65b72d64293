package dev.onmodel.app.ui;

import dev.onmodel.app.testing.StoredProjects;
import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.core.model.Project;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project opened from its store learns about takes added to its folders since the import, and can rescan. */
@ExtendWith(ApplicationExtension.class)
class MediaChangeOfferTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("review window"), 400, 300));
        stage.show();
    }

    private void check(FxRobot robot, Project project, AtomicInteger rescans) throws Exception {
        javafx.concurrent.Task<?>[] task = new javafx.concurrent.Task<?>[1];
        robot.interact(() -> task[0] = MediaChangeOffer.checkAndOffer(stage, project, () -> true,
                rescans::incrementAndGet));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> task[0].isDone());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aNewTakeOnDiskIsOfferedForARescan(FxRobot robot) throws Exception {
        Path root = TinyProjects.create(dir.resolve("project"));
        Project stored = StoredProjects.stored(root);
        Path take = Files.createDirectories(root.resolve("shots/sh010/v003"));
        for (Path frame : Files.list(root.resolve("shots/sh010/v001")).toList()) {
            Files.copy(frame, take.resolve(frame.getFileName().toString().replace("v001", "v003")));
        }
        AtomicInteger rescans = new AtomicInteger();

        check(robot, stored, rescans);

        Node dialog = robot.lookup("#mediaChangedDialog").query();
        assertTrue(dialog.isVisible());
        String header = ((javafx.scene.control.DialogPane) dialog).getHeaderText();
        assertTrue(header.contains("1 new folder (sh010/v003)"), header);
        robot.clickOn("Rescan media");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, rescans.get());
    }

    @Test
    void nothingIsOfferedWhenTheFoldersMatchTheStore(FxRobot robot) throws Exception {
        Path root = TinyProjects.create(dir.resolve("project"));
        AtomicInteger rescans = new AtomicInteger();

        check(robot, StoredProjects.stored(root), rescans);

        assertTrue(robot.lookup("#mediaChangedDialog").tryQuery().isEmpty(), "no dialog without a change");
        assertEquals(0, rescans.get());
    }
}
