package dev.onmodel.core.workflow;

import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.MediaImporter;
import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.ShotCast;
import dev.onmodel.core.store.StoredScore;
import dev.onmodel.core.store.VariantKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When a shot's earlier proposed cast is reused instead of proposing again (which decodes sample frames). */
class ProposedCastReuseTest {

    private static final String ENGINE = "5-abc";
    private static final List<String> KNOWN = List.of("kess", "mira", "tobo");

    @TempDir
    Path root;

    private Project importedProject() throws Exception {
        for (String shot : List.of("sh010", "sh020")) {
            Path dir = Files.createDirectories(root.resolve("shots").resolve(shot).resolve("v001"));
            for (int f = 1001; f <= 1003; f++) {
                ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), "png",
                        dir.resolve(shot + "_v001." + f + ".png").toFile());
            }
        }
        try (ReviewStore store = ReviewStore.open(root)) {
            new MediaImporter(store, ImportOptions.defaults().withMovieProbe(MovieProbe.unavailable("no ffmpeg")))
                    .importProject();
            return store.loadProject().orElseThrow();
        }
    }

    private static Map<VariantKey, NavigableMap<Long, List<StoredScore>>> scored(String engine, String... shots) {
        Map<VariantKey, NavigableMap<Long, List<StoredScore>>> scores = new TreeMap<>();
        for (String shot : shots) {
            NavigableMap<Long, List<StoredScore>> frames = new TreeMap<>();
            for (long f = 1001; f <= 1003; f++) {
                frames.put(f, List.of(new StoredScore(shot, "v001", f, "mira", engine, 90, "ok", "front", "{}",
                        "shots/" + shot + "/v001/" + shot + "_v001." + f + ".png", Instant.EPOCH)));
            }
            scores.put(new VariantKey(shot, "v001"), frames);
        }
        return scores;
    }

    private static ShotCast cast(String shot, boolean proposed, String engine, String... names) {
        return new ShotCast(shot, List.of(names), proposed, engine, Instant.EPOCH);
    }

    @Test
    void aProposalIsReusedOnlyWhileTheSameEngineScoredEveryFrameOfTheShot() throws Exception {
        Project project = importedProject();
        Map<String, ShotCast> casts = Map.of("sh010", cast("sh010", true, ENGINE, "mira"),
                "sh020", cast("sh020", true, ENGINE, "mira", "kess"));
        assertEquals(Map.of("sh010", List.of("mira"), "sh020", List.of("mira", "kess")),
                ProjectWorkspace.proposedCastsToReuse(project, casts, scored(ENGINE, "sh010", "sh020"), ENGINE, KNOWN));

        // A frame of sh020 lost its scores (its file changed and a rescan dropped them): propose again there.
        Map<VariantKey, NavigableMap<Long, List<StoredScore>>> oneDropped = scored(ENGINE, "sh010", "sh020");
        oneDropped.get(new VariantKey("sh020", "v001")).remove(1002L);
        assertEquals(Map.of("sh010", List.of("mira")),
                ProjectWorkspace.proposedCastsToReuse(project, casts, oneDropped, ENGINE, KNOWN));

        // Another engine (new version or other sheets): propose again everywhere.
        assertEquals(Map.of(), ProjectWorkspace.proposedCastsToReuse(project, casts,
                scored(ENGINE, "sh010", "sh020"), "6-def", KNOWN));
        assertEquals(Map.of(), ProjectWorkspace.proposedCastsToReuse(project, casts,
                scored("4-old", "sh010", "sh020"), ENGINE, KNOWN));
    }

    @Test
    void givenCastsAndCastsNamingUnknownCharactersAreNotReused() throws Exception {
        Project project = importedProject();
        Map<String, ShotCast> casts = Map.of("sh010", cast("sh010", false, ENGINE, "mira"),
                "sh020", cast("sh020", true, ENGINE, "otto"));
        assertEquals(Map.of(), ProjectWorkspace.proposedCastsToReuse(project, casts,
                scored(ENGINE, "sh010", "sh020"), ENGINE, KNOWN));
        assertEquals(Map.of(), ProjectWorkspace.proposedCastsToReuse(project, Map.of(),
                scored(ENGINE, "sh010", "sh020"), ENGINE, KNOWN));
    }
}
