package dev.onmodel.app.ui;

import dev.onmodel.app.session.JsonFileReviewSession;
import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.testing.ScriptedScores;
import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.app.ui.review.ReviewViewModel;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.project.ProjectReader;
import javafx.scene.Scene;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The viewer holds its prefetches back only until the first frame's decode is over, whether or not that frame could
 * be shown. Before, they waited for a frame to be shown while still wanted: on a take whose first frame is damaged,
 * or a movie take played before its first frame was made (every decode then ends after the playhead moved on), no
 * frame was ever prefetched.
 */
@ExtendWith(ApplicationExtension.class)
class StartUpPrefetchTest {

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
        Path first = projectDir.resolve("shots/sh010/v001/sh010_v001.1001.png");
        byte[] whole = Files.readAllBytes(first);
        Files.write(first, Arrays.copyOf(whole, whole.length / 3));
        Project project = new ProjectReader(MovieProbe.unavailable("test")).read(projectDir).project();
        cache = new FrameImageCache(64L << 20, 2);
        session = new JsonFileReviewSession(storeDir.resolve("store.json"), new Reviewer("Ali", Role.ANIMATOR),
                "pass 1", ScriptedScores.forTinyProject(projectDir));
        screen = ReviewScreens.of(project, session, cache);
        stage.setScene(new Scene(screen, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        screen.model().dispose();
        session.close();
        cache.shutdown();
    }

    @Test
    void aFirstFrameThatCannotBeShownStillLetsTheNextOnesBePrefetched(FxRobot robot) throws Exception {
        Label message = robot.lookup("#viewerMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> message.getText().contains("sh010_v001.1001.png"));
        Path next = ReviewViewModel.frameFile(screen.model().selectedVariantProperty().get(), 1002).orElseThrow();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> cache.sourceSize(next).isPresent());
        robot.clickOn("#viewer").type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(screen.viewer().lastShowImmediate(), "frame 1002 was painted from the cache");
    }
}
