package dev.onmodel.app.settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where OnModel keeps per-user files: the generated sample project, preferences, recent projects, proxies.
 *
 * <p>{@code ONMODEL_HOME} (environment) or {@code -Donmodel.home=} overrides the platform default, which tests
 * and CI use to stay out of the real home folder.
 */
public final class UserDirectories {

    private UserDirectories() {
    }

    /** The per-user data folder (not created here). */
    public static Path dataHome() {
        String override = System.getProperty("onmodel.home", System.getenv("ONMODEL_HOME"));
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "OnModel");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "OnModel");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("onmodel");
    }

    /** The sample project opened by a bare {@code ./onmodel}. */
    public static Path sampleProject() {
        return dataHome().resolve("sample-project");
    }

    /** Preferences (reviewer, role, thresholds, keys, window layout, recent projects). */
    public static Path preferencesFile() {
        return dataHome().resolve("preferences.json");
    }
}
