package dev.onmodel.core.project;

import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a project opened from its store would miss: new folders and frames, frames gone. */
class MediaChangesTest {

    @TempDir
    Path root;

    private void frames(String shot, String variant, int first, int last) throws IOException {
        Path folder = Files.createDirectories(root.resolve("shots").resolve(shot).resolve(variant));
        for (int frame = first; frame <= last; frame++) {
            Files.write(folder.resolve(shot + "_" + variant + "." + frame + ".png"), new byte[] {1});
        }
    }

    private Project imported() throws IOException {
        return new ProjectReader(MovieProbe.unavailable("not needed")).read(root).project();
    }

    @Test
    void nothingChangedSaysSo() throws IOException {
        frames("sh010", "v001", 1001, 1010);
        MediaChanges changes = MediaChanges.since(imported());
        assertFalse(changes.any());
        assertEquals("no change", changes.summary());
    }

    @Test
    void findsNewFramesNewFoldersAndMissingFrames() throws IOException {
        frames("sh010", "v001", 1001, 1010);
        frames("sh020", "v001", 1001, 1005);
        Project stored = imported();

        frames("sh010", "v001", 1011, 1012);                         // the render went on
        Files.delete(root.resolve("shots/sh010/v001/sh010_v001.1003.png"));
        frames("sh010", "v002", 1001, 1010);                         // a new take
        frames("sh030", "v001", 1001, 1004);                         // a new shot
        Files.createDirectories(root.resolve("shots/sh020/notes"));  // a folder without media is not a variant

        MediaChanges changes = MediaChanges.since(stored);
        assertTrue(changes.any());
        assertEquals(List.of("sh010/v002", "sh030"), changes.newFolders());
        assertEquals(2, changes.newFrames());
        assertEquals(1, changes.missingFrames());
        assertEquals("2 new folders (sh010/v002, sh030), 2 new frames, 1 frame missing", changes.summary());
        assertTrue(changes.examples().contains("sh010/v001 frame 1003 (missing)"), changes.examples().toString());
    }

    @Test
    void aVariantFolderRemovedCountsItsFramesMissing() throws IOException {
        frames("sh010", "v001", 1001, 1004);
        frames("sh010", "v002", 1001, 1004);
        Project stored = imported();
        for (int frame = 1001; frame <= 1004; frame++) {
            Files.delete(root.resolve("shots/sh010/v002/sh010_v002." + frame + ".png"));
        }
        Files.delete(root.resolve("shots/sh010/v002"));
        MediaChanges changes = MediaChanges.since(stored);
        assertEquals(4, changes.missingFrames());
        assertEquals(List.of(), changes.newFolders());
    }
}
