package dev.onmodel.app.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreferencesStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedPreferencesReadBackEqual() throws Exception {
        PreferencesStore store = new PreferencesStore(dir.resolve("preferences.json"));
        Preferences prefs = Preferences.defaults().withReviewer("Mira Kade", "director").withPass("director approval")
                .withThresholds(75, 50).withFrameCacheMegabytes(2048).withKeys(Map.of("approve", "Y"))
                .withWindow(new WindowLayout(10, 20, 1600, 1000, false, 0.2, 0.7, 0.6))
                .withRecentProject("/p/one").withRecentProject("/p/two");
        store.save(prefs);
        assertEquals(prefs, store.load());
        assertEquals(List.of("preferences.json"), listing());
    }

    @Test
    void missingFileGivesDefaultsWithoutAProblem() {
        PreferencesStore store = new PreferencesStore(dir.resolve("none.json"));
        assertEquals(Preferences.defaults(), store.load());
        assertTrue(store.loadProblem().isEmpty());
    }

    @Test
    void damagedFileIsKeptAsideAndDefaultsUsed() throws Exception {
        Path file = dir.resolve("preferences.json");
        Files.writeString(file, "{\"reviewer\": ");
        PreferencesStore store = new PreferencesStore(file);
        assertEquals(Preferences.defaults(), store.load());
        assertTrue(store.loadProblem().orElseThrow().contains("preferences.json"), store.loadProblem().get());
        assertTrue(Files.exists(dir.resolve("preferences.json.broken")));
    }

    @Test
    void recentProjectsKeepTheNewestTenWithoutDuplicates() {
        Preferences prefs = Preferences.defaults();
        for (int i = 0; i < 12; i++) {
            prefs = prefs.withRecentProject("/p/" + i);
        }
        prefs = prefs.withRecentProject("/p/5");
        assertEquals(10, prefs.recentProjects().size());
        assertEquals("/p/5", prefs.recentProjects().get(0));
        assertEquals(1, prefs.recentProjects().stream().filter("/p/5"::equals).count());
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws Exception {
        Path file = dir.resolve("preferences.json");
        Files.writeString(file, "{\"reviewer\":\"Ali\",\"role\":\"lead\",\"futureThing\":42}");
        Preferences read = new PreferencesStore(file).load();
        assertEquals("Ali", read.reviewer());
        assertEquals(85, read.checkBelow(), "missing thresholds take defaults");
    }

    private List<String> listing() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A project that sets thresholds shows its bands to every reviewer; otherwise the reviewer's own apply. */
    @Test
    void theProjectsThresholdsWinOverTheReviewers() {
        Preferences mine = Preferences.defaults().withThresholds(80, 50);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {80, 50}, mine.bandsFor(java.util.Optional.empty()));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {92, 70}, mine.bandsFor(java.util.Optional.of(
                dev.onmodel.core.consistency.ScoringSettings.defaults().withThresholds(92, 70))));
    }
}
