package dev.onmodel.app.ui;

import dev.onmodel.app.session.JsonFileReviewSession;
import dev.onmodel.app.session.Reviewer;
import dev.onmodel.app.session.StoreSessions;
import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a project for the window off the FX thread: from the store once imported, from the folder otherwise. */
class ProjectOpenWorkTest {

    private static final Reviewer ALI = new Reviewer("Ali", Role.ANIMATOR);

    @TempDir
    Path dir;

    @Test
    void anImportedProjectOpensFromItsStoreWithoutListingTheFolder() throws Exception {
        TinyProjects.create(dir);
        StoreSessions sessions = new StoreSessions(workspace -> Optional.empty());
        // The first open imports the media into the store.
        ProjectOpenWork.Opened first = new ProjectOpenWork(dir, sessions, ALI, "pass 1").start().join();
        first.session().close();
        assertEquals(2, first.project().shots().size());
        // A frame deleted from the folder afterwards is still listed: the structure came from the store.
        Path deleted = ((ImageSequence) first.project().shot("sh010").orElseThrow().variants().get(0).media())
                .files().firstEntry().getValue();
        Files.delete(deleted);
        ProjectOpenWork.Opened again = new ProjectOpenWork(dir, sessions, ALI, "pass 1").start().join();
        try {
            ImageSequence media = (ImageSequence) again.project().shot("sh010").orElseThrow().variants().get(0)
                    .media();
            assertTrue(media.files().containsValue(deleted), "the stored structure, not a folder listing");
            assertEquals(again.session().storedProject().orElseThrow(), again.project());
        } finally {
            again.session().close();
        }
    }

    @Test
    void aBindingWithoutAStoreGetsTheProjectReadFromTheFolder() throws Exception {
        TinyProjects.create(dir);
        ProjectOpenWork.Opened opened = new ProjectOpenWork(dir, (root, reviewer, pass) ->
                new JsonFileReviewSession(null, reviewer, pass, key -> Optional.empty()), ALI, "pass 1")
                .start().join();
        assertEquals(dir, opened.project().root());
        assertEquals(2, opened.project().shots().size());
    }

    @Test
    void aFolderThatIsNotAProjectFailsWithItsNameAndOpensNoStore() throws Exception {
        AtomicBoolean opened = new AtomicBoolean();
        ProjectOpenWork work = new ProjectOpenWork(dir, (root, reviewer, pass) -> {
            opened.set(true);
            throw new IOException("must not be asked");
        }, ALI, "pass 1").start();
        IOException error = assertThrows(IOException.class, work::join);
        assertTrue(error.getMessage().contains(dir.toString()), error.getMessage());
        assertEquals(false, opened.get(), "no review store is created in a folder that is not a project");
    }

    @Test
    void progressIsReplayedToAViewAttachedLate() throws Exception {
        TinyProjects.create(dir);
        ProjectOpenWork work = new ProjectOpenWork(dir, new StoreSessions(workspace -> Optional.empty()), ALI,
                "pass 1").start();
        ProjectOpenWork.Opened opened = work.join();
        opened.session().close();
        StringBuilder seen = new StringBuilder();
        work.relayTo((message, done, total) -> seen.append(message));
        assertTrue(!seen.isEmpty(), "the last step is told to a view that attaches after it happened");
    }

    @Test
    void itOpensOnlyWhatIsAskedForNow() {
        StoreSessions sessions = new StoreSessions();
        ProjectOpenWork work = new ProjectOpenWork(dir, sessions, ALI, "pass 1");
        assertTrue(work.opens(dir, sessions, ALI, "pass 1"));
        assertEquals(false, work.opens(dir, sessions, ALI, "pass 2"));
        assertEquals(false, work.opens(dir, sessions, new Reviewer("Bo", Role.DIRECTOR), "pass 1"));
        assertEquals(false, work.opens(null, sessions, ALI, "pass 1"));
        assertEquals(false, work.opens(dir, new StoreSessions(), ALI, "pass 1"));
    }
}
