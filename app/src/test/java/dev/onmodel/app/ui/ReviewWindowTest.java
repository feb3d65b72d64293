package dev.onmodel.app.ui;

import dev.onmodel.app.session.JsonFileReviewSession;
import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.testing.ScriptedScores;
import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.review.CompareMode;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.app.ui.review.ReviewViewModel;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.project.ProjectReader;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the review window headless with the keyboard only: step, flip variants, walk flagged frames with
 * {@code .}, approve a range with I/O/A, reject a frame with a note (N), undo, and reopen the store to find every
 * decision again.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewWindowTest {

    @TempDir
    static Path projectDir;
    static Project project;

    @TempDir
    Path storeDir;

    private Stage stage;
    private JsonFileReviewSession session;
    private ReviewScreen screen;
    private FrameImageCache cache;

    @BeforeAll
    static void createProject() throws Exception {
        TinyProjects.create(projectDir);
        project = new ProjectReader(MovieProbe.unavailable("test")).read(projectDir).project();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        cache = ReviewScreens.cache();
        session = openSession();
        screen = screenFor(session);
        ReviewScreens.show(stage, screen);
    }

    @AfterEach
    void closeSession() {
        ReviewScreens.close(screen, session);
        cache.shutdown();
    }

    private JsonFileReviewSession openSession() {
        return new JsonFileReviewSession(storeDir.resolve("store.json"), new Reviewer("Ali", Role.ANIMATOR), "pass 1",
                ScriptedScores.forTinyProject(projectDir));
    }

    private ReviewScreen screenFor(JsonFileReviewSession s) {
        return ReviewScreens.of(project, s, cache);
    }

    private String counter(FxRobot robot) {
        return robot.lookup("#frameCounter").queryAs(Label.class).getText();
    }

    private String badge(FxRobot robot) {
        return robot.lookup("#decisionBadge").queryAs(Label.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void scoreAll() throws Exception {
        Platform.runLater(() -> screen.model().startScoring());
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> !screen.model().scoringProperty().get());
    }

    @Test
    void arrowKeysStepFramesAndTheImageFollows(FxRobot robot) throws Exception {
        Label timecode = robot.lookup("#timecode").queryAs(Label.class);
        ImageView image = robot.lookup("#viewerImage").queryAs(ImageView.class);
        assertTrue(counter(robot).startsWith("1001 "), counter(robot));
        assertEquals("00:00:41:17", timecode.getText());
        Image first = waitForImage(image, null);

        robot.clickOn("#viewer").type(KeyCode.RIGHT);
        assertTrue(counter(robot).startsWith("1002 "), counter(robot));
        assertEquals("00:00:41:18", timecode.getText());
        Image second = waitForImage(image, first);
        assertNotSame(first, second);
        assertTrue(screen.viewer().shownFile().getFileName().toString().endsWith(".1002.png"));

        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertTrue(counter(robot).startsWith("1012 "), "shift+right clamps at the last frame: " + counter(robot));
        robot.type(KeyCode.HOME);
        assertTrue(counter(robot).startsWith("1001 "), counter(robot));
        robot.type(KeyCode.LEFT);
        assertTrue(counter(robot).startsWith("1001 "), "left at the first frame stays: " + counter(robot));
    }

    @Test
    void variantFlipKeepsTheFrameNumberWithoutABlackFrame(FxRobot robot) throws Exception {
        robot.clickOn("#viewer").type(KeyCode.RIGHT, 3);
        robot.type(KeyCode.DOWN);
        assertTrue(counter(robot).startsWith("1004 "), counter(robot));
        waitFor(() -> screen.viewer().shownFile() != null && screen.viewer().shownFile().toString().contains("v002"));
        // B flips back to v001: its frame was prefetched, so the flip paints at once from the cache.
        robot.type(KeyCode.B);
        assertEquals("v001", screen.model().selectedVariantProperty().get().name());
        assertTrue(screen.viewer().lastShowImmediate(), "A/B flip served from the cache");
        assertTrue(counter(robot).startsWith("1004 "), counter(robot));
        robot.type(KeyCode.DIGIT2);
        assertEquals("v002", screen.model().selectedVariantProperty().get().name());
    }

    @Test
    void playbackDecodesNoCompareFramesAndStoppingPrefetchesTheOneToFlipTo(FxRobot robot) throws Exception {
        Variant compare = screen.model().compareVariantProperty().get();
        assertNotNull(compare, "the tiny project's shot has a second variant");
        List<Long> reached = new CopyOnWriteArrayList<>();
        robot.interact(() -> screen.model().currentFrameProperty().addListener((o, was, now) -> reached.add(
                now.longValue())));
        waitFor(() -> screen.viewer().shownFile() != null);
        robot.clickOn("#viewer").type(KeyCode.SPACE);
        waitFor(() -> reached.size() >= 5);
        robot.type(KeyCode.SPACE);
        assertFalse(screen.model().playingProperty().get());
        long stoppedAt = screen.model().currentFrameProperty().get();
        // Stopped, the compare variant's frame is prefetched as after a step, so a flip paints from the cache.
        Path flipTo = ReviewViewModel.frameFile(compare, stoppedAt).orElseThrow();
        waitFor(() -> cache.sourceSize(flipTo).isPresent());
        // While playing, it was not: those decodes took a decoder from the frames about to be shown.
        for (long frame : reached.subList(0, 3)) {
            if (frame != stoppedAt && frame != 1001) {
                Path unused = ReviewViewModel.frameFile(compare, frame).orElseThrow();
                assertTrue(cache.sourceSize(unused).isEmpty(), () -> unused + " was decoded during playback");
            }
        }
        robot.type(KeyCode.B);
        assertTrue(screen.viewer().lastShowImmediate(), "A/B flip after playback served from the cache");
    }

    @Test
    void playbackSideBySidePrefetchesTheCompareVariantsFramesAhead(FxRobot robot) throws Exception {
        Variant compare = screen.model().compareVariantProperty().get();
        assertNotNull(compare, "the tiny project's shot has a second variant");
        robot.interact(() -> screen.model().compareModeProperty().set(CompareMode.SIDE_BY_SIDE_VARIANT));
        waitFor(() -> screen.viewer().shownFile() != null);
        // For each frame the playhead reaches, whether B's frame two further on had already been decoded: only a
        // prefetch asks for it that early (B's own frame is loaded when it is due).
        List<Boolean> aheadReady = new CopyOnWriteArrayList<>();
        robot.interact(() -> screen.model().currentFrameProperty().addListener((o, was, now) -> ReviewViewModel
                .frameFile(compare, now.longValue() + 2).ifPresent(f -> aheadReady.add(cache.sourceSize(f)
                        .isPresent()))));
        robot.clickOn("#viewer").type(KeyCode.SPACE);
        waitFor(() -> aheadReady.size() >= 5);
        robot.type(KeyCode.SPACE);
        long ready = aheadReady.subList(1, 5).stream().filter(Boolean::booleanValue).count();
        assertTrue(ready >= 3, "B's frames ahead decoded before they were due: " + aheadReady);
    }

    @Test
    void periodWalksOnlyTheFlaggedFrames(FxRobot robot) throws Exception {
        scoreAll();
        robot.clickOn("#viewer").type(KeyCode.PERIOD);
        assertTrue(counter(robot).startsWith("1004 "), counter(robot));
        robot.type(KeyCode.PERIOD);
        assertTrue(counter(robot).startsWith("1009 "), counter(robot));
        robot.type(KeyCode.PERIOD);
        assertTrue(counter(robot).startsWith("1009 "), "nothing flagged after 1009: " + counter(robot));
        robot.type(KeyCode.COMMA);
        assertTrue(counter(robot).startsWith("1004 "), counter(robot));
        String score = robot.lookup("#scoreOverlay").queryAs(Label.class).getText();
        assertTrue(score.startsWith("41  OFF-MODEL"), score);
    }

    @Test
    void inOutAndAApproveARange(FxRobot robot) throws Exception {
        robot.clickOn("#viewer").type(KeyCode.RIGHT).type(KeyCode.I).type(KeyCode.RIGHT, 3).type(KeyCode.O);
        assertEquals("in 1002  out 1005", robot.lookup("#marks").queryAs(Label.class).getText());
        robot.type(KeyCode.A);
        waitFor(() -> robot.lookup("#saveStatus").queryAs(Label.class).getText().startsWith("Saved: approve 1002-1005"));
        for (long frame = 1002; frame <= 1005; frame++) {
            assertEquals(Verdict.APPROVE, session.verdict("sh010", "v001", frame), "frame " + frame);
        }
        assertEquals(null, session.verdict("sh010", "v001", 1006));
        assertEquals("A  approve", badge(robot));
        assertEquals("", robot.lookup("#marks").queryAs(Label.class).getText(), "marks cleared after saving");
    }

    @Test
    void nRejectsAFrameWithANoteShownInHistory(FxRobot robot) throws Exception {
        robot.clickOn("#viewer").type(KeyCode.RIGHT, 3).type(KeyCode.N);
        waitFor(() -> robot.lookup("#noteText").tryQuery().isPresent());
        robot.clickOn("#noteText").write("jacket hue drifted").type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#saveStatus").queryAs(Label.class).getText().startsWith("Saved: reject 1004-1004"));
        assertEquals("jacket hue drifted", session.effectiveDecision("sh010", "v001", 1004).orElseThrow().note());
        assertEquals("R  reject", badge(robot));
        VBox history = robot.lookup("#historyList").queryAs(VBox.class);
        assertEquals(1, history.getChildren().size());
        assertTrue(((Label) history.getChildren().get(0)).getText().contains("jacket hue drifted"));
        String overlay = robot.lookup("#decisionOverlay").queryAs(Label.class).getText();
        assertTrue(overlay.contains("jacket hue drifted") && overlay.contains("Ali (animator)"), overlay);
    }

    @Test
    void ctrlZUndoesAndCtrlShiftZRedoes(FxRobot robot) throws Exception {
        robot.clickOn("#viewer").type(KeyCode.R);
        waitFor(() -> badge(robot).equals("R  reject"));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> badge(robot).equals("\u25cb undecided"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(() -> badge(robot).equals("R  reject"));
    }

    @Test
    void reopeningTheStoreFindsEveryDecision(FxRobot robot) throws Exception {
        robot.clickOn("#viewer").type(KeyCode.I).type(KeyCode.RIGHT, 2).type(KeyCode.O).type(KeyCode.A);
        waitFor(() -> session.verdict("sh010", "v001", 1003) == Verdict.APPROVE);
        robot.type(KeyCode.RIGHT, 3).type(KeyCode.W);
        waitFor(() -> session.verdict("sh010", "v001", 1006) == Verdict.REWORK);
        robot.type(KeyCode.DOWN).type(KeyCode.R);
        waitFor(() -> session.verdict("sh010", "v002", 1006) == Verdict.REJECT);

        // "Restart": close this session and screen, open a new session on the same store file.
        ReviewScreens.close(screen, session);
        session = openSession();
        Platform.runLater(() -> {
            screen = screenFor(session);
            stage.getScene().setRoot(screen);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (long frame = 1001; frame <= 1003; frame++) {
            assertEquals(Verdict.APPROVE, session.verdict("sh010", "v001", frame));
        }
        assertEquals(Verdict.REWORK, session.verdict("sh010", "v001", 1006));
        assertEquals(Verdict.REJECT, session.verdict("sh010", "v002", 1006));
        robot.clickOn("#viewer").type(KeyCode.RIGHT);
        assertEquals("A  approve", badge(robot));
    }

    @Test
    void questionMarkOpensTheCheatSheetWithTheCurrentKeys(FxRobot robot) throws Exception {
        robot.clickOn("#viewer").press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        waitFor(() -> robot.lookup("#cheatSheet").tryQuery().isPresent());
        assertTrue(robot.lookup(".keycap").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("I")));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void menuItemsRunTheSameActionsAsKeys(FxRobot robot) throws Exception {
        Platform.runLater(() -> screen.menus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-step-forward".equals(i.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(counter(robot).startsWith("1002 "), counter(robot));
    }

    private static Image waitForImage(ImageView view, Image notThis) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.getImage() != null && view.getImage() != notThis);
        Image image = view.getImage();
        assertNotNull(image);
        return image;
    }
}
