package dev.onmodel.app.ui.review;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shift+C: which characters a shot is scored against. The engine proposes a cast from the best matches when the
 * project gives none; when that proposal is wrong (a character missed, or one that only looks alike), the reviewer
 * ticks the right ones here and the shot is scored again against exactly those. Ticking none hands the choice back
 * to the engine.
 */
final class CastDialog extends Dialog<List<String>> {

    CastDialog(Window owner, String shot, List<String> characters, List<String> current, String currentSource) {
        initOwner(owner);
        setTitle("Shot cast");
        setHeaderText("Characters expected in " + shot);
        Label explanation = new Label("Each ticked character is scored against its own approved sheets in every"
                + " frame of the shot. Tick none to let OnModel propose the cast from the best matches.\nNow: "
                + (current.isEmpty() ? "none" : String.join(", ", current)) + " (" + currentSource + ").");
        explanation.setWrapText(true);
        explanation.setMaxWidth(420);
        VBox ticks = new VBox(8);
        List<CheckBox> boxes = new ArrayList<>();
        for (String character : characters) {
            CheckBox tick = new CheckBox(character);
            tick.setId("cast-" + character);
            tick.setSelected(current.contains(character));
            boxes.add(tick);
            ticks.getChildren().add(tick);
        }
        // A show can have dozens of characters: the list scrolls instead of growing the dialog past the screen.
        ScrollPane list = new ScrollPane(ticks);
        list.setFitToWidth(true);
        list.setMaxHeight(360);
        list.setPrefViewportHeight(Math.min(360, 26.0 * characters.size()));
        VBox box = new VBox(10, explanation, list);
        box.setPadding(new Insets(12));
        getDialogPane().setContent(box);
        ButtonType save = new ButtonType("Save and score again", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        setResultConverter(button -> button == save
                ? boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList() : null);
    }

    Optional<List<String>> ask() {
        return showAndWait();
    }
}
