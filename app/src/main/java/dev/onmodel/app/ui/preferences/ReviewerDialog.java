package dev.onmodel.app.ui.preferences;

import dev.onmodel.app.settings.Preferences;
import dev.onmodel.core.model.Role;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;

/** Who reviews: asked at first start (and from Session ▸ Change reviewer), then remembered in the preferences. */
public final class ReviewerDialog extends Dialog<Preferences> {

    /** Roles as people write them: "director", not "DIRECTOR". */
    static final javafx.util.StringConverter<Role> ROLE_NAMES = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Role role) {
            return role == null ? "" : role.word();
        }

        @Override
        public Role fromString(String text) {
            return Role.parse(text);
        }
    };

    public ReviewerDialog(Window owner, Preferences current) {
        initOwner(owner);
        setTitle("Reviewer");
        setHeaderText("Who is reviewing? Every decision records your name, role and pass.");
        TextField name = new TextField(current.reviewer());
        name.setId("reviewerName");
        name.setPromptText("Your name");
        ChoiceBox<Role> role = new ChoiceBox<>(FXCollections.observableArrayList(Role.values()));
        role.setId("reviewerRole");
        role.setConverter(ReviewerDialog.ROLE_NAMES);
        role.setValue(parseRole(current.role()));
        TextField pass = new TextField(current.pass());
        pass.setId("reviewerPass");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Role"), role);
        grid.addRow(2, new Label("Review pass"), pass);
        getDialogPane().setContent(grid);
        ButtonType start = new ButtonType("Start reviewing", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        Node startButton = getDialogPane().lookupButton(start);
        startButton.disableProperty().bind(name.textProperty().isEmpty().or(pass.textProperty().isEmpty()));
        setResultConverter(button -> button == start
                ? current.withReviewer(name.getText(), role.getValue().word()).withPass(pass.getText().strip())
                : null);
        setOnShown(e -> name.requestFocus());
    }

    public Optional<Preferences> ask() {
        return showAndWait();
    }

    static Role parseRole(String word) {
        try {
            return Role.parse(word);
        } catch (IllegalArgumentException e) {
            return Role.ANIMATOR;
        }
    }
}
