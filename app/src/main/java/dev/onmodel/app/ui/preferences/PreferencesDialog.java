package dev.onmodel.app.ui.preferences;

import dev.onmodel.app.settings.Preferences;
import dev.onmodel.app.ui.keys.KeyMap;
import dev.onmodel.app.ui.keys.ReviewAction;
import dev.onmodel.core.model.Role;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Preferences: reviewer, role and pass; score thresholds; frame-cache size; keys (one field per action, written as
 * {@code A}, {@code Shift+Right}, {@code Shortcut+Z}). Keys that cannot be read are reported after saving and keep
 * their default.
 */
public final class PreferencesDialog extends Dialog<Preferences> {

    public PreferencesDialog(Window owner, Preferences current) {
        initOwner(owner);
        setTitle("Preferences");
        setHeaderText(null);
        TextField name = new TextField(current.reviewer());
        name.setId("prefReviewer");
        ChoiceBox<Role> role = new ChoiceBox<>(FXCollections.observableArrayList(Role.values()));
        role.setConverter(ReviewerDialog.ROLE_NAMES);
        role.setValue(ReviewerDialog.parseRole(current.role()));
        TextField pass = new TextField(current.pass());
        Spinner<Integer> check = new Spinner<>(1, 100, current.checkBelow());
        check.setId("prefCheckBelow");
        check.setEditable(true);
        Spinner<Integer> off = new Spinner<>(0, 100, current.offModelBelow());
        off.setEditable(true);
        Spinner<Integer> cache = new Spinner<>(64, 65536, current.frameCacheMegabytes(), 256);
        cache.setId("prefCacheSize");
        cache.setEditable(true);
        GridPane general = grid();
        general.addRow(0, new Label("Reviewer"), name);
        general.addRow(1, new Label("Role"), role);
        general.addRow(2, new Label("Review pass"), pass);
        general.addRow(3, new Label("Flag (check) below score"), check);
        general.addRow(4, new Label("Off-model below score"), off);
        Label projectWins = new Label("A project whose project.json sets \"thresholds\" uses its own.");
        projectWins.getStyleClass().add("view-caption");
        general.add(projectWins, 1, 5);
        general.addRow(6, new Label("Frame cache (MB, applies on next start)"), cache);

        KeyMap keys = new KeyMap(current.keys());
        Map<ReviewAction, TextField> keyFields = new EnumMap<>(ReviewAction.class);
        GridPane keyGrid = grid();
        int row = 0;
        for (ReviewAction action : ReviewAction.values()) {
            TextField field = new TextField(keys.keyOf(action).getName());
            field.setPrefColumnCount(14);
            field.setId("key-" + action.id());
            keyFields.put(action, field);
            Label label = new Label(action.menu() + " \u25b8 " + action.label());
            keyGrid.addRow(row++, label, field);
        }
        ScrollPane keyScroll = new ScrollPane(keyGrid);
        keyScroll.setFitToWidth(true);
        keyScroll.setPrefViewportHeight(420);
        TabPane tabs = new TabPane(new Tab("General", general), new Tab("Keys", keyScroll));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefWidth(560);
        getDialogPane().setContent(tabs);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            Map<String, String> overrides = new LinkedHashMap<>();
            keyFields.forEach((action, field) -> {
                String text = field.getText().strip();
                if (!text.isEmpty() && !text.equalsIgnoreCase(action.defaultKey())) {
                    overrides.put(action.id(), text);
                }
            });
            return current.withReviewer(name.getText().isBlank() ? current.reviewer() : name.getText(),
                            role.getValue().word())
                    .withPass(pass.getText().isBlank() ? current.pass() : pass.getText().strip())
                    .withThresholds(check.getValue(), off.getValue())
                    .withFrameCacheMegabytes(cache.getValue())
                    .withKeys(overrides);
        });
    }

    public Optional<Preferences> ask() {
        return showAndWait();
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        return grid;
    }
}
