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

    /** A plain notice (no error): one sentence and what it means. */
    public static void inform(Window owner, String sentence, String detail) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("OnModel");
        alert.setHeaderText(sentence);
        alert.setContentText(detail);
        alert.show();
    }

    /** Shows an error: {@code sentence} for people, the cause's message, the stack trace under "details". */
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
