package dev.onmodel.app.project;

import dev.onmodel.app.testing.TinyProjects;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.store.DecisionRequest;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreBackups;
import dev.onmodel.core.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's restore path, without the window: list, suggest, restore, refuse while open. */
class DatabaseRestoreTest {

    @TempDir
    Path root;

    @Test
    void restoresTheChosenBackupAndKeepsTheReplacedDatabase() throws Exception {
        TinyProjects.create(root);
        try (ReviewStore store = ReviewStore.open(root)) {
            store.record(DecisionRequest.frame("sh010", "v001", 1001, Verdict.APPROVE, "", "ana", Role.DIRECTOR, "p1"));
        }
        List<StoreBackups.Backup> afterFirst = DatabaseRestore.backups(root);
        assertFalse(afterFirst.isEmpty(), "closing a store with new decisions takes a backup");
        StoreBackups.Backup withOneDecision = DatabaseRestore.suggested(root).orElseThrow();
        assertTrue(DatabaseRestore.describe(withOneDecision).contains("KB"));

        try (ReviewStore store = ReviewStore.open(root)) {
            store.record(DecisionRequest.frame("sh010", "v001", 1002, Verdict.REJECT, "pop", "ana", Role.DIRECTOR, "p1"));
            assertThrows(StoreException.class, () -> DatabaseRestore.restore(root, withOneDecision),
                    "refused while the project is open");
        }
        String sentence = DatabaseRestore.restore(root, withOneDecision);
        assertTrue(sentence.startsWith("Restored the review database"), sentence);
        try (ReviewStore store = ReviewStore.open(root)) {
            assertEquals(1, store.effectiveDecisions("sh010", "v001").size(), "the later decision is not in the backup");
        }
    }
}
