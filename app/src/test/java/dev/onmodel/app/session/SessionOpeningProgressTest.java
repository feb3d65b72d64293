package dev.onmodel.app.session;

import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.core.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The first open of a project imports its media; the opening reports that import and can be cancelled. */
class SessionOpeningProgressTest {

    private static final Reviewer REVIEWER = new Reviewer("Ali", Role.ANIMATOR);

    @TempDir
    Path dir;

    private record Report(String message, long done, long total) {
    }

    private static ReviewSessionFactory sessions() {
        return new StoreSessions(workspace -> Optional.empty());
    }

    @Test
    void theFirstOpenReportsTheImportFrameByFrameAndALaterOpenReportsNothing() throws Exception {
        TinyProjects.create(dir);
        List<Report> reports = new ArrayList<>();
        sessions().open(dir, REVIEWER, "pass 1", (message, done, total) -> reports.add(new Report(message, done, total)))
                .close();
        assertEquals(4, reports.size(), "one report per variant: " + reports);
        assertEquals(new Report("Importing media: frame 12 of 48", 12, 48), reports.get(0));
        assertEquals(new Report("Importing media: frame 48 of 48", 48, 48), reports.get(3));

        List<Report> again = new ArrayList<>();
        sessions().open(dir, REVIEWER, "pass 1", (message, done, total) -> again.add(new Report(message, done, total)))
                .close();
        assertEquals(List.of(), again, "the structure is in the store: no import");
    }

    @Test
    void interruptingTheOpeningThreadCancelsTheImportAndRecordsNothing() throws Exception {
        TinyProjects.create(dir);
        IOException cancelled = assertThrows(IOException.class, () -> {
            try {
                sessions().open(dir, REVIEWER, "pass 1", (message, done, total) -> Thread.currentThread().interrupt());
            } finally {
                Thread.interrupted();
            }
        });
        assertInstanceOf(InterruptedIOException.class, cancelled);

        List<Report> reports = new ArrayList<>();
        sessions().open(dir, REVIEWER, "pass 1", (message, done, total) -> reports.add(new Report(message, done, total)))
                .close();
        assertFalse(reports.isEmpty(), "nothing was recorded by the cancelled open, so it imports again");
        assertEquals(48, reports.get(reports.size() - 1).done());
    }
}
