package dev.onmodel.app.testing;

import dev.onmodel.app.session.CharacterBox;
import dev.onmodel.app.session.FrameScore;
import dev.onmodel.app.session.JsonFileReviewSession.FrameKey;
import dev.onmodel.app.session.ScoreBand;
import dev.onmodel.app.session.ScoreComponent;
import dev.onmodel.core.model.SheetView;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Scores the test double "finds" in a {@link TinyProjects} project: every frame 95 except a few planted problems, so
 * tests know exactly which frames {@code .} must visit.
 */
public final class ScriptedScores {

    /** sh010/v001: frames 1004 (off-model, 41) and 1009 (check, 72) are flagged; the rest score 95. */
    public static final Map<Long, Integer> SH010_V001 = Map.of(1004L, 41, 1009L, 72);
    /** sh010/v002: frame 1006 is off-model (38). */
    public static final Map<Long, Integer> SH010_V002 = Map.of(1006L, 38);

    private ScriptedScores() {
    }

    /** The scorer for a tiny project rooted at {@code root}. */
    public static Function<FrameKey, Optional<FrameScore>> forTinyProject(Path root) {
        SheetView front = new SheetView("front", root.resolve("characters/hero/front.png"));
        return key -> {
            Map<Long, Integer> planted = key.shot().equals("sh010")
                    ? key.variant().equals("v001") ? SH010_V001 : SH010_V002 : Map.of();
            int score = planted.getOrDefault(key.frame(), 95);
            ScoreBand band = ScoreBand.of(score, 80, 60);
            String explanation = score < 60 ? "hue of the jacket shifted 31\u00b0 from the sheet"
                    : score < 80 ? "silhouette slightly wider than the sheet" : "matches the sheet";
            return Optional.of(new FrameScore(key.shot(), key.variant(), key.frame(), score, band,
                    List.of(new ScoreComponent("shape", Math.min(100, score + 6)),
                            new ScoreComponent("colour", Math.max(0, score - 4))),
                    Optional.of("hero"), Optional.of(front), Optional.of(new CharacterBox(40, 30, 120, 110)),
                    explanation));
        };
    }
}
