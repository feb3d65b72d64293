package dev.onmodel.core.editorial.report;

import dev.onmodel.core.editorial.EditListBuilder;
import dev.onmodel.core.editorial.HeroChoice;
import dev.onmodel.core.editorial.ReviewFacts;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the decision CSV and the review report are written from: the project, its review facts, the hero each
 * shot would get (approved rules only: a report never promotes an unapproved variant) and the timecode style.
 *
 * @param project   the project, shots in cut order
 * @param facts     decisions, marks and scores
 * @param rate      the rate timecodes are shown at
 * @param dropFrame whether timecodes are drop-frame
 * @param heroes    per shot name, the approved hero or empty
 * @param warnings  problems met while choosing heroes
 */
public record ReviewSummary(Project project, ReviewFacts facts, FrameRate rate, boolean dropFrame,
                            Map<String, Optional<HeroChoice>> heroes, List<String> warnings) {

    public ReviewSummary {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(rate, "rate");
        heroes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(heroes));
        warnings = List.copyOf(warnings);
        if (dropFrame && !rate.supportsDropFrame()) {
            throw new IllegalArgumentException("drop-frame timecode does not exist at " + rate.displayName());
        }
    }

    /** Summarises {@code project} at {@code rate}. */
    public static ReviewSummary of(Project project, ReviewFacts facts, FrameRate rate, boolean dropFrame) {
        Map<String, Optional<HeroChoice>> heroes = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Shot shot : project.shots()) {
            heroes.put(shot.name(), EditListBuilder.approvedHero(shot, facts, warnings));
        }
        return new ReviewSummary(project, facts, rate, dropFrame, heroes, warnings);
    }

    /**
     * The source timecode of frame {@code frame} of a variant, as the viewer and the edit lists give it: an image
     * sequence's frame number is its source time (SPEC convention); a movie's frames count from its embedded start
     * timecode ({@link MovieMedia#sourceTimeOf}).
     */
    public String timecode(String shot, String variant, long frame) {
        long source = project.shot(shot).flatMap(s -> s.variant(variant)).map(Variant::media)
                .filter(MovieMedia.class::isInstance).map(media -> ((MovieMedia) media).sourceTimeOf(frame))
                .orElse(frame);
        return source < 0 ? "" : Timecode.format(source, rate, dropFrame);
    }
}
