package dev.onmodel.app.ui.export;

import dev.onmodel.app.ui.ErrorDialogs;
import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.editorial.EditorialExport;
import dev.onmodel.core.editorial.MissingPolicy;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.time.FrameRate;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * File ▸ Export: the same export as {@code onmodel export}, chosen in a dialog and run in the background with a
 * progress bar and cancel. The result (or why nothing was exported) is shown in one sentence.
 */
public final class ExportDialog {

    private final Window owner;
    private final ExportViewModel model;

    public ExportDialog(Window owner, Project project) {
        this.owner = owner;
        this.model = new ExportViewModel(project);
    }

    /** Asks for the choices, then runs the export; returns at once after starting it. */
    public void show() {
        Dialog<EditorialExport.Request> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export");
        dialog.setHeaderText("Export the approved cut or the review record");
        ButtonType exportButton = new ButtonType("Export", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(exportButton, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().lookupButton(exportButton).disableProperty()
                .bind(model.problemProperty().isNotEmpty());
        dialog.setResultConverter(button -> button == exportButton ? model.request().orElse(null) : null);
        dialog.showAndWait().ifPresent(this::run);
    }

    private GridPane form() {
        ComboBox<EditorialExport.Format> format = new ComboBox<>(FXCollections.observableArrayList(
                EditorialExport.Format.values()));
        format.setId("exportFormat");
        format.valueProperty().bindBidirectional(model.formatProperty());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(EditorialExport.Format f) {
                return f == null ? "" : f.displayName();
            }

            @Override
            public EditorialExport.Format fromString(String s) {
                return null;
            }
        });
        TextField file = new TextField();
        file.setId("exportFile");
        file.textProperty().bindBidirectional(model.outFileProperty());
        file.setPrefColumnCount(36);
        Button choose = new Button("Choose\u2026");
        choose.setOnAction(e -> chooseFile(file));
        HBox fileRow = new HBox(6, file, choose);
        HBox.setHgrow(file, Priority.ALWAYS);

        Set<FrameRate> rates = new LinkedHashSet<>();
        rates.add(model.rateProperty().get());
        rates.addAll(FrameRate.STANDARD);
        ComboBox<FrameRate> rate = new ComboBox<>(FXCollections.observableArrayList(rates));
        rate.valueProperty().bindBidirectional(model.rateProperty());
        rate.setConverter(new StringConverter<>() {
            @Override
            public String toString(FrameRate r) {
                return r == null ? "" : r.displayName() + " fps";
            }

            @Override
            public FrameRate fromString(String s) {
                return null;
            }
        });
        TextField start = new TextField();
        start.setPromptText("01:00:00:00 (01:00:00;00 at 29.97/59.94)");
        start.textProperty().bindBidirectional(model.startProperty());
        ComboBox<MissingPolicy> missing = new ComboBox<>(FXCollections.observableArrayList(MissingPolicy.values()));
        missing.valueProperty().bindBidirectional(model.missingProperty());
        missing.setConverter(new StringConverter<>() {
            @Override
            public String toString(MissingPolicy p) {
                if (p == null) {
                    return "";
                }
                return switch (p) {
                    case FAIL -> "Stop and list the shots without an approved variant";
                    case GAP -> "Leave a gap of the cut length";
                    case BEST -> "Use the best-scoring variant, marked unapproved";
                };
            }

            @Override
            public MissingPolicy fromString(String s) {
                return null;
            }
        });
        javafx.scene.control.CheckBox premiere = new javafx.scene.control.CheckBox(
                "Premiere-friendly EDL (no FROM CLIP path line)");
        premiere.selectedProperty().bindBidirectional(model.premiereEdlProperty());
        premiere.disableProperty().bind(model.formatProperty().isNotEqualTo(EditorialExport.Format.EDL));
        javafx.scene.control.CheckBox relative = new javafx.scene.control.CheckBox("Media paths relative to");
        relative.selectedProperty().bindBidirectional(model.relativePathsProperty());
        TextField root = new TextField();
        root.textProperty().bindBidirectional(model.pathRootProperty());
        root.disableProperty().bind(relative.selectedProperty().not());
        HBox rootRow = new HBox(6, relative, root);
        HBox.setHgrow(root, Priority.ALWAYS);
        Label problem = new Label();
        problem.textProperty().bind(model.problemProperty());
        problem.getStyleClass().add("export-problem");
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        // Labels keep their full text; the fields take the remaining width.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("File"), fileRow);
        grid.addRow(2, new Label("Edit rate"), rate);
        grid.addRow(3, new Label("Record start"), start);
        grid.addRow(4, new Label("Shots not approved"), missing);
        grid.addRow(5, new Label("Media paths"), rootRow);
        grid.add(premiere, 1, 6);
        grid.add(problem, 0, 7, 2, 1);
        return grid;
    }

    private void chooseFile(TextField file) {
        FileChooser chooser = new FileChooser();
        EditorialExport.Format f = model.formatProperty().get();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.displayName(), "*." + f.extension()));
        Path current = Path.of(file.getText().isBlank() ? model.suggestedFile(f).toString() : file.getText());
        File folder = current.toAbsolutePath().getParent().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        chooser.setInitialFileName(current.getFileName().toString());
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            file.setText(chosen.getAbsolutePath());
        }
    }

    private void run(EditorialExport.Request request) {
        Task<EditorialExport.Outcome> task = model.exportTask(request);
        Stage progress = progressWindow(task);
        BackgroundTasks.start(task, outcome -> {
            progress.close();
            if (outcome != null) {
                ErrorDialogs.inform(owner, "Export written.", outcome.summary()
                        + (outcome.warnings().isEmpty() ? "" : "\n\nWarnings:\n" + String.join("\n", outcome.warnings())));
            }
        }, error -> {
            progress.close();
            if (error instanceof EditorialExport.NothingExportedException refused) {
                // A refusal by policy is an answer, not a fault: no stack trace to offer.
                ErrorDialogs.inform(owner, "Nothing was exported.", refused.getMessage() + ".");
                return;
            }
            ErrorDialogs.show(owner, "The " + request.format().displayName().toLowerCase(Locale.ROOT)
                    + " could not be written.", error);
        });
        task.setOnCancelled(e -> progress.close());
        progress.show();
    }

    private Stage progressWindow(Task<?> task) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Exporting");
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        bar.progressProperty().bind(task.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> task.cancel());
        VBox box = new VBox(10, message, bar, cancel);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(16));
        stage.setScene(new Scene(box));
        return stage;
    }
}
