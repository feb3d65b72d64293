package dev.onmodel.core.consistency;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The colour component: foreign colours count as far as they can have replaced missing sheet colours. */
class ColourComponentTest {

    private static CharacterAnalysis.ViewSignals signals(double precision, double recall, double adjacency) {
        return new CharacterAnalysis.ViewSignals("front", precision, recall, 0.5, 0, 0, Double.NaN, precision, recall,
                precision, recall, Double.NaN, adjacency);
    }

    @Property(tries = 60)
    void foreignColoursBeyondWhatReplacesTheMissingOnesCostNothing(
            @ForAll @DoubleRange(min = 0.0, max = 0.1) double missing,
            @ForAll @DoubleRange(min = 0.0, max = 0.5) double extra) {
        double counted = ScoreModel.FOREIGN_PER_MISSING * missing;
        double atLimit = ScoreModel.colourComponent(signals(1 - counted, 1 - missing, Double.NaN), 200);
        double beyond = ScoreModel.colourComponent(signals(Math.max(0, 1 - counted - extra), 1 - missing, Double.NaN),
                200);
        assertEquals(atLimit, beyond, 1e-9, "an occluder's colours beyond the limit");
    }

    @Property(tries = 60)
    void replacingSheetColoursLowersTheComponent(@ForAll @DoubleRange(min = 0.05, max = 0.5) double replaced) {
        double onModel = ScoreModel.colourComponent(signals(1, 1, Double.NaN), 200);
        double recoloured = ScoreModel.colourComponent(signals(1 - replaced, 1 - replaced, Double.NaN), 200);
        assertEquals(100, onModel, 1e-9);
        assertTrue(recoloured < onModel - 100 * replaced * 0.9, "recoloured " + recoloured);
    }

    /**
     * A part replaced by a foreign colour while its own colour is still worn elsewhere: the overall recall is whole,
     * the recall of the third the part is in is not, and the foreign colour counts as in place of a sheet colour.
     */
    @Property(tries = 60)
    void coloursMissingFromOneThirdMakeForeignColoursCount(
            @ForAll @DoubleRange(min = 0.05, max = 0.3) double missingInThird,
            @ForAll @DoubleRange(min = 0.02, max = 0.2) double foreign) {
        CharacterAnalysis.ViewSignals wholeThirds = new CharacterAnalysis.ViewSignals("front", 1 - foreign, 1, 0.5, 0,
                0, Double.NaN, 1 - foreign, 1, 1 - foreign, 1, Double.NaN, Double.NaN);
        CharacterAnalysis.ViewSignals partReplaced = new CharacterAnalysis.ViewSignals("front", 1 - foreign, 1, 0.5, 0,
                0, Double.NaN, 1 - foreign, 1, 1 - foreign, 1 - missingInThird, Double.NaN, Double.NaN);
        double beside = ScoreModel.colourComponent(wholeThirds, 200);
        double inPlace = ScoreModel.colourComponent(partReplaced, 200);
        assertEquals(missingInThird, ScoreModel.missing(partReplaced, 200), 1e-9);
        assertTrue(inPlace < beside - 1e-6, "in place " + inPlace + ", beside " + beside);
    }

    @Property(tries = 40)
    void colourAdjacencyOnlyLowersTheComponent(@ForAll @DoubleRange(min = 0, max = 1) double adjacency,
                                               @ForAll @DoubleRange(min = 0.5, max = 1) double recall) {
        double without = ScoreModel.colourComponent(signals(0.9, recall, Double.NaN), 150);
        double with = ScoreModel.colourComponent(signals(0.9, recall, adjacency), 150);
        assertTrue(with <= without + 1e-9);
        assertEquals(without * Math.pow(adjacency, ScoreModel.ADJACENCY_EXPONENT), with, 1e-9);
    }
}
