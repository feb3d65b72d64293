package dev.onmodel.app.ui;

import dev.onmodel.app.session.DecisionDraft;
import dev.onmodel.app.session.ScriptedFrameScoring;
import dev.onmodel.app.session.StoreReviewSession;
import dev.onmodel.app.session.StoreSessions;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.settings.Preferences;
import dev.onmodel.app.settings.PreferencesStore;
import dev.onmodel.app.testing.DemoProjects;
import dev.onmodel.app.ui.keys.KeyMap;
import dev.onmodel.app.ui.keys.ReviewAction;
import dev.onmodel.app.ui.review.CompareMode;
import dev.onmodel.app.ui.review.PassFilter;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.time.FrameRange;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Takes the docs' screenshots from the running workstation (run it under Xvfb, see docs/user-guide.md): generates the
 * demo project, records an animator's decisions in the project's SQLite review store, opens the app as a director
 * and snapshots each mode. Scores come from the demo's known defects ({@link ScriptedFrameScoring}) until the
 * consistency engine is bound.
 *
 * <p>Usage: {@code ScreenshotTour <output folder> <work folder>}
 */
public final class ScreenshotTour {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    static final int FRAMES = 48;

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path work = Files.createDirectories(Path.of(args[1]));
        Path project = work.resolve("demo-project");
        if (!ProjectLayout.looksLikeProject(project)) {
            DemoProjects.create(project, WIDTH, HEIGHT, FRAMES);
        }
        // A fresh SQLite review store, then an animator's earlier pass for the history and overrule views.
        Files.deleteIfExists(project.resolve("onmodel.db"));
        Files.deleteIfExists(project.resolve("onmodel.db-wal"));
        Files.deleteIfExists(project.resolve("onmodel.db-shm"));
        Project read = new ProjectReader(MovieProbe.unavailable("tour")).read(project).project();
        try (StoreReviewSession animator = StoreReviewSession.open(read, new Reviewer("Ali Navarro", Role.ANIMATOR),
                "animation pass 1", java.util.Optional.empty())) {
            animator.record(new DecisionDraft("sh020", "v002", FrameRange.ofInclusive(1001, 1012), Verdict.APPROVE,
                    "")).join();
            animator.record(new DecisionDraft("sh020", "v002", FrameRange.ofInclusive(1013, 1030), Verdict.APPROVE,
                    "looks fine to me")).join();
            animator.record(new DecisionDraft("sh010", "v001", FrameRange.ofInclusive(1001, 1048), Verdict.APPROVE,
                    "")).join();
            animator.record(new DecisionDraft("sh010", "v002", FrameRange.ofInclusive(1030, 1040), Verdict.REWORK,
                    "squashed, fix proportions")).join();
        }
        Path home = Files.createDirectories(work.resolve("home"));
        System.setProperty("onmodel.home", home.toString());
        new PreferencesStore(home.resolve("preferences.json")).save(Preferences.defaults()
                .withReviewer("Dana Ruiz", "director").withPass("director approval")
                .withWindow(new dev.onmodel.app.settings.WindowLayout(0, 0, 1600, 1000, false, 0.13, 0.79, 0.70)));
        // The real store binding; scores from the demo's planted defects stand in for the engine.
        WorkstationApp.sessionFactory = new StoreSessions(p -> java.util.Optional.of(new ScriptedFrameScoring(
                DemoProjects.scorer(project, WIDTH, HEIGHT, FRAMES), Duration.ofMillis(2))));
        WorkstationApp.requestedProject = project;
        Thread app = new Thread(() -> javafx.application.Application.launch(WorkstationApp.class), "app");
        app.start();

        ReviewScreen screen = waitFor(ScreenshotTour::findScreen, 60);
        waitFor(() -> onFx(() -> !screen.model().scoringProperty().get() ? Boolean.TRUE : null), 60);
        Stage stage = onFx(() -> (Stage) screen.getScene().getWindow());

        fx(() -> {
            screen.model().selectedShotProperty().set(screen.model().project().shot("sh020").orElseThrow());
            screen.model().pickVariant(2);
            screen.model().seek(1013);
            screen.model().markIn();
            screen.model().seek(1036);
            screen.model().markOut();
            screen.model().decide(Verdict.REJECT, "jacket drifts to purple from 1013; regenerate with the sheet colour");
        });
        settle();
        fx(() -> screen.model().seek(1024));
        settle();
        snap(stage.getScene().getRoot(), out.resolve("review-overview.png"));

        fx(() -> screen.model().compareModeProperty().set(CompareMode.SIDE_BY_SIDE_SHEET));
        settle();
        snap(stage.getScene().getRoot(), out.resolve("compare-frame-vs-sheet.png"));

        fx(() -> screen.model().compareModeProperty().set(CompareMode.SIDE_BY_SIDE_VARIANT));
        settle();
        snap(stage.getScene().getRoot(), out.resolve("compare-variants.png"));

        fx(() -> {
            screen.model().compareModeProperty().set(CompareMode.WIPE);
            screen.model().wipePositionProperty().set(0.55);
        });
        settle();
        snap(stage.getScene().getRoot(), out.resolve("compare-wipe.png"));

        fx(() -> {
            screen.model().compareModeProperty().set(CompareMode.DIFFERENCE);
            screen.model().differenceGainProperty().set(4);
        });
        settle();
        snap(stage.getScene().getRoot(), out.resolve("compare-difference.png"));

        fx(() -> {
            screen.model().compareModeProperty().set(CompareMode.ONION_SKIN);
            screen.model().selectedShotProperty().set(screen.model().project().shot("sh030").orElseThrow());
            screen.model().seek(1020);
        });
        settle();
        snap(stage.getScene().getRoot(), out.resolve("compare-onion-skin.png"));

        fx(() -> {
            screen.model().compareModeProperty().set(CompareMode.SINGLE);
            screen.model().selectedShotProperty().set(screen.model().project().shot("sh020").orElseThrow());
            screen.model().pickVariant(2);
            screen.model().seek(1028);
            TabPane side = (TabPane) screen.lookup("#sidePanel");
            side.getSelectionModel().select(1);
        });
        settle();
        snap(stage.getScene().getRoot(), out.resolve("history-overrule.png"));

        fx(() -> {
            ((TabPane) screen.lookup("#sidePanel")).getSelectionModel().select(0);
            screen.model().passFilterProperty().set(PassFilter.FLAGGED);
            screen.model().seek(1001);
            screen.run(ReviewAction.NEXT_FLAGGED);
            screen.run(ReviewAction.MARK_IN);
            screen.model().seek(1036);
            screen.run(ReviewAction.MARK_OUT);
            screen.run(ReviewAction.TIMELINE_ZOOM_IN);
            screen.run(ReviewAction.TIMELINE_ZOOM_IN);
            screen.run(ReviewAction.TIMELINE_ZOOM_IN);
        });
        settle();
        snap(stage.getScene().getRoot(), out.resolve("pass-view-flagged.png"));
        snap(screen.timeline(), out.resolve("timeline-zoomed.png"));

        fx(() -> {
            screen.model().passFilterProperty().set(PassFilter.ALL);
            screen.model().clearMarks();
            new CheatSheetOpener().open(stage, KeyMap.defaults());
        });
        settle();
        Window sheet = onFx(() -> Window.getWindows().stream().filter(w -> w != stage).findFirst().orElse(null));
        if (sheet != null) {
            snap(sheet.getScene().getRoot(), out.resolve("keyboard-cheat-sheet.png"));
            fx(() -> ((Stage) sheet).close());
        }
        Preferences shown = Preferences.defaults().withReviewer("Dana Ruiz", "director").withPass("director approval");
        snapDialog(stage, () -> new dev.onmodel.app.ui.preferences.PreferencesDialog(stage, shown),
                out.resolve("preferences.png"));
        snapDialog(stage, () -> new dev.onmodel.app.ui.preferences.ReviewerDialog(stage, Preferences.defaults()),
                out.resolve("reviewer-at-start.png"));
        System.out.println("screenshots written to " + out);
        Platform.exit();
        app.join(20_000);
        System.exit(0);
    }

    /** Opens the cheat-sheet the way the {@code ?} key does. */
    private static final class CheatSheetOpener {
        void open(Stage stage, KeyMap keys) {
            ReviewScreen screen = (ReviewScreen) stage.getScene().getRoot().lookup(".review-screen");
            screen.run(ReviewAction.CHEAT_SHEET);
        }
    }

    /** Shows a dialog without waiting, snapshots it, closes it. */
    private static void snapDialog(Stage owner, Supplier<javafx.scene.control.Dialog<?>> dialog, Path file)
            throws Exception {
        javafx.scene.control.Dialog<?>[] shown = new javafx.scene.control.Dialog<?>[1];
        fx(() -> {
            shown[0] = dialog.get();
            shown[0].show();
        });
        settle();
        snap(shown[0].getDialogPane(), file);
        fx(() -> {
            shown[0].setResult(null);
            shown[0].close();
        });
    }

    private static ReviewScreen findScreen() {
        return onFx(() -> {
            for (Window window : Window.getWindows()) {
                Scene scene = window.getScene();
                Node found = scene == null ? null : scene.getRoot().lookup(".review-screen");
                if (found instanceof ReviewScreen screen) {
                    return screen;
                }
            }
            return null;
        });
    }

    private static void settle() throws Exception {
        Thread.sleep(900);
        fx(() -> { });
    }

    static void snap(Node node, Path file) throws Exception {
        WritableImage image = onFx(() -> node.snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    static void fx(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return Boolean.TRUE;
        });
    }

    static <T> T onFx(Supplier<T> supplier) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    result.complete(supplier.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException toolkitNotReady) {
            return null;
        }
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T waitFor(Callable<T> probe, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            T value = probe.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out after " + seconds + " s");
    }
}
