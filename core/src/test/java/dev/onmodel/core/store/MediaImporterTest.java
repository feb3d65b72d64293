package dev.onmodel.core.store;

import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectReader;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaImporterTest {

    @TempDir
    Path project;

    private static final ImportOptions OPTIONS = ImportOptions.defaults()
            .withMovieProbe(MovieProbe.unavailable("install ffmpeg"));

    static byte[] png(int w, int h, int seed) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF000000 | seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Path frame(String shot, String variant, String name, byte[] bytes) throws IOException {
        Path dir = project.resolve("shots").resolve(shot).resolve(variant);
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name), bytes);
    }

    /** sh010/v001: 1001-1010 with a gap, a duplicate, an odd size, a zero-byte and a truncated frame; v002 clean. */
    private void messyProject() throws IOException {
        for (int f = 1001; f <= 1010; f++) {
            if (f == 1004) {
                continue;
            }
            frame("sh010", "v001", "sh010_v001." + f + ".png", png(f == 1008 ? 32 : 16, f == 1008 ? 24 : 12, f));
        }
        frame("sh010", "v001", "sh010_v001.01005.png", png(16, 12, 5));
        frame("sh010", "v001", "sh010_v001.1009.png", new byte[0]);
        byte[] full = png(16, 12, 10);
        frame("sh010", "v001", "sh010_v001.1010.png", Arrays.copyOf(full, full.length - 20));
        for (int f = 1; f <= 5; f++) {
            frame("sh010", "v002", "take_" + f + ".png", png(16, 12, f));
        }
        Path mira = Files.createDirectories(project.resolve("characters").resolve("mira"));
        Files.write(mira.resolve("front.png"), png(20, 20, 1));
    }

    @Test
    void importRecordsTheStructureAndReportsEveryProblemByPath() throws Exception {
        messyProject();
        try (ReviewStore store = ReviewStore.open(project)) {
            ImportReport report = new MediaImporter(store, OPTIONS).importProject();
            Map<String, Integer> counts = report.problemCounts();
            assertEquals(1, counts.get("gap"), report.problems().toString());
            assertEquals(1, counts.get("duplicate"), report.problems().toString());
            assertEquals(1, counts.get("mixed-resolution"), report.problems().toString());
            assertEquals(1, counts.get("zero-byte"), report.problems().toString());
            assertEquals(1, counts.get("truncated"), report.problems().toString());
            MediaProblem mixed = report.problems().stream()
                    .filter(p -> p.kind() == MediaProblem.Kind.MIXED_RESOLUTION).findFirst().orElseThrow();
            assertTrue(mixed.reason().contains("32x24 in frame 1008"), mixed.reason());
            MediaProblem truncated = report.problems().stream()
                    .filter(p -> p.kind() == MediaProblem.Kind.TRUNCATED).findFirst().orElseThrow();
            assertEquals("sh010_v001.1010.png", truncated.path().getFileName().toString());

            assertEquals(14, report.frames());
            assertEquals(2, report.unusableFrames());
            assertEquals(14, report.changes().added().size());

            Project loaded = store.loadProject().orElseThrow();
            assertEquals(2, loaded.shot("sh010").orElseThrow().variants().size());
            assertEquals(FrameRange.ofInclusive(1001, 1010),
                    loaded.shot("sh010").orElseThrow().variant("v001").orElseThrow().media().range());
            assertEquals(FrameRange.ofInclusive(1, 5),
                    loaded.shot("sh010").orElseThrow().variant("v002").orElseThrow().media().range());
            assertEquals("front", loaded.character("mira").orElseThrow().views().get(0).name());
            StoredFrame zero = store.storedFrames().get(new VariantKey("sh010", "v001")).get(1009L);
            assertEquals(Optional.of("zero-byte file"), zero.problem());
        }
    }

    @Test
    void decisionsAreCheckedAgainstTheImportedStructureAndUndecidedFramesSkipGaps() throws Exception {
        messyProject();
        try (ReviewStore store = ReviewStore.open(project)) {
            new MediaImporter(store, OPTIONS).importProject();
            StoreException unknown = assertThrows(StoreException.class, () -> store.record(DecisionRequest.frame(
                    "sh010", "v009", 1001, Verdict.APPROVE, "", "a", Role.LEAD, "p")));
            assertTrue(unknown.getMessage().contains("no variant sh010/v009"), unknown.getMessage());
            StoreException outside = assertThrows(StoreException.class, () -> store.record(DecisionRequest.range(
                    "sh010", "v001", 1005, 1020, Verdict.APPROVE, "", "a", Role.LEAD, "p")));
            assertTrue(outside.getMessage().contains("outside sh010/v001"), outside.getMessage());

            store.record(DecisionRequest.range("sh010", "v001", 1001, 1006, Verdict.APPROVE, "", "a", Role.LEAD, "p"));
            store.record(DecisionRequest.range("sh010", "v002", 1, 5, Verdict.REJECT, "", "a", Role.LEAD, "other"));
            Map<VariantKey, List<FrameRange>> undecided = store.undecidedFrames("p");
            assertEquals(List.of(FrameRange.ofInclusive(1007, 1010)), undecided.get(new VariantKey("sh010", "v001")));
            assertEquals(List.of(FrameRange.ofInclusive(1, 5)), undecided.get(new VariantKey("sh010", "v002")));
            assertFalse(store.undecidedFrames("other").containsKey(new VariantKey("sh010", "v002")));
        }
    }

    @Test
    void rescanFindsAddedRemovedAndChangedFramesAndDropsOnlyTheirCachedAnalyses() throws Exception {
        for (int f = 1; f <= 5; f++) {
            frame("sh020", "v001", "sh020.000" + f + ".png", png(16, 12, f));
        }
        try (ReviewStore store = ReviewStore.open(project)) {
            MediaImporter importer = new MediaImporter(store, OPTIONS);
            importer.importProject();
            NavigableMap<Long, StoredFrame> frames = store.storedFrames().get(new VariantKey("sh020", "v001"));
            Map<FileIdentity, String> cache = new java.util.HashMap<>();
            frames.values().forEach(f -> cache.put(f.identity(), "{\"frame\":" + f.frame() + "}"));
            store.putAnalyses(cache, "engine-1");

            Path dir = project.resolve("shots/sh020/v001");
            Files.write(dir.resolve("sh020.0002.png"), png(16, 12, 999));            // changed content
            Files.setLastModifiedTime(dir.resolve("sh020.0002.png"), FileTime.fromMillis(1_000_000L));
            Files.delete(dir.resolve("sh020.0003.png"));                              // removed
            Files.setLastModifiedTime(dir.resolve("sh020.0004.png"), FileTime.fromMillis(2_000_000L)); // touched only
            Files.write(dir.resolve("sh020.0006.png"), png(16, 12, 6));               // added

            ImportReport rescan = importer.importProject();
            assertEquals(List.of("shots/sh020/v001/sh020.0006.png"), rescan.changes().added());
            assertEquals(List.of("shots/sh020/v001/sh020.0003.png"), rescan.changes().removed());
            assertEquals(List.of("shots/sh020/v001/sh020.0002.png"), rescan.changes().changed());
            assertEquals(2, rescan.invalidatedAnalyses());

            NavigableMap<Long, StoredFrame> now = store.storedFrames().get(new VariantKey("sh020", "v001"));
            assertTrue(store.findAnalysis(now.get(1L).identity(), "engine-1").isPresent(), "unchanged frame lost its cache");
            assertTrue(store.findAnalysis(now.get(4L).identity(), "engine-1").isPresent(), "touched frame lost its cache");
            assertFalse(store.findAnalysis(now.get(2L).identity(), "engine-1").isPresent(), "changed frame kept its cache");
            assertEquals(3, store.cachedAnalysisCount());
        }
    }

    @Test
    void relinkFollowsMediaMovedToAnotherFolderAndKeepsCachedAnalyses(@TempDir Path otherDisk) throws Exception {
        for (int f = 1; f <= 3; f++) {
            frame("sh030", "v001", "sh030.000" + f + ".png", png(16, 12, f));
        }
        try (ReviewStore store = ReviewStore.open(project)) {
            MediaImporter importer = new MediaImporter(store, OPTIONS);
            importer.importProject();
            StoredFrame first = store.storedFrames().get(new VariantKey("sh030", "v001")).get(1L);
            store.putAnalysis(first.identity(), "engine-1", "{}");

            StoreException nothingThere = assertThrows(StoreException.class, () -> importer.relink(otherDisk));
            assertTrue(nothingThere.getMessage().contains("none of the 3 recorded frames"), nothingThere.getMessage());

            Files.move(project.resolve("shots"), otherDisk.resolve("shots"));
            ImportReport report = importer.relink(otherDisk);
            assertTrue(report.changes().isEmpty(), report.changes().toString());
            assertEquals(otherDisk.toAbsolutePath().normalize(), store.mediaRoot());
            Project loaded = store.loadProject().orElseThrow();
            Path file = ((dev.onmodel.core.model.ImageSequence) loaded.shots().get(0).variants().get(0).media())
                    .file(1).orElseThrow();
            assertTrue(file.startsWith(otherDisk), file.toString());
            assertTrue(store.findAnalysis(first.identity(), "engine-1").isPresent());
        }
    }

    @Test
    void importReportsProgressAndAnInterruptCancelsItBeforeAnythingIsRecorded() throws Exception {
        messyProject();
        try (ReviewStore store = ReviewStore.open(project)) {
            List<long[]> updates = new java.util.ArrayList<>();
            Thread.currentThread().interrupt();
            try {
                assertThrows(java.io.InterruptedIOException.class,
                        () -> new MediaImporter(store, OPTIONS).importProject((done, total) -> { }));
            } finally {
                Thread.interrupted();
            }
            assertFalse(store.hasStructure());
            new MediaImporter(store, OPTIONS).importProject((done, total) -> updates.add(new long[]{done, total}));
            assertEquals(2, updates.size());
            assertEquals(14, updates.get(1)[0]);
            assertEquals(14, updates.get(1)[1]);
        }
    }

    @Test
    void droppedFolderScanReportsFolderLinkLoopsAndGoesOn() throws Exception {
        Path drop = Files.createDirectories(project.resolve("drop/a"));
        Files.write(drop.resolve("x.0001.png"), png(8, 8, 1));
        Files.write(drop.resolve("x.0003.png"), png(8, 8, 3));
        Files.createSymbolicLink(drop.resolve("back"), project.resolve("drop"));
        ImportReport report = MediaImporter.scanFolder(project.resolve("drop"), OPTIONS);
        assertEquals(1, report.media().size(), report.media().toString());
        assertEquals(2, report.frames());
        assertEquals(1, report.problemCounts().get("symlink-loop"), report.problems().toString());
        assertEquals(1, report.problemCounts().get("gap"), report.problems().toString());
    }

    @Test
    void moviesWithoutFfmpegAreReportedWithTheInstallHintAndSequencesStillImport() throws Exception {
        frame("sh040", "v001", "take.mov", "not really a movie".getBytes());
        frame("sh040", "v002", "sh040.0001.png", png(8, 8, 1));
        try (ReviewStore store = ReviewStore.open(project)) {
            ImportReport report = new MediaImporter(store, OPTIONS).importProject();
            assertEquals(1, report.media().size());
            MediaProblem movie = report.problems().stream().filter(p -> p.kind() == MediaProblem.Kind.MOVIE)
                    .findFirst().orElseThrow();
            assertTrue(movie.reason().contains("install ffmpeg"), movie.reason());
        }
    }

    /** A movie's start timecode is recorded with the structure, so the edit lists built from the store keep it. */
    @Test
    void aMoviesStartTimecodeIsRecordedAndLoadedBack() throws Exception {
        Path movie = frame("sh050", "v001", "take.mov", "a movie the probe below describes".getBytes());
        ImportOptions options = ImportOptions.defaults().withMovieProbe(file -> new MovieMedia(file, 1001, 48,
                FrameRate.FPS_24, 64, 48, false, 86_400));
        try (ReviewStore store = ReviewStore.open(project)) {
            new MediaImporter(store, options).importProject();
        }
        try (ReviewStore store = ReviewStore.open(project)) {
            MovieMedia loaded = (MovieMedia) store.loadProject().orElseThrow().shot("sh050").orElseThrow()
                    .variants().get(0).media();
            assertEquals(movie.toRealPath(), loaded.file().toRealPath());
            assertEquals(86_400, loaded.sourceStart());
            assertEquals(1001, loaded.firstFrame());
        }
    }

    /**
     * A new movie take is numbered like its shot's image sequences; one imported before keeps the numbers it was
     * imported with, so the decisions recorded on its frames stay on them (here: a take imported while its shot held
     * movies only, numbered from 1, and a sequence take added to the shot later).
     */
    @Test
    void aMovieTakeKeepsTheFrameNumbersItWasImportedWith() throws Exception {
        frame("sh050", "v001", "take.mov", "a movie the probe below describes".getBytes());
        ImportOptions options = ImportOptions.defaults().withMovieProbe(file -> new MovieMedia(file, 1, 12,
                FrameRate.FPS_24, 64, 48, false));
        try (ReviewStore store = ReviewStore.open(project)) {
            new MediaImporter(store, options).importProject();
            store.record(DecisionRequest.frame("sh050", "v001", 3, Verdict.REJECT, "pop", "a", Role.LEAD, "p"));
        }
        for (int f = 1001; f <= 1012; f++) {
            frame("sh050", "v002", "sh050_v002." + f + ".png", png(16, 12, f));
        }
        frame("sh050", "v003", "other.mov", "a second movie take, new".getBytes());
        try (ReviewStore store = ReviewStore.open(project)) {
            new MediaImporter(store, options).importProject();
            Shot shot = store.loadProject().orElseThrow().shot("sh050").orElseThrow();
            assertEquals(FrameRange.ofInclusive(1, 12), shot.variant("v001").orElseThrow().media().range());
            assertEquals(FrameRange.ofInclusive(1001, 1012), shot.variant("v003").orElseThrow().media().range());
            assertEquals(Verdict.REJECT, store.effectiveDecision("sh050", "v001", 3).orElseThrow().verdict());
        }
        // What reads the folder rather than the store (the export) names the frames as the store does.
        Project fromFolder = new ProjectReader(options.movieProbe()).read(project).project();
        assertEquals(FrameRange.ofInclusive(1001, 1012),
                fromFolder.shot("sh050").orElseThrow().variant("v001").orElseThrow().media().range());
        assertEquals(FrameRange.ofInclusive(1, 12), MovieNumbering.asRecorded(fromFolder).shot("sh050").orElseThrow()
                .variant("v001").orElseThrow().media().range());
        // The same take imported into a new store is numbered like the shot's sequences.
        Files.delete(ProjectLayout.database(project));
        try (ReviewStore store = ReviewStore.open(project)) {
            new MediaImporter(store, options).importProject();
            assertEquals(FrameRange.ofInclusive(1001, 1012), store.loadProject().orElseThrow().shot("sh050")
                    .orElseThrow().variant("v001").orElseThrow().media().range());
        }
    }
}
