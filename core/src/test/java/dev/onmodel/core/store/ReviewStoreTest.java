package dev.onmodel.core.store;

import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewStoreTest {

    @TempDir
    Path project;

    private static DecisionRequest req(long first, long last, Verdict verdict, String reviewer, Role role, String pass) {
        return DecisionRequest.range("sh010", "v001", first, last, verdict, "note " + first, reviewer, role, pass);
    }

    @Test
    void recordReturnsCommittedDecisionThatSurvivesReopening() throws Exception {
        Decision recorded;
        try (ReviewStore store = ReviewStore.open(project)) {
            recorded = store.record(req(1001, 1010, Verdict.REJECT, "ana", Role.LEAD, "anim 1"));
            assertTrue(recorded.id() > 0);
            assertEquals(FrameRange.ofInclusive(1001, 1010), recorded.frames());
        }
        try (ReviewStore store = ReviewStore.open(project)) {
            assertEquals(Optional.of(recorded), store.effectiveDecision("sh010", "v001", 1005));
            assertEquals(Optional.empty(), store.effectiveDecision("sh010", "v001", 1011));
            assertEquals("ok", store.integrityCheck());
        }
    }

    @Test
    void latestVerdictWinsButHistoryIsKept() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            Decision first = store.record(req(1001, 1010, Verdict.REJECT, "ana", Role.ANIMATOR, "p"));
            Decision second = store.record(req(1005, 1005, Verdict.APPROVE, "dir", Role.DIRECTOR, "p"));
            assertTrue(second.id() > first.id());
            NavigableMap<Long, Decision> state = store.effectiveDecisions("sh010", "v001");
            assertEquals(Verdict.REJECT, state.get(1004L).verdict());
            assertEquals(Verdict.APPROVE, state.get(1005L).verdict());
            List<DecisionRecord> history = store.history("sh010", "v001", 1005);
            assertEquals(List.of(first.id(), second.id()), history.stream().map(DecisionRecord::id).toList());
            assertEquals(1, store.history("sh010", "v001", 1004).size());
        }
    }

    @Test
    void undoRestoresThePreviousVerdictAndRedoPutsItBackAsNewRecords() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.record(req(1001, 1010, Verdict.REJECT, "ana", Role.ANIMATOR, "p"));
            Decision approve = store.record(req(1001, 1010, Verdict.APPROVE, "ana", Role.ANIMATOR, "p"));
            DecisionRecord undo = store.undo(approve.id(), "ana", Role.ANIMATOR);
            assertEquals(DecisionAction.UNDO, undo.action());
            assertEquals(Verdict.REJECT, store.effectiveDecision("sh010", "v001", 1003).orElseThrow().verdict());
            assertThrows(StoreException.class, () -> store.undo(approve.id(), "ana", Role.ANIMATOR));
            store.redo(approve.id(), "ana", Role.ANIMATOR);
            assertEquals(Verdict.APPROVE, store.effectiveDecision("sh010", "v001", 1003).orElseThrow().verdict());
            List<DecisionRecord> history = store.history("sh010", "v001", 1003);
            assertEquals(List.of(DecisionAction.SET, DecisionAction.SET, DecisionAction.UNDO, DecisionAction.REDO),
                    history.stream().map(DecisionRecord::action).toList());
            assertEquals(4, store.log(Optional.empty()).size());
        }
    }

    @Test
    void clearingMakesFramesUndecidedAgain() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.record(req(1001, 1010, Verdict.REJECT, "ana", Role.ANIMATOR, "p"));
            store.record(req(1003, 1004, null, "ana", Role.ANIMATOR, "p"));
            NavigableMap<Long, Decision> state = store.effectiveDecisions("sh010", "v001");
            assertFalse(state.containsKey(1003L));
            assertFalse(state.containsKey(1004L));
            assertTrue(state.containsKey(1005L));
        }
    }

    @Test
    void decisionRowsCanNeitherBeChangedNorDeletedEvenWithRawSql() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.record(req(1001, 1001, Verdict.REJECT, "ana", Role.ANIMATOR, "p"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("onmodel.db"));
             Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE decision SET verdict = 'approve'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM decision"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
    }

    @Test
    void aThousandFrameRangeIsOneRecordInOneTransaction() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            Decision d = store.record(req(1001, 2000, Verdict.APPROVE, "ana", Role.LEAD, "p"));
            assertEquals(1000, d.frames().length());
            assertEquals(1, store.log(Optional.empty()).size());
            assertEquals(1000, store.effectiveDecisions("sh010", "v001").size());
        }
    }

    @Test
    void recordAllCommitsAllOrNothing() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            StoreException e = assertThrows(StoreException.class, () -> store.recordAll(List.of(
                    req(1001, 1001, Verdict.REJECT, "ana", Role.LEAD, "p"),
                    req(1002, 1002, Verdict.REJECT, " ", Role.LEAD, "p"))));
            assertEquals(StoreException.Kind.INVALID_REQUEST, e.kind());
            assertTrue(store.log(Optional.empty()).isEmpty());
        }
    }

    @Test
    void closedPassRefusesDecisionsUntilReopened() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.openPass("director approval");
            ReviewPass closed = store.closePass("director approval");
            assertFalse(closed.isOpen());
            StoreException e = assertThrows(StoreException.class,
                    () -> store.record(req(1001, 1001, Verdict.APPROVE, "d", Role.DIRECTOR, "director approval")));
            assertTrue(e.getMessage().contains("is closed"), e.getMessage());
            assertTrue(store.openPass("director approval").isOpen());
            store.record(req(1001, 1001, Verdict.APPROVE, "d", Role.DIRECTOR, "director approval"));
            assertEquals(List.of("director approval"), store.passes().stream().map(ReviewPass::name).toList());
        }
    }

    @Test
    void answersWhatTheDirectorRejectedInAPass() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.record(req(1001, 1002, Verdict.REJECT, "ana", Role.ANIMATOR, "anim"));
            Decision dirReject = store.record(req(1003, 1004, Verdict.REJECT, "dora", Role.DIRECTOR, "dir"));
            store.record(req(1005, 1006, Verdict.APPROVE, "dora", Role.DIRECTOR, "dir"));
            Decision undone = store.record(req(1007, 1007, Verdict.REJECT, "dora", Role.DIRECTOR, "dir"));
            store.undo(undone.id(), "dora", Role.DIRECTOR);
            List<Decision> rejected = store.decisions(DecisionFilter.all().withRole(Role.DIRECTOR)
                    .withVerdict(Verdict.REJECT).withPass("dir"));
            assertEquals(List.of(dirReject), rejected);
        }
    }

    @Test
    void heroChoiceKeepsItsHistory() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.chooseHero("sh010", "v001", FrameRange.ofInclusive(1001, 1048), "ed", "first pick");
            HeroChoice second = store.chooseHero("sh010", "v002", FrameRange.ofInclusive(1003, 1040), "ed", "");
            assertEquals(Optional.of(second), store.hero("sh010"));
            assertEquals(2, store.heroHistory("sh010").size());
            assertEquals(Map.of("sh010", second), store.heroes());
        }
    }

    @Test
    void analysisCacheHitsOnSameContentAndMissesOnChange() throws Exception {
        FileIdentity a = new FileIdentity("shots/sh010/v001/a.1001.png", 100, 5, "d1");
        FileIdentity touched = new FileIdentity("shots/sh010/v001/a.1001.png", 100, 9, "d1");
        FileIdentity changed = new FileIdentity("shots/sh010/v001/a.1001.png", 100, 9, "d2");
        try (ReviewStore store = ReviewStore.open(project)) {
            assertTrue(store.putAnalyses(Map.of(a, "{\"score\":91}"), "engine-1"));
            assertEquals(Optional.of("{\"score\":91}"), store.findAnalysis(a, "engine-1"));
            assertEquals(Optional.of("{\"score\":91}"), store.findAnalysis(touched, "engine-1"));
            assertEquals(Optional.empty(), store.findAnalysis(changed, "engine-1"));
            assertEquals(Optional.empty(), store.findAnalysis(a, "engine-2"));
            assertEquals(1, store.invalidateAnalyses(List.of(a.relativePath())));
            assertEquals(Optional.empty(), store.findAnalysis(a, "engine-1"));
        }
    }

    @Test
    void databaseFromANewerOnModelIsRefusedAndLeftUntouched() throws Exception {
        Path db = project.resolve("onmodel.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE future (x)");
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(db);
        StoreException e = assertThrows(StoreException.class, () -> ReviewStore.open(project));
        assertEquals(StoreException.Kind.NEWER_SCHEMA, e.kind());
        assertTrue(e.getMessage().contains("newer OnModel"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "database bytes changed");
        assertFalse(Files.exists(project.resolve("onmodel.db-wal")));
    }

    @Test
    void migrationCopiesTheDatabaseBeforeChangingIt() throws Exception {
        try (ReviewStore store = ReviewStore.open(project, StoreOptions.defaults().withBackupsToKeep(0))) {
            store.record(req(1001, 1001, Verdict.REJECT, "ana", Role.LEAD, "p"));
        }
        List<Migration> next = new java.util.ArrayList<>(ReviewStore.migrations());
        next.add(new Migration(ReviewStore.SCHEMA_VERSION + 1, "test step",
                "ALTER TABLE decision ADD COLUMN mood TEXT;"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("onmodel.db"))) {
            ReviewStore.migrate(c, project, next);
            try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
                rs.next();
                assertEquals(ReviewStore.SCHEMA_VERSION + 1, rs.getInt(1));
            }
        }
        List<StoreBackups.Backup> backups = StoreBackups.list(project);
        assertEquals(1, backups.size());
        assertEquals("before-migration", backups.get(0).reason());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backups.get(0).file());
             Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertEquals(ReviewStore.SCHEMA_VERSION, rs.getInt(1));
        }
    }

    @Test
    void migrationStatementsKeepTriggerBodiesWhole() throws Exception {
        List<String> statements = ReviewStore.migrations().get(0).statements();
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("CREATE TRIGGER") && s.endsWith("END;")
                && s.contains("RAISE(ABORT")));
        assertTrue(statements.stream().noneMatch(s -> s.strip().startsWith("SELECT RAISE")));
    }

    @Test
    void aFullDiskGivesAClearMessageAndKeepsTheLastSavedState() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.record(req(1001, 1001, Verdict.REJECT, "ana", Role.LEAD, "p"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("onmodel.db"));
             Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA page_count")) {
            rs.next();
            long pages = rs.getLong(1);
            try (ReviewStore store = ReviewStore.open(project, StoreOptions.defaults().withMaxPageCount(pages)
                    .withBackupsToKeep(0))) {
                String big = "x".repeat(64 * 1024);
                StoreException e = assertThrows(StoreException.class, () -> store.record(DecisionRequest.range(
                        "sh010", "v001", 1002, 1002, Verdict.APPROVE, big, "ana", Role.LEAD, "p")));
                assertEquals(StoreException.Kind.DISK_FULL, e.kind());
                assertTrue(e.getMessage().contains("disk is full") && e.getMessage().contains("nothing was saved"),
                        e.getMessage());
                assertEquals(1, store.log(Optional.empty()).size());
                // the store keeps working for what fits
                store.record(req(1003, 1003, Verdict.APPROVE, "ana", Role.LEAD, "p"));
            }
        }
    }

    @Test
    void writesFromManyThreadsAllCommitOnTheOneWriter() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            List<Thread> threads = new java.util.ArrayList<>();
            java.util.Set<Long> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
            for (int t = 0; t < 6; t++) {
                int base = 1001 + t * 100;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 30; i++) {
                        try {
                            ids.add(store.record(req(base + i, base + i, Verdict.APPROVE, "r", Role.LEAD, "p")).id());
                        } catch (StoreException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(180, ids.size());
            assertEquals(180, store.effectiveDecisions("sh010", "v001").size());
        }
    }

    @Test
    void readsDoNotWaitForAWriterAndABlockedWriteSaysSoPlainly() throws Exception {
        try (ReviewStore store = ReviewStore.open(project, StoreOptions.defaults()
                .withBusyTimeout(java.time.Duration.ofMillis(300)))) {
            store.record(req(1001, 1001, Verdict.REJECT, "ana", Role.LEAD, "p"));
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("onmodel.db"));
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                s.execute("INSERT INTO review_pass (name, opened_at_ms) VALUES ('held', 0)");
                long start = System.nanoTime();
                assertEquals(1, store.effectiveDecisions("sh010", "v001").size());
                assertTrue(System.nanoTime() - start < 250_000_000L, "read waited for the writer");
                StoreException e = assertThrows(StoreException.class,
                        () -> store.record(req(1002, 1002, Verdict.REJECT, "ana", Role.LEAD, "p")));
                assertEquals(StoreException.Kind.BUSY, e.kind());
                assertTrue(e.getMessage().contains("another OnModel process"), e.getMessage());
                assertFalse(e.getMessage().contains("SQLITE_BUSY"), e.getMessage());
                s.execute("ROLLBACK");
            }
            store.record(req(1002, 1002, Verdict.REJECT, "ana", Role.LEAD, "p"));
        }
    }

    @Test
    void asyncRecordReturnsAtOnceAndCommitsOnTheWriterThreadWhileReadsGoOn() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.record(req(1001, 1001, Verdict.REJECT, "ana", Role.LEAD, "p"));
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("onmodel.db"));
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE"); // another process holds the write lock: the writer must wait
                java.util.concurrent.CompletableFuture<Decision> pending =
                        store.recordAsync(req(1002, 1002, Verdict.APPROVE, "ana", Role.LEAD, "p"));
                java.util.concurrent.CompletableFuture<String> committedOn =
                        pending.thenApply(d -> Thread.currentThread().getName());
                assertFalse(pending.isDone(), "a decision was acknowledged before it could commit");
                assertEquals(1, store.effectiveDecisions("sh010", "v001").size(), "read blocked by pending write");
                s.execute("COMMIT");
                assertEquals(1002, pending.get(10, java.util.concurrent.TimeUnit.SECONDS).frames().start());
                assertEquals("onmodel-db-writer", committedOn.get(10, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(2, store.effectiveDecisions("sh010", "v001").size());
        }
    }

    @Test
    void closedStoreRefusesPolitely() throws Exception {
        ReviewStore store = ReviewStore.open(project);
        store.close();
        StoreException e = assertThrows(StoreException.class,
                () -> store.record(req(1001, 1001, Verdict.REJECT, "ana", Role.LEAD, "p")));
        assertEquals(StoreException.Kind.CLOSED, e.kind());
    }
}
