package dev.onmodel.app.ui.review;

import dev.onmodel.app.ui.keys.KeyMap;
import dev.onmodel.app.ui.keys.MenuKey;
import dev.onmodel.app.ui.keys.ReviewAction;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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
            addRow(columns, action.menu(), keys.keyOf(action).getDisplayText(), action.label());
        }
        // The menus' own keys cannot be remapped, but a reviewer looking for Quit or Export looks here too.
        for (MenuKey menuKey : MenuKey.values()) {
            addRow(columns, menuKey.menu(), menuKey.combination().getDisplayText(), menuKey.item());
        }
        // Three columns of groups so the sheet fits a laptop screen without truncating a label.
        HBox box = new HBox(28);
        VBox[] stacks = {new VBox(18), new VBox(18), new VBox(18)};
        int index = 0;
        for (GridPane grid : columns.values()) {
            stacks[Math.min(2, index++ / 2)].getChildren().add(grid);
        }
        box.getChildren().addAll(stacks);
        box.setPadding(new Insets(12));
        box.setId("cheatSheet");
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        setResizable(true);
    }

    private static void addRow(Map<String, GridPane> columns, String menu, String keyText, String what) {
        GridPane grid = columns.computeIfAbsent(menu, heading -> {
            GridPane g = new GridPane();
            g.setHgap(12);
            g.setVgap(4);
            Label title = new Label(heading.toUpperCase());
            title.getStyleClass().add("panel-heading");
            g.add(title, 0, 0, 2, 1);
            return g;
        });
        int row = grid.getRowCount();
        Label key = new Label(keyText);
        key.getStyleClass().add("keycap");
        key.setMinWidth(Region.USE_PREF_SIZE);
        Label label = new Label(what);
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(key, 0, row);
        grid.add(label, 1, row);
    }
}
