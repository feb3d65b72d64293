package dev.onmodel.app.ui.review;

import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.tasks.BackgroundTasks;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Shows the current frame, fitted to the pane. Decoding happens in {@link FrameImageCache}; the pane only swaps
 * images on the FX thread, keeping the previous frame on screen until the next one is ready (no black frame).
 */
public final class ViewerPane extends StackPane {

    private static final int PREFETCH_AHEAD = 8;
    private static final int PREFETCH_BEHIND = 3;

    private final ReviewViewModel model;
    private final FrameImageCache cache;
    private final ImageView imageView = new ImageView();
    private final Label message = new Label();
    private Path shownFile;

    public ViewerPane(ReviewViewModel model, FrameImageCache cache) {
        this.model = model;
        this.cache = cache;
        getStyleClass().add("viewer");
        setId("viewer");
        imageView.setId("viewerImage");
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        imageView.fitWidthProperty().bind(widthProperty().subtract(16));
        imageView.fitHeightProperty().bind(heightProperty().subtract(16));
        setMinSize(200, 120);
        message.getStyleClass().add("viewer-message");
        message.setId("viewerMessage");
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        StackPane.setAlignment(message, Pos.BOTTOM_CENTER);
        getChildren().addAll(imageView, message);
        model.currentFrameProperty().addListener((obs, old, frame) -> refresh());
        model.selectionVersionProperty().addListener((obs, old, version) -> refresh());
        refresh();
    }

    /** The file whose image is on screen now (for tests and overlays). */
    public Path shownFile() {
        return shownFile;
    }

    private void refresh() {
        long frame = model.currentFrameProperty().get();
        Optional<Path> file = model.currentFrameFile();
        if (file.isEmpty()) {
            message.setText(model.selectedVariantProperty().get() == null ? "No variant selected"
                    : "Frame " + frame + " is missing on disk");
            imageView.setImage(null);
            shownFile = null;
            return;
        }
        Path wanted = file.get();
        Image ready = cache.getIfReady(wanted);
        if (ready != null) {
            show(wanted, ready);
        } else {
            cache.load(wanted).whenComplete((image, error) -> BackgroundTasks.onFxThread(() -> {
                if (!wanted.equals(model.currentFrameFile().orElse(null))) {
                    return; // the playhead moved on while decoding
                }
                if (error != null) {
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    message.setText(cause.getMessage());
                    imageView.setImage(null);
                    shownFile = null;
                } else {
                    show(wanted, image);
                }
            }));
        }
        prefetchAround(frame);
    }

    private void show(Path file, Image image) {
        imageView.setImage(image);
        shownFile = file;
        message.setText("");
    }

    private void prefetchAround(long frame) {
        for (int i = 1; i <= PREFETCH_AHEAD; i++) {
            model.frameFile(frame + i).ifPresent(cache::prefetch);
        }
        for (int i = 1; i <= PREFETCH_BEHIND; i++) {
            model.frameFile(frame - i).ifPresent(cache::prefetch);
        }
    }
}
