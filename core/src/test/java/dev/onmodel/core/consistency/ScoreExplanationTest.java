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

    private static CharacterAnalysis.ViewSignals withColours(String view, int missing, int foreign) {
        return new CharacterAnalysis.ViewSignals(view, 0.8, 0.74, 0.5, 0, 0, Double.NaN, 0.8, 0.74, 0.8, 0.74,
                Double.NaN, Double.NaN, missing, foreign);
    }

    /** The colours the named view misses and the figure brings are named, by their bins' plain names. */
    @Test
    void theColoursThatDifferAreNamed() {
        CharacterAnalysis analysis = new CharacterAnalysis("mira", true, new Box(100, 100, 60, 160),
                List.of(withColours("front", 0xC12, 0x2AB), withColours("back", 0x235, -1)), new float[64], 0.4, 0.3,
                160);
        assertEquals("costume colour differs from the 'front' view: red missing, teal found",
                ScoreModel.explain(analysis, Band.OFF_MODEL, "front", 0.7, 1, Double.NaN, -1));
        assertEquals("costume colour differs from the 'back' view: dark blue missing",
                ScoreModel.explain(analysis, Band.OFF_MODEL, "back", 0.7, 1, Double.NaN, -1));
    }

    @Test
    void aForeignColourAloneIsNamedAsFound() {
        CharacterAnalysis analysis = found(withColours("front", -1, 0x2AB));
        assertEquals("costume colour differs from the 'front' view: teal found",
                ScoreModel.explain(analysis, Band.CHECK, "front", 0.8, 1, Double.NaN, -1));
    }

    @Test
    void twoShadesOfOneNamedColourAreSaidToBeAnotherShade() {
        CharacterAnalysis analysis = found(withColours("front", 0xC12, 0xE22));
        assertEquals("costume colour differs from the 'front' view: red in another shade",
                ScoreModel.explain(analysis, Band.CHECK, "front", 0.8, 1, Double.NaN, -1));
    }

    /** Names belong to the colour explanation only: proportions and sudden changes are not about a colour. */
    @Test
    void otherExplanationsNameNoColour() {
        CharacterAnalysis analysis = found(withColours("front", 0xC12, 0x2AB));
        assertEquals("proportions differ from the 'front' view (stretched or squashed)",
                ScoreModel.explain(analysis, Band.CHECK, "front", 0.95, 0.6, Double.NaN, -1));
        assertEquals("on model (closest view 'front')",
                ScoreModel.explain(analysis, Band.OK, "front", 0.95, 1, Double.NaN, -1));
    }
}
