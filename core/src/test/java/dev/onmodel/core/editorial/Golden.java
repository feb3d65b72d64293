package dev.onmodel.core.editorial;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Golden files under {@code core/src/test/resources/golden/}. Run with {@code -Dgolden.update=true} to rewrite
 * them (then inspect the diff by eye against shared/nle/SPEC.md before committing).
 */
public final class Golden {

    private static final Path SOURCE_ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Path file = SOURCE_ROOT.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        var resource = Golden.class.getResource("/golden/" + name);
        assertNotNull(resource, "golden file golden/" + name + " is missing; generate it with -Dgolden.update=true");
        String expected;
        try (var in = resource.openStream()) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, "output differs from golden/" + name);
    }

    /** {@code ../shared/nle/<relative>} from the module folder; skips the test with a reason when absent. */
    public static Path shared(String relative) {
        // ../shared beside the repository (from the module folder); a worktree under wt/ sits one level deeper.
        Path file = Path.of("..", "..", "shared", "nle").resolve(relative);
        if (!Files.exists(file)) {
            file = Path.of("..", "..", "..", "shared", "nle").resolve(relative);
        }
        Assumptions.assumeTrue(Files.exists(file), "shared NLE material not found at " + file.toAbsolutePath()
                + " (it lives beside the repository as ../shared); skipping");
        return file;
    }
}
