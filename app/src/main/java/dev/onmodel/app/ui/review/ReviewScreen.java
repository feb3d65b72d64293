package dev.onmodel.app.ui.review;

import dev.onmodel.app.ui.images.DifferenceImages;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.keys.KeyMap;
import dev.onmodel.app.ui.keys.ReviewAction;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The review screen: navigator (shots in cut order, variants) on the left, the viewer in the middle, the character
 * panel and notes/history on the right, the timeline across the bottom, a compare/pass toolbar on top and a status
 * bar with frame, timecode, save state, dropped frames and scoring progress. Every {@link ReviewAction} runs from its
 * key (scene-wide, except while typing) and from the menus {@link #menus()} builds.
 */
public final class ReviewScreen extends BorderPane {

    private final ReviewViewModel model;
    private final ViewerPane viewer;
    private final TimelineView timeline;
    private final SplitPane mainSplit;
    private final SplitPane verticalSplit;
    private KeyMap keys;
    private Consumer<ReviewAction> afterAction = a -> { };
    private BiConsumer<Shot, List<String>> castChosen = (shot, cast) -> { };
    private final AnimationTimer playback;

    public ReviewScreen(ReviewViewModel model, FrameImageCache cache, DifferenceImages differences, KeyMap keys) {
        this.model = model;
        this.keys = keys;
        getStyleClass().add("review-screen");
        viewer = new ViewerPane(model, cache, differences);
        timeline = new TimelineView(model);
        CharacterPanel characters = new CharacterPanel(model, cache);
        characters.setOnSetCast(() -> run(ReviewAction.SET_CAST));
        TabPane side = new TabPane(new Tab("Character", characters),
                new Tab("Notes & history", new HistoryPanel(model)));
        side.setId("sidePanel");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(200);
        side.setFocusTraversable(false);
        mainSplit = new SplitPane(buildNavigator(), viewer, side);
        mainSplit.setDividerPositions(0.15, 0.78);
        verticalSplit = new SplitPane(mainSplit, timeline);
        verticalSplit.setOrientation(Orientation.VERTICAL);
        verticalSplit.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(timeline, false);
        setTop(buildToolbar());
        setCenter(verticalSplit);
        setBottom(buildStatusBar());
        playback = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long before = model.currentFrameProperty().get();
                long skipped = model.playbackTick(now);
                boolean moved = model.currentFrameProperty().get() != before;
                model.countDroppedFrames(skipped + (moved && !viewer.lastShowImmediate() ? 1 : 0));
            }
        };
        model.playingProperty().addListener((obs, was, playing) -> {
            if (playing) {
                playback.start();
            } else {
                playback.stop();
            }
        });
        // Keys work wherever focus is in the window (lists, buttons), except while typing text.
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
            }
        });
    }

    public ViewerPane viewer() {
        return viewer;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public ReviewViewModel model() {
        return model;
    }

    /** Divider positions: navigator|viewer, viewer|panels, upper|timeline (for the remembered layout). */
    public double[] dividerPositions() {
        double[] main = mainSplit.getDividerPositions();
        return new double[] {main[0], main[1], verticalSplit.getDividerPositions()[0]};
    }

    public void setDividerPositions(double navigator, double panels, double timelineDivider) {
        mainSplit.setDividerPositions(navigator, panels);
        verticalSplit.setDividerPositions(timelineDivider);
    }

    /** New key bindings (preferences changed); menus must be rebuilt by the caller. */
    public void setKeys(KeyMap keys) {
        this.keys = keys;
    }

    /** Called after each action ran (the app refreshes undo menu states, benchmarks time key handling). */
    public void setAfterAction(Consumer<ReviewAction> listener) {
        afterAction = listener;
    }

    /** The review menus, one per {@link ReviewAction#menu()}, with the current keys shown as accelerators. */
    public List<Menu> menus() {
        Map<String, Menu> menus = new LinkedHashMap<>();
        for (ReviewAction action : ReviewAction.values()) {
            Menu menu = menus.computeIfAbsent(action.menu(), Menu::new);
            MenuItem item = new MenuItem(action.label());
            item.setId("menu-" + action.id());
            // The accelerator is shown for discoverability; the scene filter runs the key first and consumes it.
            item.setAccelerator(keys.keyOf(action));
            item.setOnAction(e -> run(action));
            menu.getItems().add(item);
        }
        return new ArrayList<>(menus.values());
    }

    /** Runs one action, as its key or menu item would. */
    public void run(ReviewAction action) {
        long now = System.nanoTime();
        switch (action) {
            case PLAY_PAUSE -> model.togglePlay(now);
            case STEP_BACK -> stepAndStop(-1);
            case STEP_FORWARD -> stepAndStop(1);
            case STEP_BACK_10 -> stepAndStop(-10);
            case STEP_FORWARD_10 -> stepAndStop(10);
            case SHUTTLE_BACK -> model.shuttle(-1, now);
            case SHUTTLE_STOP -> model.stop();
            case SHUTTLE_FORWARD -> model.shuttle(1, now);
            case FIRST_FRAME -> model.goToFirstFrame();
            case LAST_FRAME -> model.goToLastFrame();
            case MARK_IN -> model.markIn();
            case MARK_OUT -> model.markOut();
            case CLEAR_MARKS -> model.clearMarks();
            case APPROVE -> model.decide(Verdict.APPROVE);
            case REJECT -> model.decide(Verdict.REJECT);
            case REWORK -> model.decide(Verdict.REWORK);
            case NOTE -> askNote();
            case NEXT_FLAGGED -> model.nextFlagged();
            case PREVIOUS_FLAGGED -> model.previousFlagged();
            case UNDO -> model.undo();
            case REDO -> model.redo();
            case MARK_HERO -> model.markHero();
            case RETRY_UNSAVED -> model.retryUnsaved();
            case START_SCORING -> model.startScoring();
            case SET_CAST -> chooseCast();
            case PREVIOUS_VARIANT -> model.cycleVariant(-1);
            case NEXT_VARIANT -> model.cycleVariant(1);
            case PREVIOUS_SHOT -> model.cycleShot(-1);
            case NEXT_SHOT -> model.cycleShot(1);
            case VARIANT_1, VARIANT_2, VARIANT_3, VARIANT_4, VARIANT_5, VARIANT_6, VARIANT_7, VARIANT_8, VARIANT_9 ->
                    model.pickVariant(action.ordinal() - ReviewAction.VARIANT_1.ordinal() + 1);
            case FIT -> {
                viewer.fit();
                timeline.fit();
            }
            case ACTUAL_SIZE -> viewer.actualSize();
            case ZOOM_IN -> viewer.zoomBy(1.25);
            case ZOOM_OUT -> viewer.zoomBy(0.8);
            case TOGGLE_OVERLAYS -> model.overlaysVisibleProperty().set(!model.overlaysVisibleProperty().get());
            case TIMELINE_ZOOM_IN -> timeline.zoom(1.5);
            case TIMELINE_ZOOM_OUT -> timeline.zoom(1 / 1.5);
            case COMPARE_SINGLE -> model.compareModeProperty().set(CompareMode.SINGLE);
            case COMPARE_SHEET -> model.compareModeProperty().set(CompareMode.SIDE_BY_SIDE_SHEET);
            case COMPARE_VARIANTS -> model.compareModeProperty().set(CompareMode.SIDE_BY_SIDE_VARIANT);
            case COMPARE_WIPE -> model.compareModeProperty().set(CompareMode.WIPE);
            case COMPARE_DIFFERENCE -> model.compareModeProperty().set(CompareMode.DIFFERENCE);
            case COMPARE_ONION -> model.compareModeProperty().set(CompareMode.ONION_SKIN);
            case FLIP_AB -> model.flipAB();
            case CHEAT_SHEET -> new CheatSheet(getScene() == null ? null : getScene().getWindow(), keys).show();
        }
        afterAction.accept(action);
    }

    private void stepAndStop(int delta) {
        model.stop();
        model.step(delta);
    }

    /**
     * What is done with a cast chosen in the cast dialog: the app writes it into project.json and rescans, which
     * scores the shot again.
     */
    public void setOnCastChosen(BiConsumer<Shot, List<String>> action) {
        castChosen = action;
    }

    private void chooseCast() {
        Shot shot = model.selectedShotProperty().get();
        if (shot == null || model.project().characters().isEmpty()) {
            return;
        }
        List<String> characters = model.project().characters().stream().map(CharacterSheet::name).toList();
        new CastDialog(getScene() == null ? null : getScene().getWindow(), shot.name(), characters,
                model.castNames(shot), model.castSource()).ask()
                .ifPresent(cast -> castChosen.accept(shot, cast));
    }

    private void askNote() {
        Variant variant = model.selectedVariantProperty().get();
        if (variant == null) {
            return;
        }
        Decision current = model.currentDecisionProperty().get();
        String target = variant.qualifiedName() + " " + model.decisionTarget();
        new NoteDialog(getScene() == null ? null : getScene().getWindow(), target,
                current == null ? null : current.verdict()).ask()
                .ifPresent(result -> model.decide(result.verdict(), result.note()));
    }

    private void onKey(KeyEvent event) {
        Scene scene = getScene();
        if (event.getTarget() instanceof TextInputControl || scene == null || !isInScene(scene)) {
            return;
        }
        keys.actionFor(event).ifPresent(action -> {
            event.consume();
            run(action);
        });
    }

    private boolean isInScene(Scene scene) {
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (n == scene.getRoot()) {
                return true;
            }
        }
        return false;
    }

    // ---- building ----------------------------------------------------------------------------------------------

    private Region buildToolbar() {
        ChoiceBox<CompareMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(CompareMode.values()));
        mode.setId("compareMode");
        mode.valueProperty().bindBidirectional(model.compareModeProperty());
        ChoiceBox<Variant> compare = new ChoiceBox<>();
        compare.setId("compareVariant");
        compare.setMinWidth(96);
        compare.setConverter(new StringConverter<>() {
            @Override
            public String toString(Variant v) {
                return v == null ? "B: \u2014" : "B: " + v.name();
            }

            @Override
            public Variant fromString(String s) {
                return null;
            }
        });
        Runnable fillCompare = () -> {
            Shot shot = model.selectedShotProperty().get();
            compare.getItems().setAll(shot == null ? List.of() : shot.variants());
            compare.setValue(model.compareVariantProperty().get());
        };
        model.selectedShotProperty().addListener((obs, o, n) -> fillCompare.run());
        model.compareVariantProperty().addListener((obs, o, n) -> compare.setValue(n));
        compare.valueProperty().addListener((obs, o, n) -> {
            if (n != null && n != model.compareVariantProperty().get()) {
                model.compareVariantProperty().set(n);
            }
        });
        fillCompare.run();
        Slider gain = new Slider(1, 16, model.differenceGainProperty().get());
        gain.setId("differenceGain");
        gain.setPrefWidth(90);
        gain.valueProperty().bindBidirectional(model.differenceGainProperty());
        gain.setTooltip(new Tooltip("Difference gain"));
        Label gainLabel = new Label("gain");
        gainLabel.getStyleClass().add("toolbar-caption");
        HBox gainBox = new HBox(4, gainLabel, gain);
        gainBox.setAlignment(Pos.CENTER_LEFT);
        gainBox.visibleProperty().bind(model.compareModeProperty().isEqualTo(CompareMode.DIFFERENCE));
        gainBox.managedProperty().bind(gainBox.visibleProperty());

        ChoiceBox<PassFilter> filter = new ChoiceBox<>(FXCollections.observableArrayList(PassFilter.values()));
        filter.setId("passFilter");
        filter.valueProperty().bindBidirectional(model.passFilterProperty());
        ChoiceBox<Role> role = new ChoiceBox<>(FXCollections.observableArrayList(Role.values()));
        role.setId("filterRole");
        role.valueProperty().bindBidirectional(model.filterRoleProperty());
        role.visibleProperty().bind(model.passFilterProperty().isEqualTo(PassFilter.DECIDED_BY_ROLE));
        role.managedProperty().bind(role.visibleProperty());

        Button score = new Button("Score consistency");
        score.setId("scoreButton");
        score.setOnAction(e -> run(ReviewAction.START_SCORING));
        score.disableProperty().bind(model.scoringProperty().or(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.session().canScore())));
        Button hero = new Button("\u2605 Mark hero");
        hero.setId("heroButton");
        hero.setOnAction(e -> run(ReviewAction.MARK_HERO));
        Label heroLabel = new Label();
        heroLabel.setId("heroLabel");
        heroLabel.getStyleClass().add("toolbar-caption");
        model.heroOfShotProperty().addListener((obs, o, mark) -> heroLabel.setText(mark == null ? ""
                : "hero " + mark.variant() + " " + mark.approved()));
        Label reviewer = new Label(model.session().reviewer().describe() + " \u00b7 " + model.session().pass());
        reviewer.setId("reviewerLabel");
        reviewer.getStyleClass().add("reviewer-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (var control : new javafx.scene.Node[] {mode, compare, gain, filter, role, score, hero}) {
            control.setFocusTraversable(false);
        }
        HBox bar = new HBox(10, caption("COMPARE"), mode, compare, gainBox, new Separator(Orientation.VERTICAL),
                caption("PASS VIEW"), filter, role, new Separator(Orientation.VERTICAL), hero, heroLabel, score,
                spacer, reviewer);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("review-toolbar");
        return bar;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("panel-heading");
        return label;
    }

    private Region buildNavigator() {
        Label shotsHeading = caption("SHOTS");
        ListView<Shot> shots = new ListView<>(model.shots());
        shots.setId("shotList");
        shots.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Shot shot, boolean empty) {
                super.updateItem(shot, empty);
                setText(empty || shot == null ? null
                        : shot.name() + "   " + shot.variants().size() + " var \u00b7 " + shot.cutLength() + " fr");
            }
        });
        shots.getSelectionModel().select(model.selectedShotProperty().get());
        shots.getSelectionModel().selectedItemProperty().addListener((obs, old, shot) -> {
            if (shot != null) {
                model.selectedShotProperty().set(shot);
            }
        });
        model.selectedShotProperty().addListener((obs, old, shot) -> shots.getSelectionModel().select(shot));

        Label variantsHeading = caption("VARIANTS");
        ListView<Variant> variants = new ListView<>();
        variants.setId("variantList");
        variants.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Variant variant, boolean empty) {
                super.updateItem(variant, empty);
                if (empty || variant == null) {
                    setText(null);
                    return;
                }
                int number = list.getItems().indexOf(variant) + 1;
                var hero = model.heroOfShotProperty().get();
                boolean isHero = hero != null && hero.variant().equals(variant.name());
                setText(number + "  " + variant.name() + (isHero ? "  \u2605" : "") + "   " + variant.media().range());
            }
        });
        Runnable fillVariants = () -> {
            Shot shot = model.selectedShotProperty().get();
            variants.getItems().setAll(shot == null ? List.of() : shot.variants());
            variants.getSelectionModel().select(model.selectedVariantProperty().get());
        };
        model.selectedShotProperty().addListener((obs, old, shot) -> fillVariants.run());
        model.heroOfShotProperty().addListener((obs, old, h) -> variants.refresh());
        model.selectedVariantProperty().addListener((obs, old, v) -> variants.getSelectionModel().select(v));
        variants.getSelectionModel().selectedItemProperty().addListener((obs, old, v) -> {
            if (v != null) {
                model.selectedVariantProperty().set(v);
            }
        });
        fillVariants.run();
        // Arrow keys belong to the playhead, not to list navigation.
        shots.setFocusTraversable(false);
        variants.setFocusTraversable(false);

        VBox navigator = new VBox(6, shotsHeading, shots, new Separator(Orientation.HORIZONTAL), variantsHeading,
                variants);
        VBox.setVgrow(shots, Priority.ALWAYS);
        VBox.setVgrow(variants, Priority.SOMETIMES);
        navigator.setPadding(new Insets(8));
        navigator.setMinWidth(150);
        navigator.getStyleClass().add("navigator");
        return navigator;
    }

    private Region buildStatusBar() {
        Label frame = new Label();
        frame.setId("frameCounter");
        frame.textProperty().bind(model.frameCounterProperty());
        frame.getStyleClass().add("frame-counter");
        Label timecode = new Label();
        timecode.setId("timecode");
        timecode.textProperty().bind(model.timecodeProperty());
        timecode.getStyleClass().add("timecode");
        Label badge = new Label();
        badge.setId("decisionBadge");
        badge.getStyleClass().add("decision-badge");
        Runnable showBadge = () -> {
            Decision d = model.currentDecisionProperty().get();
            Verdict v = d == null ? null : d.verdict();
            badge.setText(v == null ? "\u25cb undecided" : DecisionColours.letter(v) + "  " + v.word());
            badge.setStyle("-fx-background-color: " + DecisionColours.hex(DecisionColours.of(v)) + ";"
                    + (v == null ? "" : "-fx-text-fill: #0d0f12;"));
        };
        model.currentDecisionProperty().addListener((obs, o, n) -> showBadge.run());
        showBadge.run();
        Label marks = new Label();
        marks.setId("marks");
        marks.getStyleClass().add("marks");
        Runnable showMarks = () -> {
            Long in = model.inPointProperty().get();
            Long out = model.outPointProperty().get();
            marks.setText(in == null && out == null ? "" : "in " + (in == null ? "\u2014" : in) + "  out "
                    + (out == null ? "\u2014" : out));
        };
        model.inPointProperty().addListener((obs, o, n) -> showMarks.run());
        model.outPointProperty().addListener((obs, o, n) -> showMarks.run());
        Label save = new Label();
        save.setId("saveStatus");
        save.getStyleClass().add("save-status");
        save.textProperty().bind(model.saveStatusProperty());
        model.lastWriteFailedProperty().addListener((obs, o, failed) -> {
            save.getStyleClass().remove("save-failed");
            if (failed) {
                save.getStyleClass().add("save-failed");
            }
        });
        Label dropped = new Label();
        dropped.setId("droppedFrames");
        dropped.getStyleClass().add("dropped-frames");
        dropped.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.playingProperty().get() || model.droppedFramesProperty().get() > 0
                        ? "dropped " + model.droppedFramesProperty().get() : "",
                model.droppedFramesProperty(), model.playingProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("scoringProgress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(model.scoringFractionProperty());
        // Shown and hidden, but always laid out: the status bar keeps its height when a job starts or ends, so the
        // viewer above is not resized (frames are cached at the size shown: those around the playhead were decoded
        // again and the window repainted while the job's start kept both cores busy, the longest pulse gaps).
        progress.visibleProperty().bind(model.scoringProperty());
        Label scoring = new Label();
        scoring.setId("scoringStatus");
        scoring.getStyleClass().add("key-hint");
        scoring.textProperty().bind(model.scoringStatusProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelScoring");
        cancel.getStyleClass().add("small");
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> model.cancelScoring());
        cancel.visibleProperty().bind(model.scoringProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("? keys");
        hint.getStyleClass().add("key-hint");
        HBox bar = new HBox(14, frame, timecode, badge, marks, save, spacer, dropped, scoring, progress, cancel, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(5, 12, 5, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
