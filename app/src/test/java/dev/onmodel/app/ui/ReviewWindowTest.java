package dev.onmodel.app.ui;

import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.app.ui.review.ReviewViewModel;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.project.ProjectReader;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens the review window headless, steps frames with the keyboard and checks counter, timecode and image. */
@ExtendWith(ApplicationExtension.class)
class ReviewWindowTest {

    @TempDir
    static Path projectDir;

    private ReviewScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        TinyProjects.create(projectDir);
        var project = new ProjectReader(MovieProbe.unavailable("test")).read(projectDir).project();
        screen = new ReviewScreen(new ReviewViewModel(project), new FrameImageCache(64L << 20, 2));
        stage.setScene(new Scene(screen, 1200, 800));
        stage.show();
    }

    @Test
    void arrowKeysStepFramesAndTheImageFollows(FxRobot robot) throws Exception {
        Label counter = robot.lookup("#frameCounter").queryAs(Label.class);
        Label timecode = robot.lookup("#timecode").queryAs(Label.class);
        ImageView image = robot.lookup("#viewerImage").queryAs(ImageView.class);
        assertTrue(counter.getText().startsWith("1001 "), counter.getText());
        assertEquals("00:00:41:17", timecode.getText());
        Image first = waitForImage(image, null);

        robot.clickOn("#viewer").type(KeyCode.RIGHT);
        assertTrue(counter.getText().startsWith("1002 "), counter.getText());
        assertEquals("00:00:41:18", timecode.getText());
        Image second = waitForImage(image, first);
        assertNotSame(first, second);
        assertTrue(screen.viewer().shownFile().getFileName().toString().endsWith(".1002.png"));

        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertTrue(counter.getText().startsWith("1012 "), "shift+right clamps at the last frame: " + counter.getText());
        robot.type(KeyCode.HOME);
        assertTrue(counter.getText().startsWith("1001 "), counter.getText());
        robot.type(KeyCode.LEFT);
        assertTrue(counter.getText().startsWith("1001 "), "left at the first frame stays: " + counter.getText());
    }

    @Test
    void variantFlipKeepsTheFrameNumber(FxRobot robot) throws Exception {
        Label counter = robot.lookup("#frameCounter").queryAs(Label.class);
        robot.clickOn("#viewer").type(KeyCode.RIGHT, 3);
        robot.type(KeyCode.DOWN);
        assertTrue(counter.getText().startsWith("1004 "), counter.getText());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> screen.viewer().shownFile() != null
                && screen.viewer().shownFile().toString().contains("v002"));
    }

    private static Image waitForImage(ImageView view, Image notThis) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.getImage() != null && view.getImage() != notThis);
        Image image = view.getImage();
        assertNotNull(image);
        return image;
    }
}
