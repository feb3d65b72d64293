package dev.onmodel.app.ui.review;

import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.SheetView;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/**
 * The approved character sheets of the selected shot's cast, beside the frame, so the reviewer compares against
 * what was approved rather than memory.
 */
public final class CharacterPanel extends ScrollPane {

    private static final double VIEW_HEIGHT = 170;

    private final ReviewViewModel model;
    private final FrameImageCache cache;
    private final VBox content = new VBox(10);

    public CharacterPanel(ReviewViewModel model, FrameImageCache cache) {
        this.model = model;
        this.cache = cache;
        setId("characterPanel");
        getStyleClass().add("character-panel");
        content.setPadding(new Insets(10));
        setContent(content);
        setFitToWidth(true);
        setPrefWidth(260);
        setMinWidth(180);
        model.selectedShotProperty().addListener((obs, old, shot) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        content.getChildren().clear();
        Label heading = new Label("Approved sheets");
        heading.getStyleClass().add("panel-heading");
        content.getChildren().add(heading);
        for (CharacterSheet character : model.castOfSelectedShot()) {
            Label name = new Label(character.name());
            name.getStyleClass().add("character-name");
            content.getChildren().add(name);
            for (SheetView view : character.views()) {
                ImageView image = new ImageView();
                image.setPreserveRatio(true);
                image.setFitHeight(VIEW_HEIGHT);
                image.setFitWidth(220);
                image.setSmooth(true);
                Label caption = new Label(view.name());
                caption.getStyleClass().add("view-caption");
                VBox box = new VBox(2, image, caption);
                box.setAlignment(Pos.CENTER);
                box.getStyleClass().add("sheet-view");
                content.getChildren().add(box);
                cache.load(view.image()).whenComplete((img, error) -> BackgroundTasks.onFxThread(() -> {
                    if (error != null) {
                        caption.setText(view.name() + ": cannot show (" + error.getCause().getMessage() + ")");
                    } else {
                        image.setImage(img);
                    }
                }));
            }
        }
    }
}
