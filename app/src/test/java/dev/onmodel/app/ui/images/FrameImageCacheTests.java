package dev.onmodel.app.ui.images;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;

/**
 * What tests of one {@link FrameImageCache} share: the JavaFX toolkit its images need (not a window), a folder for
 * the files it reads, and the cache shut down after each test.
 */
abstract class FrameImageCacheTests {

    @TempDir
    Path dir;

    /** The cache under test; a test makes it. */
    FrameImageCache cache;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopCache() {
        if (cache != null) {
            cache.shutdown();
        }
    }
}
