package dev.onmodel.core.consistency;

/**
 * Turns measured signals into the 0-100 components, the score, its band and the explanation.
 *
 * <p>Colour leads; the silhouette's proportions against the sheet nudge the score by up to
 * {@link #PROPORTION_NUDGE} only, because pose and viewing direction change them legitimately (on the development set
 * 5% of on-model frames change by 0.58 in log area-over-height-squared) and so does occlusion. A stretch on a still is
 * caught by the anisotropy of the figure's detail instead ({@link ViewModel.Grain}), which pose and occlusion leave
 * alone. Inside a shot the proportions are compared with the shot's typical
 * figure instead, with a tight tolerance ({@link #SEQUENCE_TOLERANCE}). A frame that differs from both neighbours in
 * its sequence loses what its temporal component lacks below 60.
 */
final class ScoreModel {

    private ScoreModel() {
    }

    /**
     * Largest share of the score the silhouette's proportions against the sheet can take away. Before the detail
     * anisotropy caught stretches it was 10%; at 3% occluded frames (whose silhouette changes) are flagged less often
     * (dev set: false alarms on mirror/occlusion/scale 16% -> 12%) for the same pooled AUC.
     */
    private static final double PROPORTION_NUDGE = 0.03;

    /**
     * Change of the detail's anisotropy ({@link ViewModel.Grain}) that is still on model, in log units: beyond the
     * range the sheet's own views span, on-model frames of the development set stay within 0.08 in 95% of cases,
     * while a 1.3x stretch moves it by 0.26.
     */
    private static final double GRAIN_TOLERANCE = 0.1;
    /** Width of the fall-off beyond {@link #GRAIN_TOLERANCE}: a 1.3x stretch keeps about 60% of its shape match. */
    private static final double GRAIN_SIGMA = 0.15;

    /** Tolerance of the change of proportions against the shot's typical proportions, in log units. */
    private static final double SEQUENCE_TOLERANCE = 0.25;

    /**
     * @param typicalProportions the median log {@link CharacterAnalysis#fatness()} of this character over the batch
     *                           (the shot), or NaN
     * @param step               frame pixels per analysed pixel (the box is in frame pixels)
     */
    static CharacterScore score(CharacterAnalysis analysis, CharacterAnalysis previous, CharacterAnalysis next,
                                double typicalProportions, int step, ScoringSettings settings) {
        return score(analysis, previous, next, typicalProportions, step, settings, -1);
    }

    /**
     * @param previousFrame the number of the frame {@code previous} is, for the explanation of a sudden change; -1
     *                      when unknown
     */
    static CharacterScore score(CharacterAnalysis analysis, CharacterAnalysis previous, CharacterAnalysis next,
                                double typicalProportions, int step, ScoringSettings settings, long previousFrame) {
        double figureHeight = Math.max(1, analysis.figureHeight() / (double) Math.max(1, step));
        // The score takes the view that matches best; the view named to the reviewer is the one whose colours are in
        // the same places (per third of the figure: a back view has hair where a front view has a face).
        CharacterAnalysis.ViewSignals named = analysis.views().get(0);
        double bestStatic = -1;
        double bestColour = 0;
        double bestShape = 0;
        double bestNudge = 1;
        for (CharacterAnalysis.ViewSignals v : analysis.views()) {
            double colour = colourComponent(v, figureHeight);
            double shape = shapeComponent(v);
            double nudge = 1 - PROPORTION_NUDGE + PROPORTION_NUDGE * shape / 100;
            double candidate = colour * nudge;
            if (candidate > bestStatic) {
                bestStatic = candidate;
                bestColour = colour;
                bestShape = shape;
                bestNudge = nudge;
            }
            if (layout(v) > layout(named)) {
                named = v;
            }
        }
        String bestView = named.view();
        double grainChange = grainChange(analysis);
        double grainMatch = Math.exp(-0.5 * Math.pow(Math.max(0, grainChange - GRAIN_TOLERANCE) / GRAIN_SIGMA, 2));
        bestShape = Math.min(bestShape, 100 * grainMatch);
        double grainFactor = 0.5 + 0.5 * grainMatch;
        double sequenceFactor = 1;
        if (analysis.found() && !Double.isNaN(typicalProportions) && analysis.fatness() > 0) {
            // Within a shot the character keeps its proportions whatever its pose against the sheet, so a change
            // against the shot's typical figure is a much tighter test than a change against the sheet.
            double change = Math.abs(Math.log(analysis.fatness()) - typicalProportions);
            double f = Math.max(0, change - SEQUENCE_TOLERANCE) / SEQUENCE_TOLERANCE;
            bestShape = Math.min(bestShape, 100 * Math.exp(-0.5 * f * f));
            sequenceFactor = 1 - 0.5 * Math.max(0, Math.min(1, (change - SEQUENCE_TOLERANCE) / 0.35));
        }
        double temporal = Double.NaN;
        if (previous != null || next != null) {
            double before = previous == null ? -1 : similarity(analysis, previous);
            double after = next == null ? -1 : similarity(analysis, next);
            temporal = 100 * Math.max(before, after);
        }
        double staticScore = Math.max(0, bestStatic) * sequenceFactor * grainFactor;
        double score = staticScore;
        if (!Double.isNaN(temporal)) {
            score = Math.max(0, staticScore - Math.max(0, 60 - temporal));
        }
        score = Math.max(0, Math.min(100, score));
        Band band = settings.band(score);
        return new CharacterScore(analysis.character(), round(score), band, round(bestColour), round(bestShape),
                Double.isNaN(temporal) ? Double.NaN : round(temporal), bestView, analysis.box(),
                explain(analysis, band, bestView, bestColour / 100, bestNudge * sequenceFactor * grainFactor,
                        temporal, previousFrame));
    }

    /**
     * Smallest exponent of precision: foreign colours count a little even when every sheet colour is there.
     */
    private static final double PRECISION_FLOOR = 0.15;
    /** Exponent precision gains, on top of {@link #PRECISION_FLOOR}, once a sheet's colours go missing. */
    private static final double PRECISION_GAIN = 0.25;
    /**
     * Share of the sheet's colour mass missing at which precision has its full exponent, for a figure at least
     * {@link #SHARP_FIGURE_HEIGHT} analysed pixels tall. Smaller figures lose small parts (recall) and gain the
     * in-between colours of resampled borders (precision) without any defect, so the share grows in proportion to
     * how much smaller they are.
     */
    private static final double MISSING_FOR_FULL_PRECISION = 0.05;
    /**
     * Exponent of the colour adjacency ({@link ColourAdjacency}) in the colour component. Pose changes which parts
     * border which a little (an arm across the body), so the signature of an on-model frame matches its sheet only in
     * part (median about 0.7 on the development set); the small exponent keeps that from mattering while a figure whose
     * colours are arranged otherwise (another character of the same family) still loses a few points.
     */
    static final double ADJACENCY_EXPONENT = 0.1;

    /**
     * Most foreign colour share (1 - precision) that counts per missing share of the sheet's colours ({@link #missing}:
     * overall or in one third of the figure). On the development set the ratio of the two is about 0.85 in the median
     * for same-family impostors, 1.2 for recolours and 0.6 for hue drift, and about 1.5 for on-model and 1.7 for
     * occluded frames (background or an occluder caught in the figure while the character's colours are all there).
     * Limits of 1.5, 2, 2.5 and 3 give a pooled AUC of 0.972, 0.973, 0.974 and 0.974, 84.4%, 86.5%, 86.7% and 87.2%
     * caught, and 12, 13, 14 and 15 of 144 false alarms on mirrored, occluded and scaled frames.
     */
    static final double FOREIGN_PER_MISSING = 2;

    /** Figure height, in analysed (working-size) pixels, below which missing colours are forgiven proportionally. */
    private static final double SHARP_FIGURE_HEIGHT = 140;

    /**
     * Recall (the sheet's colours are all there) dominates; precision (no foreign colour) enters with a small
     * exponent that grows with the sheet's missing colours ({@link #missing}). Foreign colours beside all of the
     * sheet's colours are most often an occluding object or a prop in front of the character, which must not be
     * flagged; foreign colours in place of some sheet colours are a recoloured costume or another character. Recall is
     * the better of the whole figure's and the densest window of the character's colours: an occluder at the figure's
     * edge can pull the figure's extent (and its own colours' mass) away from the character, not the window.
     * The colour adjacency ({@link ColourAdjacency}: whether the colours border each other as in the view) takes a
     * few points more from a figure whose colours are arranged otherwise, such as another character of the same
     * family.
     *
     * @param figureHeight the located figure's height in analysed pixels
     */
    static double colourComponent(CharacterAnalysis.ViewSignals v, double figureHeight) {
        double forgiven = MISSING_FOR_FULL_PRECISION * Math.max(1, SHARP_FIGURE_HEIGHT / figureHeight);
        double missingShare = missing(v, figureHeight);
        double missing = Math.max(0, Math.min(1, missingShare / forgiven));
        double exponent = PRECISION_FLOOR + PRECISION_GAIN * missing;
        double adjacency = Double.isNaN(v.adjacency()) ? 1 : Math.max(0, v.adjacency());
        // Foreign colours in place of missing sheet colours (a recolour, another character) come in about the same
        // amount as the missing ones; far more foreign than missing is something in front of or beside the character
        // (an occluder, a prop), which must not be flagged: only up to FOREIGN_PER_MISSING times the missing share
        // counts.
        double foreign = Math.min(1 - v.colourPrecision(), FOREIGN_PER_MISSING * missingShare);
        return 100 * Math.pow(1 - foreign, exponent) * Math.max(v.colourRecall(), v.coreRecall())
                * Math.pow(adjacency, ADJACENCY_EXPONENT);
    }

    /**
     * Figure height, in analysed pixels, from which the missing share per third of the figure counts in full (each
     * third about 23 pixels tall); below, it counts in proportion to the height.
     */
    static final double THIRDS_RESOLVED_HEIGHT = 70;

    /**
     * The share of the view's colours missing from the figure: overall (1 - recall) or, when larger, per third of the
     * figure (1 - the thirds' average recall). A part replaced by another whose colour the character also wears
     * elsewhere (another character of the family with a green hat where this one has brown hair, the same brown as
     * its coat) leaves the overall recall whole, but not the recall of the third the part is in; so the foreign colour
     * that took its place counts as being in place of a sheet colour, not beside it. Thirds are horizontal bands, so
     * mirroring and scaling leave them alone. In a small figure a third is a few pixels tall and resampling takes its
     * small parts' colours without any defect, so the per-third share counts only in proportion to the figure's height
     * below {@link #THIRDS_RESOLVED_HEIGHT} (counted in full, 13 of the 413 clean frames of the half-size sample
     * project, figures about 30 pixels tall, fell into the check band; from 60, 70 or 80 pixels: 10, 7 or 6).
     *
     * @param figureHeight the located figure's height in analysed pixels
     */
    static double missing(CharacterAnalysis.ViewSignals v, double figureHeight) {
        double thirds = Math.min(1, figureHeight / THIRDS_RESOLVED_HEIGHT) * (1 - v.bandRecall());
        return Math.max(0, Math.max(1 - v.colourRecall(), thirds));
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
     * How far the frame's detail anisotropy lies outside the range spanned by the sheet's views (0 inside it): the
     * views show the character in several poses, and a pose in between should not count as a stretch.
     */
    static double grainChange(CharacterAnalysis analysis) {
        if (!analysis.found()) {
            return 0;
        }
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (CharacterAnalysis.ViewSignals v : analysis.views()) {
            if (!Double.isNaN(v.grainLogRatio())) {
                lowest = Math.min(lowest, v.grainLogRatio());
                highest = Math.max(highest, v.grainLogRatio());
            }
        }
        if (lowest > highest) {
            return 0;
        }
        // grainLogRatio is frame minus view: the frame lies outside the views' range when all differences share a sign.
        return Math.max(0, lowest) - Math.min(0, highest);
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

    /**
     * Names what cost the score most. The colour and proportion components are not on one scale (the proportions
     * against the sheet only nudge the score), so what is compared is how much each one took off: the colour component
     * as a factor, and the product of every proportion factor (the nudge, the detail's anisotropy, the shot's typical
     * proportions). A recoloured costume whose figure was only partly found may show odd proportions, but it is the
     * colour that lowered its score, and the colour is what the reviewer must be told about; so the colour is named
     * whenever its component is below {@link #COLOURS_OFF}.
     *
     * @param colourFactor the best view's colour component over 100
     * @param shapeFactor  the product of the proportion factors applied to the score (1 = no loss)
     * @param previousFrame the number of the frame before, named in a sudden change; -1 when unknown
     */
    static String explain(CharacterAnalysis analysis, Band band, String view, double colourFactor, double shapeFactor,
                          double temporal, long previousFrame) {
        if (!analysis.found()) {
            return "character not found: no colours of its sheets in the frame";
        }
        if (band == Band.OK) {
            return "on model (closest view '" + view + "')";
        }
        if (!Double.isNaN(temporal) && temporal < 60 && temporal < 100 * Math.min(colourFactor, shapeFactor)) {
            return previousFrame >= 0 ? "sudden change from frame " + previousFrame
                    : "sudden change against the neighbouring frames";
        }
        if (colourFactor < COLOURS_OFF || 1 - colourFactor >= 1 - shapeFactor) {
            return "costume colour differs from the '" + view + "' view" + whichColours(analysis, view);
        }
        return "proportions differ from the '" + view + "' view (stretched or squashed)";
    }

    /**
     * Which colours differ, for the reviewer's eye: ": dark red missing, teal found", the view's colour most missing
     * from the figure and the figure's colour least like the view's ({@link CharacterAnalysis.ViewSignals#missingColour},
     * {@link CharacterAnalysis.ViewSignals#foreignColour}); either alone when only one is marked; nothing when neither
     * is. "Found" rather than "instead": beside all of the character's colours, a foreign one is as often something in
     * front of it (the tree a figure stands half behind) as a recolour, and the reviewer sees which at a glance.
     */
    static String whichColours(CharacterAnalysis analysis, String view) {
        for (CharacterAnalysis.ViewSignals v : analysis.views()) {
            if (!v.view().equals(view)) {
                continue;
            }
            String missing = v.missingColour() < 0 ? null : ColourNames.of(v.missingColour());
            String foreign = v.foreignColour() < 0 ? null : ColourNames.of(v.foreignColour());
            if (missing != null && missing.equals(foreign)) {
                // Another shade of one named colour (a 4-bit bin apart): the names cannot tell them apart.
                return ": " + missing + " in another shade";
            }
            if (missing != null && foreign != null) {
                return ": " + missing + " missing, " + foreign + " found";
            }
            if (missing != null) {
                return ": " + missing + " missing";
            }
            if (foreign != null) {
                return ": " + foreign + " found";
            }
            return "";
        }
        return "";
    }

    /**
     * Colour component (over 100) below which the colour is named whatever the proportions took. Proportions are
     * measured on the figure found, and when its colours are this far off that figure is often only the part still in
     * the sheet's colours (a costume drift measured as the head): its proportions then say what was found, not how the
     * character is drawn, and within a shot they fall far from the shot's typical figure. On the development set 1 of
     * 48 stretched frames has a colour component this low, against 43 of 48 recolours and every hue drift.
     */
    static final double COLOURS_OFF = 0.85;

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
