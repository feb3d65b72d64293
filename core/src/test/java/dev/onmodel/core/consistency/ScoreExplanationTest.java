package dev.onmodel.core.consistency;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explanation names what took most off the score, whatever scale the components are on. */
class ScoreExplanationTest {

    private static CharacterAnalysis found(CharacterAnalysis.ViewSignals view) {
        return new CharacterAnalysis("mira", true, new Box(100, 100, 60, 160), List.of(view), new float[64], 0.4, 0.3, 160);
    }

    private static CharacterAnalysis.ViewSignals signals(double precision, double recall, double fatnessLogRatio) {
        return new CharacterAnalysis.ViewSignals("front", precision, recall, 0.5, fatnessLogRatio, 0, Double.NaN,
                precision, recall, precision, recall, Double.NaN, Double.NaN);
    }

    /**
     * Costume drift where only the head kept its colours (sample project sh010/v002 frame 1021): the figure found is
     * the head, so its proportions are far from the sheet's and the shape component is low, but the proportions only
     * nudge the score; the colour took the points off, and the colour is what the reviewer must read.
     */
    @Test
    void costumeDriftWithAPartlyFoundFigureIsExplainedAsColour() {
        CharacterScore score = ScoreModel.score(found(signals(0.8, 0.74, 0.9)), null, null, Double.NaN, 1,
                ScoringSettings.defaults());
        assertTrue(score.shape() < score.colour(), "the shape component is the lower number: " + score);
        assertTrue(score.band() != Band.OK, score.toString());
        assertEquals("costume colour differs from the 'front' view", score.explanation());
    }

    @Test
    void aStretchWithTheRightColoursIsExplainedAsProportions() {
        // Within a shot whose typical figure is much slimmer, the sequence factor takes the points off.
        CharacterScore score = ScoreModel.score(found(signals(0.97, 0.99, 0.05)), null, null, Math.log(0.3) - 0.8, 1,
                ScoringSettings.defaults());
        assertTrue(score.band() != Band.OK, score.toString());
        assertEquals("proportions differ from the 'front' view (stretched or squashed)", score.explanation());
    }

    /**
     * The same drift scored within its shot (sample project sh010/v002 frame 1026 in the workstation): the head found
     * alone is far from the shot's typical figure, so the shot's proportions take more off than the colour does; the
     * colour is still what is named, because it is off and the proportions were measured on the part found.
     */
    @Test
    void aCostumeDriftWithinItsShotIsExplainedAsColourThoughItsProportionsTookMore() {
        CharacterScore score = ScoreModel.score(found(signals(0.8, 0.74, 0.9)), null, null, Math.log(0.3) - 0.8, 1,
                ScoringSettings.defaults());
        assertTrue(score.band() == Band.OFF_MODEL, score.toString());
        assertEquals("costume colour differs from the 'front' view", score.explanation());
        String shapeTookMore = ScoreModel.explain(found(signals(0.8, 0.74, 0.9)), Band.OFF_MODEL, "front", 0.74, 0.5,
                Double.NaN, -1);
        assertEquals("costume colour differs from the 'front' view", shapeTookMore);
    }

    @Property(tries = 60)
    void belowColoursOffTheColourIsNamed(@ForAll @DoubleRange(min = 0.2, max = 0.84) double colourFactor,
                                         @ForAll @DoubleRange(min = 0.1, max = 1) double shapeFactor) {
        assertEquals("costume colour differs from the 'front' view", ScoreModel.explain(found(signals(0.9, 0.9, 0)),
                Band.CHECK, "front", colourFactor, shapeFactor, Double.NaN, -1));
    }

    @Property(tries = 60)
    void theLargerLossIsNamed(@ForAll @DoubleRange(min = 0.85, max = 1) double colourFactor,
                              @ForAll @DoubleRange(min = 0.2, max = 1) double shapeFactor) {
        String explanation = ScoreModel.explain(found(signals(0.9, 0.9, 0)), Band.CHECK, "front", colourFactor,
                shapeFactor, Double.NaN, -1);
        if (colourFactor < shapeFactor) {
            assertEquals("costume colour differs from the 'front' view", explanation);
        } else if (colourFactor > shapeFactor) {
            assertTrue(explanation.startsWith("proportions differ"), explanation);
        }
    }

    @Test
    void aFrameUnlikeBothNeighboursIsASuddenChange() {
        assertEquals("sudden change against the neighbouring frames", ScoreModel.explain(found(signals(0.9, 0.9, 0)),
                Band.OFF_MODEL, "front", 0.8, 0.95, 30, -1));
        assertEquals("sudden change from frame 1011", ScoreModel.explain(found(signals(0.9, 0.9, 0)),
                Band.OFF_MODEL, "front", 0.8, 0.95, 30, 1011));
    }
}
