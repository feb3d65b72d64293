package dev.onmodel.app.ui.review;

import dev.onmodel.core.model.Verdict;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * N: a note with a verdict on the frame or marked range. The verdict starts as the one in force (or reject, the
 * usual reason for a note); Enter records, Escape cancels.
 */
final class NoteDialog extends Dialog<NoteDialog.Result> {

    /** What the reviewer wrote and chose. */
    record Result(Verdict verdict, String note) {
    }

    NoteDialog(Window owner, String target, Verdict current) {
        initOwner(owner);
        setTitle("Note");
        setHeaderText("Note on " + target);
        TextField note = new TextField();
        note.setId("noteText");
        note.setPromptText("What is wrong, what to fix\u2026");
        note.setPrefColumnCount(40);
        ToggleGroup verdicts = new ToggleGroup();
        HBox choices = new HBox(14);
        for (Verdict verdict : Verdict.values()) {
            RadioButton button = new RadioButton(DecisionColours.letter(verdict) + "  " + verdict.word());
            button.setId("noteVerdict-" + verdict.word());
            button.setUserData(verdict);
            button.setToggleGroup(verdicts);
            button.setSelected(verdict == (current == null ? Verdict.REJECT : current));
            choices.getChildren().add(button);
        }
        VBox box = new VBox(10, new Label("Verdict"), choices, new Label("Note"), note);
        box.setPadding(new Insets(12));
        getDialogPane().setContent(box);
        ButtonType record = new ButtonType("Record", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(record, ButtonType.CANCEL);
        setResultConverter(button -> button == record
                ? new Result((Verdict) verdicts.getSelectedToggle().getUserData(), note.getText()) : null);
        setOnShown(e -> note.requestFocus());
    }

    Optional<Result> ask() {
        return showAndWait();
    }
}
