package dev.onmodel.app.ui.export;

import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.core.editorial.EditorialExport;
import dev.onmodel.core.editorial.MissingPolicy;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.store.DecisionRequest;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.time.FrameRate;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export dialog's ViewModel without a Stage: validation, suggested files, and the background export itself. */
@ExtendWith(ApplicationExtension.class)
class ExportViewModelTest {

    @TempDir
    Path root;

    @Start
    void start(Stage stage) {
        // The toolkit must run for Task property updates; no window is needed.
    }

    private Project project() throws Exception {
        TinyProjects.create(root);
        return new ProjectReader(MovieProbe.unavailable("test")).read(root).project();
    }

    @Test
    void validatesTheStartTimecodeAgainstTheChosenRateAndFollowsTheFormatWithTheFileName() throws Exception {
        ExportViewModel model = new ExportViewModel(project());
        assertEquals("", model.problemProperty().get());
        assertTrue(model.outFileProperty().get().endsWith(".edl"));
        model.formatProperty().set(EditorialExport.Format.OTIO);
        assertTrue(model.outFileProperty().get().endsWith(".otio"), "suggested file follows the format");
        model.startProperty().set("01:00:00;00");
        assertFalse(model.problemProperty().get().isEmpty(), "drop-frame label at 24 fps is refused");
        assertTrue(model.request().isEmpty());
        model.rateProperty().set(FrameRate.FPS_29_97);
        assertEquals("", model.problemProperty().get());
        model.outFileProperty().set(" ");
        assertFalse(model.problemProperty().get().isEmpty());
    }

    @Test
    void exportsWhatTheStoreApprovedAndRefusesWithTheMissingShotsByDefault() throws Exception {
        Project project = project();
        try (ReviewStore store = ReviewStore.open(root)) {
            store.record(DecisionRequest.range("sh010", "v001", 1001, 1012, Verdict.APPROVE, "", "ana", Role.DIRECTOR, "p1"));
        }
        ExportViewModel model = new ExportViewModel(project);
        Task<EditorialExport.Outcome> refused = model.exportTask(model.request().orElseThrow());
        refused.run();
        ExecutionException failure = assertThrows(ExecutionException.class, refused::get);
        assertInstanceOf(EditorialExport.NothingExportedException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("sh020"), failure.getCause().getMessage());

        model.missingProperty().set(MissingPolicy.GAP);
        Task<EditorialExport.Outcome> written = model.exportTask(model.request().orElseThrow());
        written.run();
        EditorialExport.Outcome outcome = written.get();
        Path edl = Path.of(model.outFileProperty().get());
        assertTrue(Files.isRegularFile(edl), outcome.summary());
        String text = Files.readString(edl);
        assertTrue(text.contains("sh010_v001"), text);
        assertTrue(outcome.summary().contains("1 fully approved") && outcome.summary().contains("1 gaps"), outcome.summary());
        assertTrue(text.contains("* FROM CLIP: " + root.toAbsolutePath()), "absolute paths by default: " + text);

        model.relativePathsProperty().set(true);
        model.premiereEdlProperty().set(true);
        Task<EditorialExport.Outcome> premiere = model.exportTask(model.request().orElseThrow());
        premiere.run();
        premiere.get();
        String premiereText = Files.readString(edl);
        assertFalse(premiereText.contains("* FROM CLIP:"), "Premiere flavour drops the path line: " + premiereText);
        assertFalse(premiereText.contains(root.toAbsolutePath().toString()), "paths relative to the project: " + premiereText);
    }
}
