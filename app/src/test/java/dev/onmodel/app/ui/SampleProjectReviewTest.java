package dev.onmodel.app.ui;

import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.session.StoreReviewSession;
import dev.onmodel.app.session.StoreSessions;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.sample.SampleOptions;
import dev.onmodel.core.sample.SampleProjectGenerator;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole review flow on a (small) generated sample project with the real store and the real consistency engine:
 * score in the background, walk the flagged frames with {@code .}, reject one with R, then reopen and find the
 * decision and the stored scores without scoring again.
 */
@ExtendWith(ApplicationExtension.class)
class SampleProjectReviewTest {

    @TempDir
    Path dir;

    private Project project;
    private Stage stage;
    private StoreReviewSession session;
    private ReviewScreen screen;
    private FrameImageCache cache;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path root = dir.resolve("sample");
        SampleProjectGenerator.generate(root, SampleOptions.defaults().withFrameScale(0.15).withPictureScale(0.25),
                (done, total) -> { });
        project = new ProjectReader(MovieProbe.unavailable("test")).read(root).project();
        cache = ReviewScreens.cache();
        session = open();
        screen = screenFor(session);
        ReviewScreens.show(stage, screen);
    }

    private StoreReviewSession open() throws Exception {
        return (StoreReviewSession) new StoreSessions().open(project.root(), new Reviewer("Ali", Role.ANIMATOR), "pass 1");
    }

    private ReviewScreen screenFor(StoreReviewSession s) {
        return ReviewScreens.of(project, s, cache);
    }

    @AfterEach
    void close() {
        ReviewScreens.close(screen, session);
        cache.shutdown();
    }

    @Test
    void scoreWalkFlaggedFramesDecideAndFindItAllAfterReopening(FxRobot robot) throws Exception {
        Platform.runLater(() -> screen.model().startScoring());
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> screen.model().scoringStatusProperty().get()
                .startsWith("Scored"));
        String status = screen.model().scoringStatusProperty().get();
        Variant first = project.shots().get(0).variants().get(0);
        long firstFrame = first.media().range().start();
        assertTrue(session.score(first.shot(), first.name(), firstFrame).isPresent(), status);

        // Walk to a flagged frame of some variant with '.', then reject it with R.
        boolean found = false;
        for (int shot = 0; shot < project.shots().size() && !found; shot++) {
            for (int variant = 0; variant < project.shots().get(shot).variants().size() && !found; variant++) {
                int s = shot;
                int v = variant;
                Platform.runLater(() -> {
                    screen.model().selectedShotProperty().set(project.shots().get(s));
                    screen.model().pickVariant(v + 1);
                    screen.model().goToFirstFrame();
                });
                WaitForAsyncUtils.waitForFxEvents();
                String before = robot.lookup("#frameCounter").queryAs(Label.class).getText();
                robot.clickOn("#viewer").type(KeyCode.PERIOD);
                found = !robot.lookup("#frameCounter").queryAs(Label.class).getText().equals(before);
            }
        }
        assertTrue(found, "the sample's injected defects leave at least one flagged frame: " + status);
        Variant flaggedVariant = screen.model().selectedVariantProperty().get();
        long flaggedFrame = screen.model().currentFrameProperty().get();
        assertTrue(session.score(flaggedVariant.shot(), flaggedVariant.name(), flaggedFrame).orElseThrow().score()
                < screen.model().checkBelowProperty().get());
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> session.verdict(flaggedVariant.shot(), flaggedVariant.name(), flaggedFrame) == Verdict.REJECT);

        ReviewScreens.close(screen, session);
        session = open();
        assertEquals(Verdict.REJECT, session.verdict(flaggedVariant.shot(), flaggedVariant.name(), flaggedFrame));
        assertTrue(session.score(flaggedVariant.shot(), flaggedVariant.name(), flaggedFrame).isPresent(),
                "scores come back from the store without scoring again");
        Platform.runLater(() -> {
            screen = screenFor(session);
            stage.getScene().setRoot(screen);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
