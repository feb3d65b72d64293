package dev.onmodel.core.consistency;

import java.util.List;

/**
 * What the analysis measured for one character in one frame, before scoring: the raw signals, kept so that
 * results can be cached (serialised as JSON) and re-scored with other thresholds without decoding again.
 *
 * @param character      the character name
 * @param found          false when no pixel of the frame resembles the character's colours
 * @param box            where the character was found, in frame pixels: the measured figure's box, or, when its
 *                       colours are off, that box joined to the whole figure grown around it over what is not backdrop
 *                       ({@link FigureSurroundings}), so that a reviewer is shown the whole drifted figure
 * @param views          per sheet view, the signals measured against it, in sheet order
 * @param signature      the found pixels' colours on 64 coarse bins (2 bits per channel, sums to 1): compared
 *                       between neighbouring frames for the temporal component
 * @param relativeHeight the box height over the frame height
 * @param fatness        the found figure's area over its height squared (NaN when not found): compared with the
 *                       typical value over the batch (the shot) to catch a run of stretched or squashed frames
 * @param figureHeight   the measured figure's height in frame pixels (the height of {@code box} before it was
 *                       joined to its surroundings): what the signals were measured on, and what the score's allowance
 *                       for small figures depends on
 */
public record CharacterAnalysis(String character, boolean found, Box box, List<ViewSignals> views, float[] signature,
                                double relativeHeight, double fatness, int figureHeight) {

    public CharacterAnalysis {
        views = List.copyOf(views);
    }

    /**
     * The signals measured against one sheet view. All are 0..1 similarities except the log ratios. The score uses
     * colour precision and recall, the band signals (to name the view) and the fatness ratio; the others are kept for
     * diagnosis ({@code onmodel eval --signals}) and cost little to measure.
     *
     * @param view            the view name
     * @param colourPrecision share of the found pixels whose colour is close (CIELAB) to one of the view's colours
     * @param colourRecall    share of the view's pixels whose colour is present among the found pixels
     * @param colourOverlap   histogram intersection of the found pixels and the view on coarse colour bins:
     *                        sensitive to proportions (a costume part recoloured)
     * @param fatnessLogRatio |log| of (found area / height squared) over the view's: stretch or squash
     * @param spreadLogRatio  |log| of (horizontal / vertical spread) over the view's
     * @param partStretch     signed log of the median change of the colour parts' horizontal/vertical spread ratio
     *                        ({@link PartMoments}); NaN when too few parts compare
     * @param corePrecision   colour precision over the densest window of the character's colours only (an
     *                        occluding object beside the character mostly falls outside it)
     * @param coreRecall      colour recall over that window
     * @param bandPrecision   colour precision per third of the figure (top, middle, bottom) against the same third
     *                        of the view, averaged: where the colours are, not only which
     * @param bandRecall      colour recall per third, averaged
     * @param grainLogRatio   signed change of {@link ViewModel.Grain#logRatio()} against the view (positive: detail
     *                        finer across than in the view, i.e. squashed horizontally or stretched vertically); NaN
     *                        when either side had too little detail to tell
     * @param adjacency       intersection of the {@link ColourAdjacency} signatures of the figure's pixels of the
     *                        character's own colours and of the view: whether its colours border each other as in the
     *                        view
     * @param missingColour   the colour bin of the view's colour most missing from the figure (its share of the view
     *                        times how far the nearest found colour is), or -1 when none misses enough to name: what
     *                        the explanation tells the reviewer is gone
     * @param foreignColour   the colour bin of the figure's colour least like the view's (its share of the figure times
     *                        how far it is from the view's colours), or -1 when none is foreign enough to name
     */
    public record ViewSignals(String view, double colourPrecision, double colourRecall, double colourOverlap,
                              double fatnessLogRatio, double spreadLogRatio, double partStretch,
                              double corePrecision, double coreRecall, double bandPrecision,
                              double bandRecall, double grainLogRatio, double adjacency, int missingColour,
                              int foreignColour) {

        /** These signals with other colours to name ({@link #missingColour}, {@link #foreignColour}). */
        public ViewSignals withNamedColours(int missing, int foreign) {
            return new ViewSignals(view, colourPrecision, colourRecall, colourOverlap, fatnessLogRatio, spreadLogRatio,
                    partStretch, corePrecision, coreRecall, bandPrecision, bandRecall, grainLogRatio, adjacency,
                    missing, foreign);
        }

        /** Signals with no colour to name (a character not found, or signals made up in tests). */
        public ViewSignals(String view, double colourPrecision, double colourRecall, double colourOverlap,
                           double fatnessLogRatio, double spreadLogRatio, double partStretch, double corePrecision,
                           double coreRecall, double bandPrecision, double bandRecall, double grainLogRatio,
                           double adjacency) {
            this(view, colourPrecision, colourRecall, colourOverlap, fatnessLogRatio, spreadLogRatio, partStretch,
                    corePrecision, coreRecall, bandPrecision, bandRecall, grainLogRatio, adjacency, -1, -1);
        }
    }
}
