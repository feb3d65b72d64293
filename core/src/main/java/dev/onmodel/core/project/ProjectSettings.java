package dev.onmodel.core.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The optional {@code project.json}: what the folder structure cannot say. Every field may be missing.
 *
 * @param name      project name (default: folder name)
 * @param frameRate edit rate as text ({@code 24}, {@code 24000/1001}); default 24
 * @param shots     shots in cut order with cut length, rate and cast; shots found on disk but not listed are
 *                  appended in name order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSettings(String name, String frameRate, List<ShotSettings> shots) {

    /** One shot's entry; {@code cutLength} null means "the length of its longest variant". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShotSettings(String name, Long cutLength, String frameRate, List<String> cast) {
    }
}
