package dev.onmodel.core.store;

import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Persisted scores and casts (schema 2): batches, reads, replacement, rescan invalidation, migration from schema 1. */
class FrameScoreStoreTest {

    @TempDir
    Path project;

    private static final Instant AT = Instant.ofEpochMilli(1_700_000_000_000L);

    private static StoredScore score(String variant, long frame, String character, double value, String band) {
        return new StoredScore("sh010", variant, frame, character, "engine-7", value, band, "front",
                "{\"colour\":" + value + "}", "shots/sh010/" + variant + "/sh010_" + variant + "." + frame + ".png", AT);
    }

    private static byte[] png(int seed) throws IOException {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF000000 | seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void scoresAreStoredInOneBatchAndReadBackPerVariantAndAll() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            List<StoredScore> batch = new ArrayList<>();
            for (long f = 1001; f <= 1100; f++) {
                batch.add(score("v001", f, "mira", 90, "ok"));
                batch.add(score("v001", f, "tobo", 50 + f % 7, "off-model"));
            }
            batch.add(score("v002", 1001, "mira", 70, "check"));
            assertEquals(201, store.putScores(batch));

            NavigableMap<Long, List<StoredScore>> v001 = store.scores("sh010", "v001");
            assertEquals(100, v001.size());
            assertEquals(1001L, v001.firstKey());
            assertEquals(List.of(score("v001", 1050, "mira", 90, "ok"), score("v001", 1050, "tobo", 50 + 1050 % 7,
                    "off-model")), v001.get(1050L));
            Map<VariantKey, NavigableMap<Long, List<StoredScore>>> all = store.allScores();
            assertEquals(List.of(new VariantKey("sh010", "v001"), new VariantKey("sh010", "v002")),
                    List.copyOf(all.keySet()));
            assertEquals(201, store.scoreCount());
            assertTrue(store.scores("sh999", "v001").isEmpty());
        }
    }

    @Test
    void reScoringAFrameReplacesAllItsCharactersAndLeavesOtherFrames() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.putScores(List.of(score("v001", 1001, "mira", 90, "ok"), score("v001", 1001, "tobo", 40, "off-model"),
                    score("v001", 1002, "mira", 88, "ok")));
            // Re-scored with a cast of mira only: tobo's row of 1001 must not linger.
            store.putScores(List.of(score("v001", 1001, "mira", 75, "check")));
            NavigableMap<Long, List<StoredScore>> now = store.scores("sh010", "v001");
            assertEquals(List.of(score("v001", 1001, "mira", 75, "check")), now.get(1001L));
            assertEquals(List.of(score("v001", 1002, "mira", 88, "ok")), now.get(1002L));
        }
    }

    @Test
    void castsAreKeptPerShotWithWhetherTheyWereProposed() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.putCast(new ShotCast("sh010", List.of("mira", "tobo"), false, "engine-7", AT));
            store.putCast(new ShotCast("sh020", List.of("kess"), true, "engine-7", AT));
            store.putCast(new ShotCast("sh010", List.of("mira"), false, "engine-8", AT));
            assertEquals(Map.of("sh010", new ShotCast("sh010", List.of("mira"), false, "engine-8", AT),
                    "sh020", new ShotCast("sh020", List.of("kess"), true, "engine-7", AT)), store.casts());
        }
    }

    @Test
    void aReadOnlyStoreRefusesScoresWithAClearMessage() throws Exception {
        try (ReviewStore store = ReviewStore.open(project)) {
            store.putScores(List.of(score("v001", 1001, "mira", 90, "ok")));
        }
        try (ReviewStore store = ReviewStore.open(project, StoreOptions.defaults().withReadOnly(true))) {
            StoreException e = assertThrows(StoreException.class,
                    () -> store.putScores(List.of(score("v001", 1002, "mira", 90, "ok"))));
            assertEquals(StoreException.Kind.READ_ONLY, e.kind());
            assertEquals(1, store.scores("sh010", "v001").size());
        }
    }

    @Test
    void rescanDropsTheScoresOfChangedAndRemovedFramesOnly() throws Exception {
        Path dir = Files.createDirectories(project.resolve("shots/sh010/v001"));
        for (int f = 1001; f <= 1004; f++) {
            Files.write(dir.resolve("sh010_v001." + f + ".png"), png(f));
        }
        try (ReviewStore store = ReviewStore.open(project)) {
            MediaImporter importer = new MediaImporter(store,
                    ImportOptions.defaults().withMovieProbe(MovieProbe.unavailable("install ffmpeg")));
            importer.importProject();
            List<StoredScore> scores = new ArrayList<>();
            for (long f = 1001; f <= 1004; f++) {
                scores.add(score("v001", f, "mira", 90, "ok"));
            }
            store.putScores(scores);

            Files.write(dir.resolve("sh010_v001.1002.png"), png(999));                       // changed
            Files.setLastModifiedTime(dir.resolve("sh010_v001.1002.png"), FileTime.fromMillis(1_000_000L));
            Files.delete(dir.resolve("sh010_v001.1003.png"));                                // removed
            Files.setLastModifiedTime(dir.resolve("sh010_v001.1004.png"), FileTime.fromMillis(2_000_000L)); // touched
            importer.importProject();

            assertEquals(List.of(1001L, 1004L), List.copyOf(store.scores("sh010", "v001").keySet()));
            assertEquals(1, store.invalidateScores(List.of("shots/sh010/v001/sh010_v001.1004.png")));
            assertEquals(List.of(1001L), List.copyOf(store.scores("sh010", "v001").keySet()));
        }
    }

    /** A take removed from disk takes its scores with it, a movie take (which has no frame rows) as well. */
    @Test
    void rescanDropsTheScoresOfARemovedTake() throws Exception {
        Path sequence = Files.createDirectories(project.resolve("shots/sh010/v001"));
        Files.write(sequence.resolve("sh010_v001.1001.png"), png(1));
        Path movieFolder = Files.createDirectories(project.resolve("shots/sh010/v002"));
        Files.write(movieFolder.resolve("take.mov"), new byte[] {1, 2, 3});
        try (ReviewStore store = ReviewStore.open(project)) {
            MediaImporter importer = new MediaImporter(store, ImportOptions.defaults().withMovieProbe(file ->
                    new dev.onmodel.core.model.MovieMedia(file, 1, 3, dev.onmodel.core.time.FrameRate.FPS_24, 16, 12,
                            false)));
            importer.importProject();
            List<StoredScore> scores = new ArrayList<>(List.of(score("v001", 1001, "mira", 90, "ok")));
            for (long f = 1; f <= 3; f++) {
                scores.add(new StoredScore("sh010", "v002", f, "mira", "engine-7", 80, "check", "front", "{}",
                        "shots/sh010/v002/take.mov#" + f, AT));
            }
            store.putScores(scores);
            assertEquals(3, store.scores("sh010", "v002").size());

            Files.delete(movieFolder.resolve("take.mov"));
            Files.delete(movieFolder);
            importer.importProject();

            assertTrue(store.scores("sh010", "v002").isEmpty(), "the removed movie take's scores");
            assertEquals(List.of(1001L), List.copyOf(store.scores("sh010", "v001").keySet()));
        }
    }

    @Test
    void aSchemaOneDatabaseIsCopiedThenUpgradedKeepingItsDecisions() throws Exception {
        Path db = project.resolve("onmodel.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            ReviewStore.migrate(c, project, ReviewStore.migrations().subList(0, 1));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO review_pass (name, opened_at_ms) VALUES ('anim 1', 1)");
                s.execute("INSERT INTO decision (action, shot, variant, first_frame, end_frame, verdict, note,"
                        + " reviewer, role, pass, recorded_at_ms) VALUES ('set', 'sh010', 'v001', 1001, 1011,"
                        + " 'reject', 'arm', 'ana', 'lead', 'anim 1', 5)");
            }
        }
        assertEquals(1, userVersion(db));
        try (ReviewStore store = ReviewStore.open(project)) {
            assertEquals(Verdict.REJECT, store.effectiveDecision("sh010", "v001", 1005).orElseThrow().verdict());
            store.putScores(List.of(score("v001", 1005, "mira", 42, "off-model")));
            assertEquals(1, store.scoreCount());
            store.record(DecisionRequest.range("sh010", "v001", 1005, 1005, Verdict.APPROVE, "", "dora",
                    Role.DIRECTOR, "anim 1"));
        }
        assertEquals(ReviewStore.SCHEMA_VERSION, userVersion(db));
        List<StoreBackups.Backup> before = StoreBackups.list(project).stream()
                .filter(b -> b.reason().equals("before-migration")).toList();
        assertEquals(1, before.size());
        assertEquals(1, userVersion(before.get(0).file()));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + before.get(0).file());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'frame_score'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the copy must be the database as it was before the migration");
        }
    }

    @Test
    void theScoreMigrationIsTheSecondShippedStep() throws Exception {
        List<Migration> migrations = ReviewStore.migrations();
        assertEquals(ReviewStore.SCHEMA_VERSION, migrations.get(migrations.size() - 1).version());
        assertEquals(2, migrations.get(1).version());
        assertFalse(migrations.get(1).statements().isEmpty());
    }

    private static int userVersion(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
