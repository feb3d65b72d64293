package dev.onmodel.app.ui;

import atlantafx.base.theme.PrimerDark;
import dev.onmodel.app.session.ReviewSession;
import dev.onmodel.app.session.ReviewSessionFactory;
import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.session.StoreSessions;
import dev.onmodel.app.settings.Preferences;
import dev.onmodel.app.settings.PreferencesStore;
import dev.onmodel.app.settings.WindowLayout;
import dev.onmodel.app.ui.images.DifferenceImages;
import dev.onmodel.app.project.DatabaseRestore;
import dev.onmodel.app.ui.export.ExportDialog;
import dev.onmodel.core.store.StoreBackups;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.images.FrameProxies;
import dev.onmodel.app.ui.images.MovieFrameFiles;
import dev.onmodel.core.imaging.ImageHeaders;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.app.settings.UserDirectories;
import dev.onmodel.app.ui.keys.KeyMap;
import dev.onmodel.app.ui.keys.MenuKey;
import dev.onmodel.app.ui.preferences.PreferencesDialog;
import dev.onmodel.app.ui.preferences.ReviewerDialog;
import dev.onmodel.app.ui.review.ReviewScreen;
import dev.onmodel.app.ui.review.ReviewViewModel;
import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.project.ProjectCasts;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.ImportReport;
import dev.onmodel.core.store.MediaImporter;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The JavaFX application: asks who reviews (first start), opens a project and its review session in the background,
 * then shows the review screen under a menu bar. Remembers reviewer, window layout and recent projects; a folder
 * dropped on the window is opened as a project.
 */
public final class WorkstationApp extends Application {

    /**
     * Disk the viewer's decoded movie frames may use (a PNG is 0.4 MB for a flat 720p or 1080p frame, a few MB for a
     * detailed 1080p one: 1,000 to 10,000 frames): enough for the takes of a review session, bounded so that stepping
     * through long takes cannot fill the disk.
     */
    private static final long MOVIE_FRAME_BUDGET = 4L << 30;

    static volatile Path requestedProject;
    static volatile int exitCode;
    /** How sessions are opened: the review store and the engine; tools and tests may put another binding here. */
    static volatile ReviewSessionFactory sessionFactory = new StoreSessions();

    private final ExecutorService settingsWriter = Executors.newSingleThreadExecutor(
            BackgroundTasks.named("onmodel-settings"));
    private PreferencesStore preferencesStore;
    private Preferences preferences;
    private FrameImageCache cache;
    private DifferenceImages differences;
    private Stage stage;
    private ReviewSession session;
    private ReviewScreen screen;
    private Path currentProject;

    @Override
    public void init() throws Exception {
        // Runs on the launcher thread: the one file read before the window exists stays off the FX thread.
        FutureTask<Prepared> prepared = preparation;
        preparation = null;
        Prepared ready = null;
        if (prepared != null) {
            try {
                ready = prepared.get();
            } catch (java.util.concurrent.ExecutionException e) {
                ready = null; // read them here again: a failure then shows as it always did
            }
        }
        if (ready != null) {
            preferencesStore = ready.store();
            preferences = ready.preferences();
            earlyOpening = ready.opening();
        } else {
            preferencesStore = PreferencesStore.forUser();
            preferences = preferencesStore.load();
        }
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        cache = new FrameImageCache((long) preferences.frameCacheMegabytes() << 20,
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                new FrameProxies(UserDirectories.dataHome().resolve("proxies")),
                new MovieFrameFiles(UserDirectories.dataHome().resolve("movie-frames"), FfmpegTools.locate(),
                        ImageHeaders.DEFAULT_MAX_PIXELS, MOVIE_FRAME_BUDGET));
        differences = new DifferenceImages();
        stage.setTitle("OnModel");
        WindowLayout layout = preferences.window();
        Scene scene = new Scene(new Label(), layout.width(), layout.height());
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("onmodel.css")).toExternalForm());
        scene.setOnDragOver(this::onDragOver);
        scene.setOnDragDropped(this::onDragDropped);
        stage.setScene(scene);
        if (!Double.isNaN(layout.x()) && !Double.isNaN(layout.y())) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.setMaximized(layout.maximized());
        stage.show();
        preferencesStore.loadProblem().ifPresent(problem ->
                ErrorDialogs.show(stage, "Your preferences could not be read; defaults are used.",
                        new IOException(problem)));
        if (!preferences.hasReviewer()) {
            var chosen = new ReviewerDialog(stage, preferences).ask();
            if (chosen.isEmpty()) {
                Platform.exit();
                return;
            }
            updatePreferences(chosen.get());
        }
        openProject(requestedProject);
    }

    /** Opens {@code folder} (null: the sample project) and its review session without blocking the FX thread. */
    void openProject(Path folder) {
        ReviewSessionFactory factory = sessionFactory;
        Reviewer reviewer = new Reviewer(preferences.reviewer(), Role.parse(preferences.role()));
        String pass = preferences.pass();
        ProjectOpenWork early = earlyOpening;
        earlyOpening = null;
        ProjectOpenWork work;
        if (early != null && early.opens(folder, factory, reviewer, pass)) {
            work = early; // started by the launcher while the toolkit came up
        } else {
            if (early != null) {
                early.cancel();
            }
            work = new ProjectOpenWork(folder, factory, reviewer, pass);
        }
        Task<ProjectOpenWork.Opened> task = new Task<>() {
            @Override
            protected ProjectOpenWork.Opened call() throws Exception {
                work.relayTo((message, done, total) -> {
                    updateMessage(message);
                    updateProgress(done, total);
                });
                return work.start().join();
            }

            @Override
            protected void cancelled() {
                work.cancel();
            }
        };
        boolean firstProject = screen == null;
        if (firstProject) {
            stage.getScene().setRoot(progressView(task));
        }
        BackgroundTasks.start(task, this::show, error -> {
            ErrorDialogs.show(stage, folder == null ? "The project could not be opened."
                    : "The project " + folder.getFileName() + " could not be opened.", error);
            if (firstProject) {
                exitCode = 1;
                Platform.exit();
            }
        });
    }

    /**
     * Toolkit settings, applied before the JavaFX toolkit starts (a {@code -D} given by the user wins). Pulses at
     * 480 Hz (JavaFX rounds it to a 2 ms period) instead of 60: a key's frame waits for the next pulse, so each
     * doubling halves that wait. Measured on the 2-core machine with the software renderer, key press to frame
     * painted p95: 45 ms at 60 Hz, 19 ms at 120 Hz, 15.0-16.8 ms at 240 Hz (one run of five over the 16 ms target),
     * 12.3-14.8 ms at 480 Hz (docs/performance.md). A pulse with nothing dirty costs little: the open idle window used
     * 180 ms of CPU per 10 s at 240 Hz and 300 ms at 480 Hz (3 % of one core), which buys the margin.
     */
    static void configureToolkit() {
        if (System.getProperty(PULSE_RATE) == null) {
            System.setProperty(PULSE_RATE, "480");
        }
    }

    private static final String PULSE_RATE = "javafx.animation.pulse";

    /**
     * Called by the launcher before the JavaFX toolkit starts: reads the preferences and, when the reviewer is
     * already known, starts opening {@code folder} on a thread of its own, so the store opens while the toolkit
     * comes up (both took about a second on a 2-core machine, one after the other).
     */
    static void prepare(Path folder) {
        FutureTask<Prepared> preparing = new FutureTask<>(() -> {
            PreferencesStore store = PreferencesStore.forUser();
            Preferences loaded = store.load();
            ProjectOpenWork opening = null;
            if (loaded.hasReviewer()) {
                opening = new ProjectOpenWork(folder, sessionFactory,
                        new Reviewer(loaded.reviewer(), Role.parse(loaded.role())), loaded.pass()).start();
            }
            return new Prepared(store, loaded, opening);
        });
        Thread thread = new Thread(preparing, "onmodel-preparing");
        thread.setDaemon(true);
        thread.start();
        preparation = preparing;
    }

    /** What {@link #prepare} read and started. */
    private record Prepared(PreferencesStore store, Preferences preferences, ProjectOpenWork opening) {
    }

    private static volatile FutureTask<Prepared> preparation;
    private ProjectOpenWork earlyOpening;

    private void show(ProjectOpenWork.Opened opened) {
        ReviewSession previous = session;
        if (screen != null) {
            screen.model().dispose();
        }
        if (previous != null) {
            BackgroundTasks.start(closing(previous), v -> { }, e -> ErrorDialogs.show(stage,
                    "The previous project's review store did not close cleanly; its decisions were saved.", e));
        }
        session = opened.session();
        currentProject = opened.project().root();
        stage.setTitle("OnModel \u2014 " + opened.project().name());
        ReviewViewModel model = new ReviewViewModel(opened.project(), session, Platform::runLater);
        int[] bands = preferences.bandsFor(session.projectThresholds());
        model.checkBelowProperty().set(bands[0]);
        model.offModelBelowProperty().set(bands[1]);
        model.setErrorSink((headline, error) -> Platform.runLater(() -> ErrorDialogs.show(stage, headline, error)));
        KeyMap keys = new KeyMap(preferences.keys());
        screen = new ReviewScreen(model, cache, differences, keys);
        screen.setOnCastChosen((shot, cast) -> changeCast(opened.project(), shot.name(), cast));
        WindowLayout layout = preferences.window();
        screen.setDividerPositions(layout.navigatorDivider(), layout.panelDivider(), layout.timelineDivider());
        BorderPane root = new BorderPane(screen);
        root.setTop(menuBar());
        stage.getScene().setRoot(root);
        screen.requestFocus();
        session.readOnlyReason().ifPresent(reason -> ErrorDialogs.show(stage,
                "This project is open read-only: you can review, but decisions cannot be saved.",
                new IllegalStateException(reason)));
        session.projectSettingsProblem().ifPresent(problem -> ErrorDialogs.show(stage,
                "The project's project.json could not be used: the project opens as last imported, with the"
                        + " default score thresholds, until it is fixed.", new IllegalStateException(problem)));
        if (!keys.problems().isEmpty()) {
            ErrorDialogs.show(stage, "Some keys in your preferences could not be used; their defaults apply.",
                    new IllegalArgumentException(String.join("\n", keys.problems())));
        }
        updatePreferences(preferences.withRecentProject(currentProject.toString()));
        // Scoring starts once the first frame is on screen, so it never competes with the window coming up.
        Project project = opened.project();
        if (screen.viewer().firstFrameShownProperty().get()) {
            firstFrameShown(model, project);
        } else {
            screen.viewer().firstFrameShownProperty().addListener((obs, was, shown) -> {
                if (shown) {
                    firstFrameShown(model, project);
                }
            });
        }
    }

    private void firstFrameShown(ReviewViewModel model, Project project) {
        if (Boolean.getBoolean(STARTUP_CHECK)) {
            reportStartupAndExit();
            return;
        }
        model.startScoring();
        checkMediaOnDisk(project);
    }

    /** Offers File ▸ Rescan media when the project's folders changed since the last import (background check). */
    private void checkMediaOnDisk(Project project) {
        if (session == null || session.readOnlyReason().isPresent()) {
            return; // a rescan could not be recorded
        }
        MediaChangeOffer.checkAndOffer(stage, project, () -> project.root().equals(currentProject),
                () -> updateMedia(null));
    }

    /**
     * {@code -Donmodel.startupCheck=true}: prints how long the start took, from the JVM's start to the first frame
     * painted, and closes the window, so the start of the real launcher can be measured (WorkstationBenchmark
     * coldstart) and checked on a user's machine.
     */
    static final String STARTUP_CHECK = "onmodel.startupCheck";

    private void reportStartupAndExit() {
        // The frame is in the scene graph; it is laid out in the next pulse and rendered right after. Two pulses on,
        // that rendering has normally finished: the figure may be early by part of one repaint (a few ms), never
        // by a pulse.
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                // CPU time says what the start costs whatever else the machine is doing (wall time does not).
                long cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
                long fxCpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                System.out.println("onmodel: first frame painted " + (System.currentTimeMillis() - started)
                        + " ms after the JVM started; CPU time " + cpu / 1_000_000 + " ms, of it on the FX thread "
                        + fxCpu / 1_000_000 + " ms");
                System.out.flush();
                stage.close();
                Platform.exit();
            }
        }.start();
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        MenuItem open = new MenuItem("Open project\u2026");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open an OnModel project folder");
            File chosen = chooser.showDialog(stage);
            if (chosen != null) {
                openProject(chosen.toPath());
            }
        });
        Menu recent = new Menu("Open recent");
        recent.setId("recentMenu");
        for (String path : preferences.recentProjects()) {
            MenuItem item = new MenuItem(path);
            item.setOnAction(e -> openProject(Path.of(path)));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
        MenuItem export = new MenuItem("Export\u2026");
        export.setId("exportMenuItem");
        export.setAccelerator(MenuKey.EXPORT.combination());
        export.setOnAction(e -> new ExportDialog(stage, screen.model().project()).show());
        MenuItem rescan = new MenuItem("Rescan media");
        rescan.setId("rescanMenuItem");
        rescan.setOnAction(e -> updateMedia(null));
        MenuItem relink = new MenuItem("Relink moved media\u2026");
        relink.setId("relinkMenuItem");
        relink.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("The folder that now holds the project's shots/ and characters/");
            File chosen = chooser.showDialog(stage);
            if (chosen != null) {
                updateMedia(chosen.toPath());
            }
        });
        MenuItem restore = new MenuItem("Restore review database\u2026");
        restore.setId("restoreMenuItem");
        restore.setOnAction(e -> restoreDatabase());
        MenuItem prefs = new MenuItem("Preferences\u2026");
        prefs.setOnAction(e -> new PreferencesDialog(stage, preferences).ask().ifPresent(this::applyPreferences));
        MenuItem quit = new MenuItem("Quit");
        quit.setId("quitMenuItem");
        quit.setAccelerator(MenuKey.QUIT.combination());
        quit.setOnAction(e -> stage.close());
        file.getItems().addAll(open, recent, new SeparatorMenuItem(), rescan, relink, new SeparatorMenuItem(), export,
                restore, new SeparatorMenuItem(), prefs, new SeparatorMenuItem(), quit);
        Menu sessionMenu = new Menu("Session");
        MenuItem change = new MenuItem("Change reviewer or pass\u2026");
        change.setOnAction(e -> new ReviewerDialog(stage, preferences).ask().ifPresent(chosen -> {
            updatePreferences(chosen);
            openProject(currentProject);
        }));
        MenuItem closePass = new MenuItem("Close pass \u201c" + session.pass() + "\u201d");
        closePass.setOnAction(e -> session.closePass(session.pass()).whenComplete((info, error) ->
                Platform.runLater(() -> {
                    if (error != null) {
                        ErrorDialogs.show(stage, "The pass could not be closed.", error);
                    } else {
                        ErrorDialogs.inform(stage, "Pass \u201c" + info.name() + "\u201d is closed.",
                                "It refuses new decisions until someone opens it again (Session \u25b8 Change"
                                        + " reviewer or pass, with the same pass name).");
                    }
                })));
        Menu passes = new Menu("Passes");
        for (var info : session.passes()) {
            MenuItem item = new MenuItem(info.name() + (info.isOpen() ? "   (open)" : "   (closed)"));
            item.setOnAction(e -> {
                updatePreferences(preferences.withPass(info.name()));
                openProject(currentProject);
            });
            passes.getItems().add(item);
        }
        passes.setDisable(passes.getItems().isEmpty());
        sessionMenu.getItems().addAll(change, passes, new SeparatorMenuItem(), closePass);
        MenuBar bar = new MenuBar(file);
        bar.getMenus().addAll(screen.menus());
        bar.getMenus().add(bar.getMenus().size() - 1, sessionMenu);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void applyPreferences(Preferences chosen) {
        boolean identityChanged = !chosen.reviewer().equals(preferences.reviewer())
                || !chosen.role().equals(preferences.role()) || !chosen.pass().equals(preferences.pass());
        updatePreferences(chosen);
        if (identityChanged) {
            openProject(currentProject);
            return;
        }
        int[] bands = chosen.bandsFor(session.projectThresholds());
        screen.model().checkBelowProperty().set(bands[0]);
        screen.model().offModelBelowProperty().set(bands[1]);
        KeyMap keys = new KeyMap(chosen.keys());
        screen.setKeys(keys);
        ((BorderPane) stage.getScene().getRoot()).setTop(menuBar());
        if (!keys.problems().isEmpty()) {
            ErrorDialogs.show(stage, "Some keys could not be used; their defaults apply.",
                    new IllegalArgumentException(String.join("\n", keys.problems())));
        }
    }

    /** Keeps the new preferences and writes them on the settings thread (never the FX thread). */
    private void updatePreferences(Preferences next) {
        preferences = next;
        settingsWriter.submit(() -> {
            try {
                preferencesStore.save(next);
            } catch (IOException e) {
                Platform.runLater(() -> ErrorDialogs.show(stage,
                        "Your preferences could not be saved; this session continues with them.", e));
            }
        });
    }

    // ---- drag and drop -----------------------------------------------------------------------------------------

    private void onDragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && event.getDragboard().getFiles().size() == 1
                && event.getDragboard().getFiles().get(0).isDirectory()) {
            event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        event.consume();
    }

    private void onDragDropped(DragEvent event) {
        File dropped = event.getDragboard().getFiles().get(0);
        Path folder = dropped.toPath();
        // A dropped shots/ (or characters/) folder opens the project it belongs to.
        if (!ProjectLayout.looksLikeProject(folder) && folder.getParent() != null
                && ProjectLayout.looksLikeProject(folder.getParent())) {
            folder = folder.getParent();
        }
        if (ProjectLayout.looksLikeProject(folder)) {
            openProject(folder);
            event.setDropCompleted(true);
        } else {
            // Not a project: say what the folder holds (sequences, movies, problems) and where it must go.
            Path scanned = folder;
            Task<ImportReport> scan = new Task<>() {
                @Override
                protected ImportReport call() throws IOException {
                    return MediaImporter.scanFolder(scanned, ImportOptions.metadataOnly());
                }
            };
            BackgroundTasks.start(scan, report -> showScan(scanned, report), error -> ErrorDialogs.show(stage,
                    "The dropped folder could not be read.", error));
            event.setDropCompleted(true);
        }
        event.consume();
    }

    private void showScan(Path folder, ImportReport report) {
        StringBuilder text = new StringBuilder();
        report.media().forEach(m -> text.append(m.name()).append(": ").append(m.description()).append('\n'));
        report.problems().forEach(p -> text.append("problem: ").append(p).append('\n'));
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Dropped folder");
        alert.setHeaderText(folder.getFileName() + " is not an OnModel project: it holds " + report.media().size()
                + " sequence(s) or movie(s), " + report.frames() + " frames" + (report.hasProblems()
                ? ", " + report.problems().size() + " problem(s)" : "") + ".");
        alert.setContentText("To review them, place each under PROJECT/shots/<shot>/<variant>/ and open the project"
                + " (or drop the project folder here).");
        javafx.scene.control.TextArea details = new javafx.scene.control.TextArea(text.toString());
        details.setEditable(false);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }

    /**
     * File ▸ Rescan media ({@code newMediaRoot} null) or File ▸ Relink moved media: stops scoring, runs the import in
     * the background with a progress window, then reopens the project so the window shows the new structure. A
     * refused relink (none of the frames is in the chosen folder) changes nothing and says why.
     */
    void updateMedia(Path newMediaRoot) {
        updateMedia(newMediaRoot, report -> ErrorDialogs.inform(stage,
                newMediaRoot == null ? "Media rescanned." : "Media relinked.", MediaUpdate.summary(report)));
    }

    private void updateMedia(Path newMediaRoot, java.util.function.Consumer<ImportReport> done) {
        Path root = currentProject;
        if (root == null) {
            return;
        }
        if (screen != null) {
            screen.model().cancelScoring(); // it would write scores of a structure about to change
        }
        Task<ImportReport> task = MediaUpdate.task(root, newMediaRoot);
        MediaUpdate.progressWindow(stage, task);
        BackgroundTasks.start(task, report -> {
            done.accept(report);
            openProject(root);
        }, error -> ErrorDialogs.show(stage, newMediaRoot == null
                ? "The media could not be rescanned; the project is unchanged."
                : "The media could not be relinked; the project is unchanged.", error));
    }

    /**
     * Review ▸ Set shot cast: writes the cast into project.json in the background, then rescans, which records the
     * cast in the store and reopens the project; the scoring that starts then scores the shot against its new cast
     * (its stored scores no longer stand). A cast that cannot be written changes nothing and says why.
     */
    private void changeCast(Project project, String shot, List<String> cast) {
        Task<Void> write = new Task<>() {
            @Override
            protected Void call() throws IOException {
                ProjectCasts.setCast(project, shot, cast);
                return null;
            }
        };
        BackgroundTasks.start(write, nothing -> updateMedia(null, report -> { }),
                error -> ErrorDialogs.show(stage, "The cast of " + shot + " could not be saved; project.json is"
                        + " unchanged.", error));
    }

    /**
     * File ▸ Restore review database: pick a rolling backup (the newest good one first), close this project's
     * session so its store lets go of the database, put the backup in place in the background, reopen.
     */
    private void restoreDatabase() {
        Path root = currentProject;
        if (root == null) {
            return;
        }
        List<StoreBackups.Backup> backups = DatabaseRestore.backups(root);
        if (backups.isEmpty()) {
            ErrorDialogs.inform(stage, "This project has no backups yet.",
                    "OnModel takes one each time a project with new decisions is closed, and before any migration.");
            return;
        }
        StoreBackups.Backup first = DatabaseRestore.suggested(root).orElse(backups.get(0));
        java.util.Map<String, StoreBackups.Backup> byLabel = new java.util.LinkedHashMap<>();
        backups.forEach(b -> byLabel.put(DatabaseRestore.describe(b), b));
        javafx.scene.control.ChoiceDialog<String> choice =
                new javafx.scene.control.ChoiceDialog<>(DatabaseRestore.describe(first), byLabel.keySet());
        choice.initOwner(stage);
        choice.setTitle("Restore review database");
        choice.setHeaderText("Replace this project's decisions with a backup? The current database is kept beside it.");
        choice.setContentText("Backup");
        choice.showAndWait().map(byLabel::get).ifPresent(backup -> {
            ReviewSession closing = session;
            session = null;
            Task<String> task = new Task<>() {
                @Override
                protected String call() throws Exception {
                    updateMessage("Restoring the review database\u2026");
                    if (closing != null) {
                        closing.close();
                    }
                    return DatabaseRestore.restore(root, backup);
                }
            };
            stage.getScene().setRoot(progressView(task));
            BackgroundTasks.start(task, sentence -> {
                ErrorDialogs.inform(stage, "Review database restored.", sentence);
                openProject(root);
            }, error -> {
                ErrorDialogs.show(stage, "The backup could not be restored; the project is unchanged.", error);
                openProject(root);
            });
        });
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    private static Task<Void> closing(ReviewSession session) {
        return new Task<>() {
            @Override
            protected Void call() {
                session.close();
                return null;
            }
        };
    }

    private static VBox progressView(Task<?> task) {
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(420);
        bar.progressProperty().bind(task.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> {
            task.cancel();
            Platform.exit();
        });
        VBox box = new VBox(14, message, bar, cancel);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("progress-view");
        return box;
    }

    @Override
    public void stop() throws InterruptedException {
        if (screen != null) {
            double[] dividers = screen.dividerPositions();
            updatePreferences(preferences.withWindow(new WindowLayout(stage.getX(), stage.getY(),
                    stage.getScene().getWidth(), stage.getScene().getHeight(), stage.isMaximized(), dividers[0],
                    dividers[1], dividers[2])));
            screen.model().dispose();
        }
        ReviewSession open = session;
        if (open != null) {
            settingsWriter.submit(open::close);
        }
        settingsWriter.shutdown();
        // Waits for the preference write and the store's pending commits; the FX thread itself does no I/O.
        settingsWriter.awaitTermination(10, TimeUnit.SECONDS);
        if (cache != null) {
            cache.shutdown();
        }
        if (differences != null) {
            differences.shutdown();
        }
    }

}
