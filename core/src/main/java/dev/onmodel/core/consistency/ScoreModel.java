package dev.onmodel.core.consistency;

/**
 * Turns measured signals into the 0-100 components, the score, its band and the explanation.
 */
final class ScoreModel {

    private ScoreModel() {
    }

    /** Tolerance of the change of proportions against the shot's typical proportions, in log units. */
    private static final double SEQUENCE_TOLERANCE = 0.25;

    /**
     * @param typicalProportions the median log {@link CharacterAnalysis#fatness()} of this character over the batch
     *                           (the shot), or NaN
     */
    static CharacterScore score(CharacterAnalysis analysis, CharacterAnalysis previous, CharacterAnalysis next,
                                double typicalProportions, ScoringSettings settings) {
        // The view is chosen by where the colours are (per third of the figure: a back view has hair where a front
        // view has a face), and the proportions are compared with that view only: comparing with every view would
        // let a figure squashed thin pass as the narrower side view.
        CharacterAnalysis.ViewSignals chosen = analysis.views().get(0);
        double bestColour = 0;
        for (CharacterAnalysis.ViewSignals v : analysis.views()) {
            bestColour = Math.max(bestColour, colourComponent(v));
            if (layout(v) > layout(chosen)) {
                chosen = v;
            }
        }
        String bestView = chosen.view();
        double bestShape = shapeComponent(chosen);
        double bestFatness = chosen.fatnessLogRatio();
        if (analysis.found() && !Double.isNaN(typicalProportions) && analysis.fatness() > 0) {
            // Within a shot the character keeps its proportions whatever its pose against the sheet, so a change
            // against the shot's typical figure is a much tighter test than a change against the sheet.
            double change = Math.abs(Math.log(analysis.fatness()) - typicalProportions);
            double f = Math.max(0, change - SEQUENCE_TOLERANCE) / SEQUENCE_TOLERANCE;
            bestShape = Math.min(bestShape, 100 * Math.exp(-0.5 * f * f));
            bestFatness = Math.max(bestFatness, 0.7 + 2 * Math.max(0, change - SEQUENCE_TOLERANCE));
        }
        double temporal = Double.NaN;
        if (previous != null || next != null) {
            double before = previous == null ? -1 : similarity(analysis, previous);
            double after = next == null ? -1 : similarity(analysis, next);
            temporal = 100 * Math.max(before, after);
        }
        double staticScore = staticScore(bestColour, bestShape, bestFatness);
        double score = staticScore;
        if (!Double.isNaN(temporal)) {
            score = Math.max(0, staticScore - Math.max(0, 60 - temporal));
        }
        score = Math.max(0, Math.min(100, score));
        Band band = settings.band(score);
        return new CharacterScore(analysis.character(), round(score), band, round(bestColour), round(bestShape),
                Double.isNaN(temporal) ? Double.NaN : round(temporal), bestView, analysis.box(),
                explain(analysis, band, bestView, bestColour, bestShape, temporal));
    }

    /**
     * Recall (the sheet's colours are all there) dominates; precision (no foreign colour) enters with a small
     * exponent because an occluding object also brings foreign colours, and occlusion must not be flagged.
     */
    static double colourComponent(CharacterAnalysis.ViewSignals v) {
        return 100 * Math.pow(v.colourPrecision(), 0.25) * v.colourRecall();
    }

    /** How well the colours of each third of the figure match the same third of the view. */
    static double layout(CharacterAnalysis.ViewSignals v) {
        return Math.pow(v.bandPrecision(), 0.25) * v.bandRecall();
    }

    /** Gaussian in the log change of area over height squared; a 1.65x stretch scores about 60. */
    static double shapeComponent(CharacterAnalysis.ViewSignals v) {
        double f = v.fatnessLogRatio() / 0.5;
        return 100 * Math.exp(-0.5 * f * f);
    }

    /**
     * Colour leads. Proportions vary legitimately with pose and viewing direction, so the shape component only
     * nudges the score (up to 10%) until the change is large (see {@link #shapeFactor}); docs/consistency-scoring.md
     * has the measured trade-off.
     */
    static double staticScore(double colour, double shape, double fatnessLogRatio) {
        return colour * (0.9 + 0.1 * shape / 100) * shapeFactor(fatnessLogRatio);
    }

    /**
     * Proportions vary legitimately with pose, viewing direction and occlusion (on the development set the
     * 95th percentile of on-model frames is a change of 0.58 in log area-over-height-squared), so they lower the
     * score only beyond a change of 0.7 (about 2x), down to half the score at 1.4 (4x).
     */
    static double shapeFactor(double fatnessLogRatio) {
        return 1 - 0.5 * Math.max(0, Math.min(1, (fatnessLogRatio - 0.7) / 0.7));
    }

    /** Histogram intersection of the coarse colour signatures, lowered by a jump in size. */
    static double similarity(CharacterAnalysis a, CharacterAnalysis b) {
        if (!a.found() || !b.found()) {
            return a.found() == b.found() ? 1 : 0;
        }
        double sum = 0;
        for (int i = 0; i < a.signature().length; i++) {
            sum += Math.min(a.signature()[i], b.signature()[i]);
        }
        double sizeJump = Math.abs(Math.log(a.relativeHeight() / b.relativeHeight()));
        return sum * Math.exp(-sizeJump);
    }

    private static String explain(CharacterAnalysis analysis, Band band, String view, double colour, double shape,
                                  double temporal) {
        if (!analysis.found()) {
            return "character not found: no colours of its sheets in the frame";
        }
        if (band == Band.OK) {
            return "on model (closest view '" + view + "')";
        }
        if (!Double.isNaN(temporal) && temporal < 60 && temporal < Math.min(colour, shape)) {
            return "sudden change against the neighbouring frames";
        }
        if (colour <= shape) {
            return "colours differ from the '" + view + "' view";
        }
        return "proportions differ from the '" + view + "' view (stretched or squashed)";
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
