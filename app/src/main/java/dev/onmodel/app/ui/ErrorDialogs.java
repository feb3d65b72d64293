package dev.onmodel.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Errors shown the same way everywhere: one plain sentence, the cause, and the details on demand. */
public final class ErrorDialogs {

    private ErrorDialogs() {
    }

    public static void show(Window owner, String sentence, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("OnModel");
        alert.setHeaderText(sentence);
        alert.setContentText(error == null || error.getMessage() == null ? "" : error.getMessage());
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            details.setWrapText(false);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.showAndWait();
    }
}
