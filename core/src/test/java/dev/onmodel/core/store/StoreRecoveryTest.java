package dev.onmodel.core.store;

import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged, truncated and read-only databases: a clear message, the last good state kept and restorable. */
class StoreRecoveryTest {

    @TempDir
    Path project;

    private Path db() {
        return project.resolve("onmodel.db");
    }

    /** A store with {@code n} decisions, closed (so a closing backup exists). */
    private void storeWith(int n) throws StoreException {
        try (ReviewStore store = ReviewStore.open(project)) {
            for (int i = 0; i < n; i++) {
                store.record(DecisionRequest.frame("sh010", "v001", 1001 + i, Verdict.REJECT,
                        "a note long enough to fill pages ".repeat(8), "ana", Role.LEAD, "p"));
            }
        }
    }

    @Test
    void overwrittenHeaderIsRefusedWithTheBackupToRestoreAndRestoreBringsTheDecisionsBack() throws Exception {
        storeWith(20);
        try (RandomAccessFile f = new RandomAccessFile(db().toFile(), "rw")) {
            f.seek(0);
            f.write("this is not a database at all".getBytes());
        }
        StoreException e = assertThrows(StoreException.class, () -> ReviewStore.open(project));
        assertEquals(StoreException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("onmodel.db") && e.getMessage().contains("onmodel restore"), e.getMessage());
        assertTrue(e.getMessage().contains("newest good backup is onmodel-"), e.getMessage());

        StoreBackups.Backup latest = StoreBackups.latestGood(project).orElseThrow();
        Optional<Path> aside = StoreBackups.restore(project, latest.file());
        assertTrue(aside.isPresent() && Files.exists(aside.get()), "damaged file must be kept");
        try (ReviewStore store = ReviewStore.open(project)) {
            assertEquals(20, store.log(Optional.empty()).size());
            assertEquals("ok", store.integrityCheck());
        }
    }

    @Test
    void truncatedDatabaseIsRefusedWithAClearMessage() throws Exception {
        storeWith(300);
        long size = Files.size(db());
        assertTrue(size > 16 * 4096, "test database too small to truncate meaningfully: " + size);
        try (FileChannel channel = FileChannel.open(db(), StandardOpenOption.WRITE)) {
            channel.truncate(size / 2);
        }
        StoreException e = assertThrows(StoreException.class, () -> ReviewStore.open(project));
        assertEquals(StoreException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertFalse(e.getMessage().contains("SQLITE_"), e.getMessage());
    }

    @Test
    void zeroByteDatabaseWithBackupsIsTreatedAsDamagedNotAsANewProject() throws Exception {
        storeWith(3);
        Files.write(db(), new byte[0]);
        StoreException e = assertThrows(StoreException.class, () -> ReviewStore.open(project));
        assertEquals(StoreException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void restoreIsRefusedWhileTheProjectIsOpen() throws Exception {
        storeWith(2);
        Path backup = StoreBackups.list(project).get(0).file();
        try (ReviewStore ignored = ReviewStore.open(project)) {
            StoreException e = assertThrows(StoreException.class, () -> StoreBackups.restore(project, backup));
            assertEquals(StoreException.Kind.BUSY, e.kind());
            assertTrue(e.getMessage().contains("close it before restoring"), e.getMessage());
        }
    }

    @Test
    void theSameProjectOpensTwiceInOneProcessAndRestoreWaitsForBothToClose() throws Exception {
        storeWith(1);
        Path backup = StoreBackups.list(project).get(0).file();
        ReviewStore first = ReviewStore.open(project);
        try (ReviewStore second = ReviewStore.open(project)) {
            second.record(DecisionRequest.frame("sh010", "v001", 1002, Verdict.APPROVE, "", "b", Role.LEAD, "p"));
            assertEquals(2, first.log(Optional.empty()).size());
        }
        assertEquals(StoreException.Kind.BUSY,
                assertThrows(StoreException.class, () -> StoreBackups.restore(project, backup)).kind());
        first.close();
        StoreBackups.restore(project, backup);
        try (ReviewStore reopened = ReviewStore.open(project)) {
            assertEquals(1, reopened.log(Optional.empty()).size());
        }
    }

    @Test
    void automaticBackupsRollAndKeepOnlyTheNewest() throws Exception {
        StoreOptions keepTwo = StoreOptions.defaults().withBackupsToKeep(2);
        for (int i = 0; i < 4; i++) {
            try (ReviewStore store = ReviewStore.open(project, keepTwo)) {
                store.record(DecisionRequest.frame("sh010", "v001", 1001 + i, Verdict.APPROVE, "", "a", Role.LEAD, "p"));
            }
        }
        try (ReviewStore store = ReviewStore.open(project, keepTwo)) {
            store.backupNow();
        }
        List<StoreBackups.Backup> backups = StoreBackups.list(project);
        assertEquals(2, backups.stream().filter(b -> !b.reason().equals("manual")).count(), backups.toString());
        assertEquals(1, backups.stream().filter(b -> b.reason().equals("manual")).count(), backups.toString());
    }

    @Test
    void readOnlyFolderOpensTheStoreReadOnlyAndSaysWhyOnWrite() throws Exception {
        storeWith(5);
        assertFalse(Files.exists(project.resolve("onmodel.db-wal")), "closed store should leave no WAL");
        makeReadOnly(project);
        try {
            try (ReviewStore store = ReviewStore.open(project)) {
                assertTrue(store.isReadOnly());
                assertEquals(Optional.of("the project folder is read-only"), store.readOnlyReason());
                assertEquals(5, store.effectiveDecisions("sh010", "v001").size());
                StoreException e = assertThrows(StoreException.class, () -> store.record(DecisionRequest.frame(
                        "sh010", "v001", 1001, Verdict.APPROVE, "", "a", Role.LEAD, "p")));
                assertEquals(StoreException.Kind.READ_ONLY, e.kind());
                assertTrue(e.getMessage().contains("read-only"), e.getMessage());
                assertFalse(store.putAnalyses(java.util.Map.of(), "e"));
            }
        } finally {
            makeWritable(project);
        }
    }

    /**
     * chmod does not stop root (tests run as root in CI containers), so root uses the immutable attribute, which
     * stops everyone; the test is skipped, visibly, when neither works.
     */
    static void makeReadOnly(Path folder) throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) {
            Process p = new ProcessBuilder("chattr", "+i", folder.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            Assumptions.assumeTrue(p.waitFor() == 0, "cannot make a folder read-only as root here (chattr: " + out + ")");
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        Assumptions.assumeFalse(Files.isWritable(folder), "the file system ignores the read-only setting here");
    }

    static void makeWritable(Path folder) throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("chattr", "-i", folder.toString()).start().waitFor();
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
