package dev.onmodel.app.ui;

import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.session.StoreReviewSession;
import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.project.ProjectReader;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keyboard flows against the real SQLite review store: approve a range with I/O/A, reject a frame with a note,
 * rework, undo one — then "restart" (close the store, open a new session and window on the same project) and find
 * every decision again.
 */
@ExtendWith(ApplicationExtension.class)
class StoreReviewWindowTest {

    @TempDir
    Path projectDir;

    private Project project;
    private Stage stage;
    private StoreReviewSession session;
    private ReviewScreen screen;
    private FrameImageCache cache;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        TinyProjects.create(projectDir);
        project = new ProjectReader(MovieProbe.unavailable("test")).read(projectDir).project();
        cache = ReviewScreens.cache();
        session = StoreReviewSession.open(project, new Reviewer("Ali", Role.ANIMATOR), "pass 1", Optional.empty());
        screen = screenFor(session);
        ReviewScreens.show(stage, screen);
    }

    @AfterEach
    void close() {
        ReviewScreens.close(screen, session);
        cache.shutdown();
    }

    private ReviewScreen screenFor(StoreReviewSession s) {
        return ReviewScreens.of(project, s, cache);
    }

    private String badge(FxRobot robot) {
        return robot.lookup("#decisionBadge").queryAs(Label.class).getText();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The panel names the shot's cast and where it comes from; Shift+C hands the ticked characters to the app. */
    @Test
    void theShotCastIsShownAndSetCastHandsTheTickedCharactersOver(FxRobot robot) throws Exception {
        assertEquals("every character", robot.lookup("#castNames").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#castSource").queryAs(Label.class).getText().startsWith("not set"),
                "no cast in the project and none proposed yet");
        java.util.List<String> chosen = new java.util.concurrent.CopyOnWriteArrayList<>();
        screen.setOnCastChosen((shot, cast) -> chosen.add(shot.name() + "=" + cast));
        robot.clickOn("#viewer").press(KeyCode.SHIFT).type(KeyCode.C).release(KeyCode.SHIFT);
        waitFor(() -> robot.lookup("#cast-hero").tryQuery().isPresent());
        robot.clickOn("#cast-hero");
        robot.clickOn("Save and score again");
        waitFor(() -> !chosen.isEmpty());
        assertEquals(java.util.List.of("sh010=[hero]"), chosen);
    }

    @Test
    void restartingFindsEveryDecisionInTheStore(FxRobot robot) throws Exception {
        robot.clickOn("#viewer").type(KeyCode.I).type(KeyCode.RIGHT, 3).type(KeyCode.O).type(KeyCode.A);
        waitFor(() -> session.verdict("sh010", "v001", 1004) == Verdict.APPROVE);
        robot.type(KeyCode.RIGHT, 2).type(KeyCode.N);
        waitFor(() -> robot.lookup("#noteText").tryQuery().isPresent());
        robot.clickOn("#noteText").write("arm bends the wrong way").type(KeyCode.ENTER);
        waitFor(() -> session.verdict("sh010", "v001", 1006) == Verdict.REJECT);
        robot.type(KeyCode.RIGHT).type(KeyCode.W);
        waitFor(() -> session.verdict("sh010", "v001", 1007) == Verdict.REWORK);
        robot.type(KeyCode.RIGHT).type(KeyCode.R);
        waitFor(() -> session.verdict("sh010", "v001", 1008) == Verdict.REJECT);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> session.verdict("sh010", "v001", 1008) == null);

        ReviewScreens.close(screen, session);
        session = StoreReviewSession.open(project, new Reviewer("Ali", Role.ANIMATOR), "pass 1", Optional.empty());
        Platform.runLater(() -> {
            screen = screenFor(session);
            stage.getScene().setRoot(screen);
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#viewer").type(KeyCode.RIGHT);
        assertEquals("A  approve", badge(robot), "1002");
        robot.type(KeyCode.RIGHT, 4);
        assertEquals("R  reject", badge(robot), "1006");
        assertEquals("arm bends the wrong way", session.effectiveDecision("sh010", "v001", 1006).orElseThrow().note());
        robot.type(KeyCode.RIGHT);
        assertEquals("W  rework", badge(robot), "1007");
        robot.type(KeyCode.RIGHT);
        assertEquals("\u25cb undecided", badge(robot), "1008 was undone before the restart");
        robot.type(KeyCode.RIGHT);
        assertEquals("\u25cb undecided", badge(robot), "1009");
    }
}
