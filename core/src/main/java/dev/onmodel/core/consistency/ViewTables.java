package dev.onmodel.core.consistency;

/**
 * Per sheet view, what comparing a frame's colours with it needs, computed once when the sheet is loaded instead of
 * for every frame (they depend on the view alone).
 *
 * @param closeness        per colour bin, {@link FrameAnalyzer#closeness} of its distance to the view's nearest palette
 *                         colour: the colour precision is the found colours' shares weighted by it
 * @param bandCloseness    the same per third of the silhouette, against that third's palette
 * @param bandPalettes     the palette of each third ({@link ViewModel#paletteOf} of {@link ViewModel#bands()})
 * @param coarseHistogram  the view's histogram on the 512 coarse bins of {@link FrameAnalyzer#coarseHistogram}
 * @param paletteSlots     for each colour of the view's palette, its index in {@link CharacterModel#sheetColours()}
 * @param bandPaletteSlots the same for each third's palette
 */
record ViewTables(double[] closeness, double[][] bandCloseness, int[][] bandPalettes, double[] coarseHistogram,
                  int[] paletteSlots, int[][] bandPaletteSlots) {

    static ViewTables of(ViewModel view, int[] sheetColours) {
        double[] closeness = closenessTable(ViewModel.distanceToPalette(view.palette()));
        double[][] bandCloseness = new double[ViewModel.BANDS][];
        int[][] bandPalettes = new int[ViewModel.BANDS][];
        int[][] bandSlots = new int[ViewModel.BANDS][];
        for (int b = 0; b < ViewModel.BANDS; b++) {
            bandCloseness[b] = closenessTable(view.bandDistance()[b]);
            bandPalettes[b] = ViewModel.paletteOf(view.bands()[b]);
            bandSlots[b] = slots(bandPalettes[b], sheetColours);
        }
        return new ViewTables(closeness, bandCloseness, bandPalettes, FrameAnalyzer.coarseHistogram(view.histogram()),
                slots(view.palette(), sheetColours), bandSlots);
    }

    private static double[] closenessTable(float[] distanceSquared) {
        double[] table = new double[distanceSquared.length];
        for (int c = 0; c < table.length; c++) {
            table[c] = FrameAnalyzer.closeness(distanceSquared[c]);
        }
        return table;
    }

    private static int[] slots(int[] palette, int[] sheetColours) {
        int[] slots = new int[palette.length];
        for (int i = 0; i < palette.length; i++) {
            slots[i] = java.util.Arrays.binarySearch(sheetColours, palette[i]);
        }
        return slots;
    }
}
