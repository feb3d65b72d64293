package dev.onmodel.app.ui;

import dev.onmodel.app.session.ReviewSession;
import dev.onmodel.app.ui.images.DifferenceImages;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.keys.KeyMap;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.app.ui.review.ReviewViewModel;
import dev.onmodel.core.model.Project;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The review screen the window tests drive (default keys, the app's style sheet, updates on the FX thread), the cache
 * it shows frames through, the window it is shown in, and closing it all again.
 */
final class ReviewScreens {

    private ReviewScreens() {
    }

    static ReviewScreen of(Project project, ReviewSession session, FrameImageCache cache) {
        ReviewScreen screen = new ReviewScreen(new ReviewViewModel(project, session, Platform::runLater), cache,
                new DifferenceImages(), KeyMap.defaults());
        screen.getStylesheets().add(WorkstationApp.class.getResource("onmodel.css").toExternalForm());
        return screen;
    }

    /** The frame cache of a window test: 64 MB, two decoders. */
    static FrameImageCache cache() {
        return new FrameImageCache(64L << 20, 2);
    }

    /** Shows {@code screen} in {@code stage} at the window tests' size. */
    static void show(Stage stage, ReviewScreen screen) {
        stage.setScene(new Scene(screen, 1280, 800));
        stage.show();
    }

    /** Ends a screen and its session (a restart within a test, or the end of one, followed by the cache's shutdown). */
    static void close(ReviewScreen screen, ReviewSession session) {
        screen.model().dispose();
        session.close();
    }
}
