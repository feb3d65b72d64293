package dev.onmodel.app.ui.review;

import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The review screen: shots in cut order and the selected shot's variants on the left, the frame in the middle,
 * the approved sheets on the right, frame counter and timecode below.
 */
public final class ReviewScreen extends BorderPane {

    private final ReviewViewModel model;
    private final ViewerPane viewer;

    public ReviewScreen(ReviewViewModel model, FrameImageCache cache) {
        this.model = model;
        getStyleClass().add("review-screen");
        viewer = new ViewerPane(model, cache);
        SplitPane split = new SplitPane(buildNavigator(), viewer, new CharacterPanel(model, cache));
        split.setDividerPositions(0.16, 0.80);
        setCenter(split);
        setBottom(buildStatusBar());
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

    private Region buildNavigator() {
        Label shotsHeading = new Label("Shots");
        shotsHeading.getStyleClass().add("panel-heading");
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

        Label variantsHeading = new Label("Variants");
        variantsHeading.getStyleClass().add("panel-heading");
        ListView<Variant> variants = new ListView<>();
        variants.setId("variantList");
        variants.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Variant variant, boolean empty) {
                super.updateItem(variant, empty);
                setText(empty || variant == null ? null : variant.name() + "   " + variant.media().range());
            }
        });
        Runnable fillVariants = () -> {
            Shot shot = model.selectedShotProperty().get();
            variants.getItems().setAll(shot == null ? java.util.List.of() : shot.variants());
            variants.getSelectionModel().select(model.selectedVariantProperty().get());
        };
        model.selectedShotProperty().addListener((obs, old, shot) -> fillVariants.run());
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

        VBox navigator = new VBox(6, shotsHeading, shots, new Separator(Orientation.HORIZONTAL), variantsHeading, variants);
        VBox.setVgrow(shots, Priority.ALWAYS);
        VBox.setVgrow(variants, Priority.SOMETIMES);
        navigator.setPadding(new Insets(8));
        navigator.setMinWidth(170);
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
        Label media = new Label();
        media.setId("mediaDescription");
        media.getStyleClass().add("media-description");
        Runnable describe = () -> {
            Variant v = model.selectedVariantProperty().get();
            media.setText(v == null ? "" : v.qualifiedName() + "  \u00b7  " + v.media().describe());
        };
        model.selectedVariantProperty().addListener((obs, old, v) -> describe.run());
        describe.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("\u2190/\u2192 step  \u00b7  Shift \u00b110  \u00b7  \u2191/\u2193 variant  \u00b7  PgUp/PgDn shot");
        hint.getStyleClass().add("key-hint");
        HBox bar = new HBox(18, frame, timecode, media, spacer, hint);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof javafx.scene.control.TextInputControl || getScene().getRoot() != this) {
            return;
        }
        KeyCode code = event.getCode();
        int stride = event.isShiftDown() ? 10 : 1;
        switch (code) {
            case RIGHT -> model.step(stride);
            case LEFT -> model.step(-stride);
            case HOME -> model.goToFirstFrame();
            case END -> model.goToLastFrame();
            case UP -> model.cycleVariant(-1);
            case DOWN -> model.cycleVariant(1);
            case PAGE_UP -> model.cycleShot(-1);
            case PAGE_DOWN -> model.cycleShot(1);
            default -> {
                return;
            }
        }
        event.consume();
    }
}
