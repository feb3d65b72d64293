package dev.onmodel.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.onmodel.core.consistency.ScoringSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the workstation remembers per user: who reviews in which role and pass, score thresholds, frame-cache size,
 * key overrides, window layout and recent projects. Written as JSON by {@link PreferencesStore}; unknown fields of
 * newer versions are ignored, missing ones take defaults.
 *
 * @param schema              always {@value #SCHEMA}, so the file says what it is
 * @param version             schema version, {@value #VERSION}
 * @param reviewer            reviewer name; empty until chosen at first start
 * @param role                role word ({@code animator}, {@code director}...)
 * @param pass                the review pass new decisions go into
 * @param checkBelow          scores below this are flagged "check" and walked by {@code .} / {@code ,} (default 85, the engine's own band)
 * @param offModelBelow       scores below this are "off-model" (default 65)
 * @param frameCacheMegabytes memory for decoded frames (default 1024; 1080p RGBA is ~8 MB a frame)
 * @param keys                action id to key combination ({@code "approve": "A"}), overriding the defaults
 * @param window              window position, size and dividers
 * @param recentProjects      most recent first, at most {@value #MAX_RECENT}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preferences(String schema, int version, String reviewer, String role, String pass, int checkBelow,
                          int offModelBelow, int frameCacheMegabytes, Map<String, String> keys, WindowLayout window,
                          List<String> recentProjects) {

    public static final String SCHEMA = "onmodel.preferences";
    public static final int VERSION = 1;
    public static final int MAX_RECENT = 10;

    public Preferences {
        schema = SCHEMA;
        version = VERSION;
        reviewer = reviewer == null ? "" : reviewer.strip();
        role = role == null || role.isBlank() ? "animator" : role;
        pass = pass == null || pass.isBlank() ? "pass 1" : pass;
        checkBelow = checkBelow <= 0 ? 85 : Math.min(100, checkBelow);
        offModelBelow = offModelBelow <= 0 ? 65 : Math.min(checkBelow, offModelBelow);
        frameCacheMegabytes = frameCacheMegabytes <= 0 ? 1024 : Math.max(64, frameCacheMegabytes);
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        window = window == null ? WindowLayout.defaults() : window;
        recentProjects = recentProjects == null ? List.of()
                : List.copyOf(recentProjects.subList(0, Math.min(MAX_RECENT, recentProjects.size())));
    }

    public static Preferences defaults() {
        return new Preferences(SCHEMA, VERSION, "", "animator", "pass 1", 85, 65, 1024, Map.of(),
                WindowLayout.defaults(), List.of());
    }

    public Preferences withReviewer(String name, String roleWord) {
        return new Preferences(schema, version, name, roleWord, pass, checkBelow, offModelBelow, frameCacheMegabytes,
                keys, window, recentProjects);
    }

    public Preferences withPass(String passName) {
        return new Preferences(schema, version, reviewer, role, passName, checkBelow, offModelBelow,
                frameCacheMegabytes, keys, window, recentProjects);
    }

    public Preferences withThresholds(int check, int offModel) {
        return new Preferences(schema, version, reviewer, role, pass, check, offModel, frameCacheMegabytes, keys,
                window, recentProjects);
    }

    /**
     * The score bands the window shows, {@code {checkBelow, offModelBelow}}: the project's when its project.json sets
     * thresholds (one standard for every reviewer and pipeline on the show), else this reviewer's.
     *
     * @param project the project's scoring settings when project.json sets thresholds, else empty
     */
    public int[] bandsFor(Optional<ScoringSettings> project) {
        return project.map(settings -> new int[] {(int) settings.okThreshold(), (int) settings.offModelThreshold()})
                .orElse(new int[] {checkBelow, offModelBelow});
    }

    public Preferences withFrameCacheMegabytes(int megabytes) {
        return new Preferences(schema, version, reviewer, role, pass, checkBelow, offModelBelow, megabytes, keys,
                window, recentProjects);
    }

    public Preferences withKeys(Map<String, String> overrides) {
        return new Preferences(schema, version, reviewer, role, pass, checkBelow, offModelBelow, frameCacheMegabytes,
                new LinkedHashMap<>(overrides), window, recentProjects);
    }

    public Preferences withWindow(WindowLayout layout) {
        return new Preferences(schema, version, reviewer, role, pass, checkBelow, offModelBelow, frameCacheMegabytes,
                keys, layout, recentProjects);
    }

    /** Puts {@code project} first in the recent list (once), dropping the oldest beyond {@value #MAX_RECENT}. */
    public Preferences withRecentProject(String project) {
        List<String> recent = new ArrayList<>(recentProjects);
        recent.remove(project);
        recent.add(0, project);
        return new Preferences(schema, version, reviewer, role, pass, checkBelow, offModelBelow, frameCacheMegabytes,
                keys, window, recent);
    }

    /** True once a reviewer name was chosen. */
    public boolean hasReviewer() {
        return !reviewer.isEmpty();
    }
}
