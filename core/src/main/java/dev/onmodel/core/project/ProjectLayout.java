package dev.onmodel.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The folder layout of a project. The folder is the project: copy it and you copied everything.
 *
 * <pre>
 * my-project/
 *   project.json                 optional: name, frame rate, cut order, cut lengths, cast per shot
 *   characters/&lt;name&gt;/*.png       approved sheet views (file name = view name: front.png, side.png, ...)
 *   shots/&lt;shot&gt;/&lt;variant&gt;/        image sequence (sh010_v002.1001.png ...) or one movie
 *   onmodel.db                   everything OnModel records (SQLite)
 *   ground-truth.json            only in generated sample projects: the injected defects
 * </pre>
 */
public final class ProjectLayout {

    public static final String PROJECT_FILE = "project.json";
    public static final String CHARACTERS_DIR = "characters";
    public static final String SHOTS_DIR = "shots";
    public static final String DATABASE_FILE = "onmodel.db";
    public static final String GROUND_TRUTH_FILE = "ground-truth.json";

    private ProjectLayout() {
    }

    public static Path projectFile(Path root) {
        return root.resolve(PROJECT_FILE);
    }

    /**
     * What tells one version of {@code project.json} from another without reading it: its size and modification
     * time, or {@code absent}. The import records it, so that opening a project sees that project.json was edited
     * since (a cast, the cut order) and imports again.
     */
    public static String settingsIdentity(Path root) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(projectFile(root), BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "absent";
        }
    }

    public static Path charactersDir(Path root) {
        return root.resolve(CHARACTERS_DIR);
    }

    public static Path shotsDir(Path root) {
        return root.resolve(SHOTS_DIR);
    }

    public static Path database(Path root) {
        return root.resolve(DATABASE_FILE);
    }

    /** True when {@code folder} looks like a project (has a shots or characters folder, or a project file). */
    public static boolean looksLikeProject(Path folder) {
        return java.nio.file.Files.isDirectory(shotsDir(folder))
                || java.nio.file.Files.isDirectory(charactersDir(folder))
                || java.nio.file.Files.isRegularFile(projectFile(folder));
    }
}
