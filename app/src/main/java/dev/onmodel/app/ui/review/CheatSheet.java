package dev.onmodel.app.ui.review;

import dev.onmodel.app.ui.keys.KeyMap;
import dev.onmodel.app.ui.keys.ReviewAction;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ?}: every action and its key (as currently mapped), grouped by menu in columns. */
final class CheatSheet extends Dialog<Void> {

    CheatSheet(Window owner, KeyMap keys) {
        initOwner(owner);
        setTitle("Keyboard");
        setHeaderText("Keyboard cheat-sheet (remap keys in Preferences)");
        Map<String, GridPane> columns = new LinkedHashMap<>();
        for (ReviewAction action : ReviewAction.values()) {
            GridPane grid = columns.computeIfAbsent(action.menu(), menu -> {
                GridPane g = new GridPane();
                g.setHgap(12);
                g.setVgap(4);
                Label heading = new Label(menu.toUpperCase());
                heading.getStyleClass().add("panel-heading");
                g.add(heading, 0, 0, 2, 1);
                return g;
            });
            int row = grid.getRowCount();
            Label key = new Label(keys.keyOf(action).getDisplayText());
            key.getStyleClass().add("keycap");
            grid.add(key, 0, row);
            grid.add(new Label(action.label()), 1, row);
        }
        HBox box = new HBox(28);
        box.getChildren().addAll(columns.values());
        box.setPadding(new Insets(12));
        box.setId("cheatSheet");
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }
}
