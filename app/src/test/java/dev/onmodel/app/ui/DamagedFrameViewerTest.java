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
import dev.onmodel.core.project.ProjectReader;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A frame that cannot be decoded (a truncated PNG) is shown as what it is: no picture under its number (the previous
 * frame's would be judged as this one) and a message naming the file, laid out at the size of its text. A take whose
 * first frame is such a frame still has its next frames prefetched: the viewer holds its prefetches back only until
 * the first decode is over, shown or not (before, until a frame was shown while still wanted, which on a damaged first
 * frame, or a movie take played before its first frame was made, never came). Where the compared take (B) has no
 * frame, its half says so instead of staying blank.
 */
@ExtendWith(ApplicationExtension.class)
class DamagedFrameViewerTest {

    @TempDir
    Path projectDir;
    @TempDir
    Path storeDir;

    private ReviewScreen screen;
    private JsonFileReviewSession session;
    private FrameImageCache cache;

    @Start
    void start(Stage stage) throws Exception {
        TinyProjects.create(projectDir);
        for (String frame : new String[]{"1001", "1003"}) {
            Path damaged = projectDir.resolve("shots/sh010/v001/sh010_v001." + frame + ".png");
            byte[] whole = Files.readAllBytes(damaged);
            Files.write(damaged, Arrays.copyOf(whole, whole.length / 3));
        }
        // The compared take is a frame shorter than A.
        Files.delete(projectDir.resolve("shots/sh010/v002/sh010_v002.1012.png"));
        Project project = new ProjectReader(MovieProbe.unavailable("test")).read(projectDir).project();
        cache = ReviewScreens.cache();
        session = new JsonFileReviewSession(storeDir.resolve("store.json"), new Reviewer("Ali", Role.ANIMATOR),
                "pass 1", ScriptedScores.forTinyProject(projectDir));
        screen = ReviewScreens.of(project, session, cache);
        ReviewScreens.show(stage, screen);
    }

    @AfterEach
    void close() {
        ReviewScreens.close(screen, session);
        cache.shutdown();
    }

    @Test
    void aTruncatedFrameShowsNoPictureAndAMessageNamingTheFile(FxRobot robot) throws Exception {
        ImageView image = robot.lookup("#viewerImage").queryAs(ImageView.class);
        Label message = robot.lookup("#viewerMessage").queryAs(Label.class);
        // The first frame is damaged: its message, and the next frame prefetched all the same.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> message.getText().contains("sh010_v001.1001.png"));
        Path next = ReviewViewModel.frameFile(screen.model().selectedVariantProperty().get(), 1002).orElseThrow();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> cache.sourceSize(next).isPresent());
        robot.clickOn("#viewer").type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(screen.viewer().lastShowImmediate(), "frame 1002 was painted from the cache");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> screen.viewer().shownFile() != null
                && screen.viewer().shownFile().getFileName().toString().endsWith(".1002.png"));
        assertTrue(message.getText().isEmpty(), message.getText());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(message.getText().contains("sh010_v001.1003.png"), message.getText());
        assertNull(image.getImage(), "frame 1002's picture stayed under frame 1003's number");
        assertTrue(message.getWidth() >= message.prefWidth(-1) - 1,
                "the message is laid out at its text's width: " + message.getWidth() + " < "
                        + message.prefWidth(-1));
        // The next frame shows again, and the message goes.
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> image.getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(message.getText().isEmpty(), message.getText());
    }

    @Test
    void whereATakeHasNoPictureTheComparisonSaysSoAndShowsNothingStale(FxRobot robot) throws Exception {
        Label compareMessage = robot.lookup("#compareMessage").queryAs(Label.class);
        robot.interact(() -> {
            screen.model().compareModeProperty().set(CompareMode.SIDE_BY_SIDE_VARIANT);
            screen.model().seek(1012);
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !compareMessage.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("B v002 has no frame 1012 (its frames are 1001-1011)", compareMessage.getText());
        assertTrue(compareMessage.isVisible());
        double viewerWidth = screen.viewer().getWidth();
        assertTrue(compareMessage.getLayoutX() > viewerWidth / 2, "placed in B's half: x " + compareMessage.getLayoutX()
                + " of " + viewerWidth);
        robot.interact(() -> screen.model().seek(1011));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(compareMessage.getText().isEmpty(), compareMessage.getText());
        // Difference: frame 1011's difference must not stay under frame 1012, which B lacks.
        ImageView difference = robot.lookup("#differenceImage").queryAs(ImageView.class);
        robot.interact(() -> screen.model().compareModeProperty().set(CompareMode.DIFFERENCE));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> difference.getImage() != null);
        robot.interact(() -> screen.model().seek(1012));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(difference.getImage(), "frame 1011's difference stayed under frame 1012");
        assertEquals("B v002 has no frame 1012 (its frames are 1001-1011)", compareMessage.getText());
        // Nor under frame 1003, whose A frame cannot be decoded.
        robot.interact(() -> screen.model().seek(1002));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> difference.getImage() != null);
        robot.interact(() -> screen.model().seek(1003));
        Label message = robot.lookup("#viewerMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> message.getText().contains("sh010_v001.1003.png"));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(difference.getImage(), "frame 1002's difference stayed under frame 1003");
    }
}
