package dev.onmodel.app.ui;

import dev.onmodel.app.session.ReviewSession;
import dev.onmodel.app.ui.images.DifferenceImages;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.keys.KeyMap;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.app.ui.review.ReviewViewModel;
import dev.onmodel.core.model.Project;
import javafx.application.Platform;

/** The review screen the window tests drive: default keys, the app's style sheet, updates on the FX thread. */
final class ReviewScreens {

    private ReviewScreens() {
    }

    static ReviewScreen of(Project project, ReviewSession session, FrameImageCache cache) {
        ReviewScreen screen = new ReviewScreen(new ReviewViewModel(project, session, Platform::runLater), cache,
                new DifferenceImages(), KeyMap.defaults());
        screen.getStylesheets().add(WorkstationApp.class.getResource("onmodel.css").toExternalForm());
        return screen;
    }
}
