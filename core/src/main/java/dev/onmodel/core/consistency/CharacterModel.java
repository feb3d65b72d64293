package dev.onmodel.core.consistency;

import java.util.List;
import java.util.TreeSet;

/**
 * A character's sheet views prepared for scoring, plus what locating it in a frame needs: the colour model used for
 * back-projection and, per view, the tables the colour comparison reads.
 *
 * @param name         the character name
 * @param views        prepared views, in sheet order
 * @param colourModel  share of each colour bin over all views, lightly blurred over neighbouring bins so that
 *                     compression noise in frames still back-projects
 * @param support      the bins where {@code colourModel} is not zero, ascending: the only ones a frame's pixels can
 *                     be the character's in, so the back-projection visits only these
 * @param tables       per view (same order), its {@link ViewTables}
 * @param sheetColours every colour bin of any view's palette or band palette, ascending: the colours whose distance
 *                     to a frame's palette the colour recall asks for, so that it is computed once per frame for all
 *                     views
 */
record CharacterModel(String name, List<ViewModel> views, double[] colourModel, int[] support, List<ViewTables> tables,
                      int[] sheetColours) {

    static CharacterModel of(String name, List<ViewModel> views) {
        double[] mean = new double[ColourSpace.BINS];
        for (ViewModel view : views) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += view.histogram()[i] / views.size();
            }
        }
        double[] blurred = new double[ColourSpace.BINS];
        for (int bin = 0; bin < ColourSpace.BINS; bin++) {
            if (mean[bin] == 0) {
                continue;
            }
            int r = bin >> 8;
            int g = bin >> 4 & 15;
            int b = bin & 15;
            // Half the weight stays, half spreads over the 6 face neighbours in RGB.
            blurred[bin] += mean[bin] * 0.5;
            int[][] steps = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
            for (int[] s : steps) {
                int rr = r + s[0];
                int gg = g + s[1];
                int bb = b + s[2];
                if (rr >= 0 && rr < 16 && gg >= 0 && gg < 16 && bb >= 0 && bb < 16) {
                    blurred[rr << 8 | gg << 4 | bb] += mean[bin] * 0.5 / 6;
                }
            }
        }
        TreeSet<Integer> colours = new TreeSet<>();
        for (ViewModel view : views) {
            for (int c : view.palette()) {
                colours.add(c);
            }
            for (double[] band : view.bands()) {
                for (int c : ViewModel.paletteOf(band)) {
                    colours.add(c);
                }
            }
        }
        int[] sheetColours = colours.stream().mapToInt(Integer::intValue).toArray();
        List<ViewTables> tables = views.stream().map(v -> ViewTables.of(v, sheetColours)).toList();
        int[] support = java.util.stream.IntStream.range(0, ColourSpace.BINS).filter(c -> blurred[c] != 0).toArray();
        return new CharacterModel(name, List.copyOf(views), blurred, support, tables, sheetColours);
    }

}
