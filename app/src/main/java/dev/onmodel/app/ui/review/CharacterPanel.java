package dev.onmodel.app.ui.review;

import dev.onmodel.app.session.FrameScore;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.SheetView;
import dev.onmodel.core.model.Shot;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The approved character sheets of the selected shot's cast, beside the frame, so the reviewer compares against
 * what was approved rather than memory. The view the engine matched best for the current frame is shown large at
 * the top and outlined among the others. Above them, the cast itself and where it comes from (set for the shot, or
 * proposed by the engine), with the button that sets it: a proposal that missed a character leaves that
 * character's frames unscored, so the reviewer must see it.
 */
public final class CharacterPanel extends ScrollPane {

    private static final double BEST_HEIGHT = 230;
    private static final double THUMB_HEIGHT = 96;

    private final ReviewViewModel model;
    private final FrameImageCache cache;
    private final VBox content = new VBox(10);
    private final ImageView bestImage = new ImageView();
    private final Label bestCaption = new Label();
    private final List<ViewTile> tiles = new ArrayList<>();
    private final Label castNames = new Label();
    private final Label castSource = new Label();
    private final Button setCast = new Button("Set cast\u2026");
    private String shownKey;

    private record ViewTile(String character, SheetView view, VBox box) {
    }

    public CharacterPanel(ReviewViewModel model, FrameImageCache cache) {
        this.model = model;
        this.cache = cache;
        setId("characterPanel");
        getStyleClass().add("character-panel");
        content.setPadding(new Insets(10));
        setContent(content);
        setFitToWidth(true);
        setMinWidth(180);
        bestImage.setPreserveRatio(true);
        bestImage.setFitHeight(BEST_HEIGHT);
        bestImage.setFitWidth(250);
        bestImage.setSmooth(true);
        bestCaption.setId("bestMatchCaption");
        bestCaption.getStyleClass().add("view-caption");
        bestCaption.setWrapText(true);
        castNames.setId("castNames");
        castNames.getStyleClass().add("character-name");
        castNames.setWrapText(true);
        castSource.setId("castSource");
        castSource.getStyleClass().add("view-caption");
        castSource.setWrapText(true);
        setCast.setId("setCastButton");
        model.selectedShotProperty().addListener((obs, old, shot) -> rebuild());
        model.castsVersionProperty().addListener((obs, old, version) -> rebuild());
        model.currentScoreProperty().addListener((obs, old, score) -> showBest());
        rebuild();
    }

    /** What Set cast… does (the screen opens the cast dialog). */
    public void setOnSetCast(Runnable action) {
        setCast.setOnAction(e -> action.run());
    }

    private void rebuild() {
        shownKey = null;
        content.getChildren().clear();
        tiles.clear();
        Label castHeading = new Label("SHOT CAST");
        castHeading.getStyleClass().add("panel-heading");
        Shot shot = model.selectedShotProperty().get();
        List<String> cast = shot == null ? List.of() : model.castNames(shot);
        castNames.setText(cast.isEmpty() ? "every character" : String.join(", ", cast));
        castSource.setText(model.castSource());
        setCast.setDisable(shot == null || model.project().characters().isEmpty());
        content.getChildren().addAll(castHeading, castNames, castSource, setCast);
        Label bestHeading = new Label("BEST-MATCHING SHEET VIEW");
        bestHeading.getStyleClass().add("panel-heading");
        VBox best = new VBox(4, bestImage, bestCaption);
        best.setAlignment(Pos.CENTER);
        best.getStyleClass().add("sheet-view-best");
        Label allHeading = new Label("APPROVED SHEETS");
        allHeading.getStyleClass().add("panel-heading");
        content.getChildren().addAll(bestHeading, best, allHeading);
        for (CharacterSheet character : model.castOfSelectedShot()) {
            Label name = new Label(character.name());
            name.getStyleClass().add("character-name");
            FlowPane views = new FlowPane(6, 6);
            for (SheetView view : character.views()) {
                ImageView image = new ImageView();
                image.setPreserveRatio(true);
                image.setFitHeight(THUMB_HEIGHT);
                image.setFitWidth(110);
                image.setSmooth(true);
                Label caption = new Label(view.name());
                caption.getStyleClass().add("view-caption");
                VBox box = new VBox(2, image, caption);
                box.setAlignment(Pos.CENTER);
                box.getStyleClass().add("sheet-view");
                views.getChildren().add(box);
                tiles.add(new ViewTile(character.name(), view, box));
                cache.loadInBackground(view.image(), 0, 0).whenComplete((img, error) ->
                        BackgroundTasks.onFxThread(() -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        caption.setText(view.name() + ": cannot show (" + cause.getMessage() + ")");
                    } else {
                        image.setImage(img);
                    }
                }));
            }
            content.getChildren().addAll(name, views);
        }
        showBest();
    }

    private void showBest() {
        FrameScore score = model.currentScoreProperty().get();
        SheetView best = score == null ? null : score.matchedView().orElse(null);
        String key = (best == null ? "" : best.image().toString()) + "|" + (score == null ? -1 : score.score());
        if (key.equals(shownKey)) {
            return; // same view and score as the previous frame: nothing to restyle
        }
        shownKey = key;
        String character = score == null ? null : score.character().orElse(null);
        if (best == null && !tiles.isEmpty()) {
            best = tiles.get(0).view();
            character = tiles.get(0).character();
            bestCaption.setText(character + " \u00b7 " + best.name() + "   (frame not scored yet)");
        } else if (best != null) {
            bestCaption.setText((character == null ? "" : character + " \u00b7 ") + best.name() + "   matched best, score "
                    + score.score());
        } else {
            bestCaption.setText("No approved sheets for this shot's cast");
        }
        for (ViewTile tile : tiles) {
            boolean isBest = best != null && tile.view().image().equals(best.image());
            tile.box().getStyleClass().remove("sheet-view-matched");
            if (isBest) {
                tile.box().getStyleClass().add("sheet-view-matched");
            }
        }
        if (best != null) {
            SheetView shown = best;
            var ready = cache.getIfReady(shown.image());
            if (ready != null) {
                bestImage.setImage(ready);
            } else {
                cache.loadInBackground(shown.image(), 0, 0).whenComplete((img, error) ->
                        BackgroundTasks.onFxThread(() -> {
                    if (error == null) {
                        bestImage.setImage(img);
                    }
                }));
            }
        } else {
            bestImage.setImage(null);
        }
    }
}
