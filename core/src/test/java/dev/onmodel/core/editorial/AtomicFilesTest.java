package dev.onmodel.core.editorial;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AtomicFilesTest {

    @Test
    void newFileIsReadableByOthersNotOwnerOnlyLikeATempFile(@TempDir Path folder) throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class),
                "POSIX permissions only");
        Path target = folder.resolve("cut.edl");
        AtomicFiles.write(target, out -> out.write('x'));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void replacedFileKeepsItsPermissions(@TempDir Path folder) throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class),
                "POSIX permissions only");
        Path target = folder.resolve("cut.edl");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(target, out -> out.write('x'));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("x", Files.readString(target));
    }
}
