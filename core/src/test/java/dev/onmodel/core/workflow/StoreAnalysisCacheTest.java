package dev.onmodel.core.workflow;

import dev.onmodel.core.consistency.AnalysisCache;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.store.ImportOptions;
import dev.onmodel.core.store.MediaImporter;
import dev.onmodel.core.store.ReviewStore;
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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The store-backed analysis cache: trusts imported identities by stat, digests only what differs. */
class StoreAnalysisCacheTest {

    private static final String ENGINE = "engine-1|mira";

    @TempDir
    Path project;

    private static byte[] png(int seed) throws IOException {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF000000 | seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Path frame(int f) {
        return project.resolve("shots/sh010/v001/sh010_v001." + f + ".png");
    }

    private AnalysisCache.Key key(int f, String engine) throws IOException {
        Path file = frame(f);
        return new AnalysisCache.Key("shots/sh010/v001/sh010_v001." + f + ".png", Files.size(file),
                Files.getLastModifiedTime(file).toMillis(), engine);
    }

    private ReviewStore importedStore() throws Exception {
        Files.createDirectories(frame(1001).getParent());
        for (int f = 1001; f <= 1004; f++) {
            Files.write(frame(f), png(f));
        }
        ReviewStore store = ReviewStore.open(project);
        new MediaImporter(store, ImportOptions.defaults().withMovieProbe(MovieProbe.unavailable("no ffmpeg")))
                .importProject();
        return store;
    }

    @Test
    void unchangedImportedFramesHitWithoutBeingDigested() throws Exception {
        try (ReviewStore store = importedStore()) {
            StoreAnalysisCache first = StoreAnalysisCache.open(store, project);
            for (int f = 1001; f <= 1004; f++) {
                assertEquals(Optional.empty(), first.get(key(f, ENGINE)));
                first.put(key(f, ENGINE), "{\"frame\":" + f + "}");
            }
            first.flush();
            assertEquals(0, first.digestedFiles());
            assertEquals(4, store.cachedAnalysisCount());

            StoreAnalysisCache second = StoreAnalysisCache.open(store, project);
            for (int f = 1001; f <= 1004; f++) {
                assertEquals(Optional.of("{\"frame\":" + f + "}"), second.get(key(f, ENGINE)));
            }
            assertEquals(Optional.empty(), second.get(key(1001, "engine-2|mira")), "another engine must miss");
            assertEquals(0, second.digestedFiles());
        }
    }

    @Test
    void identityIsTakenFromTheImportWhenSizeAndTimeMatchSoOnlyDifferingFilesAreRead() throws Exception {
        try (ReviewStore store = importedStore()) {
            StoreAnalysisCache first = StoreAnalysisCache.open(store, project);
            for (int f = 1001; f <= 1004; f++) {
                first.put(key(f, ENGINE), "{\"frame\":" + f + "}");
            }
            first.flush();

            // Touched only: mtime differs, so it is digested, and the same content still hits.
            Files.setLastModifiedTime(frame(1002), FileTime.fromMillis(2_000_000L));
            // New content: digested, misses.
            Files.write(frame(1003), png(999));
            Files.setLastModifiedTime(frame(1003), FileTime.fromMillis(3_000_000L));
            // Content swapped behind the same size and mtime: trusted by stat, as documented (not read).
            FileTime time = Files.getLastModifiedTime(frame(1004));
            byte[] bytes = Files.readAllBytes(frame(1004));
            bytes[bytes.length - 13] ^= 1;
            Files.write(frame(1004), bytes);
            Files.setLastModifiedTime(frame(1004), time);

            StoreAnalysisCache second = StoreAnalysisCache.open(store, project);
            assertEquals(Optional.of("{\"frame\":1001}"), second.get(key(1001, ENGINE)));
            assertEquals(Optional.of("{\"frame\":1002}"), second.get(key(1002, ENGINE)));
            assertEquals(Optional.empty(), second.get(key(1003, ENGINE)));
            assertEquals(Optional.of("{\"frame\":1004}"), second.get(key(1004, ENGINE)));
            assertEquals(2, second.digestedFiles());
        }
    }

    @Test
    void framesNeverImportedAreDigestedAndCachedByContent() throws Exception {
        try (ReviewStore store = importedStore()) {
            Files.write(frame(1005), png(1005));
            StoreAnalysisCache first = StoreAnalysisCache.open(store, project);
            assertEquals(Optional.empty(), first.get(key(1005, ENGINE)));
            first.put(key(1005, ENGINE), "{\"frame\":1005}");
            first.flush();
            assertEquals(1, first.digestedFiles(), "the identity worked out by get is reused by put");

            StoreAnalysisCache second = StoreAnalysisCache.open(store, project);
            assertEquals(Optional.of("{\"frame\":1005}"), second.get(key(1005, ENGINE)));
            Files.write(frame(1005), png(4242));
            StoreAnalysisCache third = StoreAnalysisCache.open(store, project);
            assertEquals(Optional.empty(), third.get(key(1005, ENGINE)));
        }
    }

    /**
     * A movie's frames ({@code BatchScorer} keys them {@code movie#frame}) each have their entry, under the movie
     * file's identity: the movie is digested once per run, and a changed movie hits for no frame.
     */
    @Test
    void movieFramesAreCachedEachUnderTheMovieFilesIdentity() throws Exception {
        try (ReviewStore store = importedStore()) {
            Path movie = project.resolve("shots/sh010/v002/sh010_v002.mkv");
            Files.createDirectories(movie.getParent());
            Files.write(movie, new byte[] {1, 2, 3, 4});
            java.util.function.IntFunction<AnalysisCache.Key> frameKey = f -> {
                try {
                    return new AnalysisCache.Key("shots/sh010/v002/sh010_v002.mkv#" + f, Files.size(movie),
                            Files.getLastModifiedTime(movie).toMillis(), ENGINE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            StoreAnalysisCache first = StoreAnalysisCache.open(store, project);
            for (int f = 1; f <= 3; f++) {
                assertEquals(Optional.empty(), first.get(frameKey.apply(f)));
                first.put(frameKey.apply(f), "{\"frame\":" + f + "}");
            }
            first.flush();
            assertEquals(1, first.digestedFiles(), "the movie is digested once, not once per frame");

            StoreAnalysisCache second = StoreAnalysisCache.open(store, project);
            assertEquals(Optional.of("{\"frame\":2}"), second.get(frameKey.apply(2)));
            assertEquals(Optional.of("{\"frame\":3}"), second.get(frameKey.apply(3)));
            assertEquals(0, second.digestedFiles(), "an unchanged movie's cached frames need no digest");
            assertEquals(Optional.empty(), second.get(frameKey.apply(4)), "a frame never analysed");
            Files.write(movie, new byte[] {9, 9, 9, 9, 9});
            StoreAnalysisCache third = StoreAnalysisCache.open(store, project);
            assertEquals(Optional.empty(), third.get(frameKey.apply(2)), "the movie changed");
        }
    }

    /** The import digested the movie: its first scoring trusts that record instead of reading the file again. */
    @Test
    void anImportedMovieIsNotDigestedAgainByItsFirstScoring() throws Exception {
        Path movie = project.resolve("shots/sh020/v001/take.mkv");
        Files.createDirectories(movie.getParent());
        Files.write(movie, new byte[] {1, 2, 3, 4, 5, 6});
        try (ReviewStore store = ReviewStore.open(project)) {
            new MediaImporter(store, ImportOptions.defaults().withMovieProbe(file -> new MovieMedia(file, 1, 3,
                    FrameRate.FPS_24, 64, 48, false))).importProject();
            AnalysisCache.Key frame = new AnalysisCache.Key("shots/sh020/v001/take.mkv#2", Files.size(movie),
                    Files.getLastModifiedTime(movie).toMillis(), ENGINE);
            StoreAnalysisCache first = StoreAnalysisCache.open(store, project);
            assertEquals(Optional.empty(), first.get(frame));
            first.put(frame, "{\"frame\":2}");
            first.flush();
            assertEquals(0, first.digestedFiles(), "the imported digest stands while size and time match");

            Files.write(movie, new byte[] {9, 9, 9, 9, 9, 9});
            Files.setLastModifiedTime(movie, FileTime.fromMillis(Files.getLastModifiedTime(movie).toMillis() + 5000));
            AnalysisCache.Key changed = new AnalysisCache.Key("shots/sh020/v001/take.mkv#2", Files.size(movie),
                    Files.getLastModifiedTime(movie).toMillis(), ENGINE);
            StoreAnalysisCache second = StoreAnalysisCache.open(store, project);
            assertEquals(Optional.empty(), second.get(changed), "a changed movie must not hit");
            assertEquals(1, second.digestedFiles());
        }
    }

    @Test
    void manyAnalysesAreWrittenInBatchesAndAllKept() throws Exception {
        try (ReviewStore store = importedStore()) {
            StoreAnalysisCache cache = StoreAnalysisCache.open(store, project);
            int n = StoreAnalysisCache.BATCH * 2 + 7;
            for (int i = 0; i < n; i++) {
                // Engine versions differ per cast: a batch may hold several.
                cache.put(key(1001 + i % 4, "engine-1|cast" + i), "{\"i\":" + i + "}");
            }
            assertEquals(StoreAnalysisCache.BATCH * 2, store.cachedAnalysisCount(), "full batches written as they fill");
            cache.flush();
            assertEquals(n, store.cachedAnalysisCount());
        }
    }
}
