package dev.onmodel.core.consistency;

/**
 * Plain names for colour bins, for explanations a reviewer reads ("dark red missing, teal found").
 *
 * <p>A name only has to point the reviewer's eye at a part of the figure, so a dozen basic colour terms with "dark"
 * and "light" are enough; a large named-colour list ("burnt sienna") would be more precise than the 4-bit bins it
 * names. The terms are the basic colour terms of Berlin and Kay [1] with brown, beige and olive for the dark and pale
 * oranges and yellows, which are not seen as shades of orange or yellow. Hue is taken as the HSB hue of the bin's sRGB
 * centre ({@link java.awt.Color#RGBtoHSB}), whose sectors people name more predictably than CIELAB hue angles.
 *
 * <p>[1] B. Berlin, P. Kay, Basic Color Terms: Their Universality and Evolution, University of California Press,
 * 1969.
 */
final class ColourNames {

    /** The distinct names the bins take, in order of first appearance. */
    private static final java.util.List<String> NAMES;
    /** Per colour bin, the index of its name in {@link #NAMES}. */
    private static final byte[] NAME_OF_BIN = new byte[ColourSpace.BINS];

    static {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int bin = 0; bin < ColourSpace.BINS; bin++) {
            String name = of(((bin >> 8) & 15) * 17, ((bin >> 4) & 15) * 17, (bin & 15) * 17);
            int index = names.indexOf(name);
            if (index < 0) {
                index = names.size();
                names.add(name);
            }
            NAME_OF_BIN[bin] = (byte) index;
        }
        NAMES = java.util.List.copyOf(names);
    }

    private ColourNames() {
    }

    /** The name of colour bin {@code bin} ({@link ColourSpace#bin}): that of the bin's sRGB centre. */
    static String of(int bin) {
        return NAMES.get(NAME_OF_BIN[bin]);
    }

    /**
     * Which name colour bin {@code bin} takes, as an index below {@link #count()}: a colour worn as a texture spreads
     * over many bins of one name, and is weighed as one colour by summing over them.
     */
    static int group(int bin) {
        return NAME_OF_BIN[bin];
    }

    /** How many distinct names the bins take. */
    static int count() {
        return NAMES.size();
    }

    /** The name of the sRGB colour (0-255 per channel). */
    static String of(int red, int green, int blue) {
        float[] hsb = java.awt.Color.RGBtoHSB(red, green, blue, null);
        // Rounded to a hundredth of a degree: bin centres fall exactly on sector bounds (255 degrees for (17, 0, 68)),
        // and the float arithmetic would put some of them a hair below.
        double hue = Math.round(36000.0 * hsb[0]) / 100.0;
        // Saturation and value in double from the integers: thresholds such as value > 0.8 meet bin centres exactly
        // (204 / 255), where HSB's floats fall on either side.
        int max = Math.max(red, Math.max(green, blue));
        int min = Math.min(red, Math.min(green, blue));
        double value = max / 255.0;
        double saturation = max == 0 ? 0 : (max - min) / (double) max;
        if (value < 0.16) {
            return "black";
        }
        if ((max - min) / 255.0 < 0.12 || saturation < 0.12) {
            if (value > 0.88) {
                return "white";
            }
            return value < 0.4 ? "dark grey" : value > 0.7 ? "light grey" : "grey";
        }
        boolean dark = value < 0.45;
        boolean light = saturation < 0.45 && value > 0.8;
        if (hue >= 15 && hue < 45) {
            if (value < 0.7) {
                return "brown";
            }
            return saturation < 0.35 ? "beige" : "orange";
        }
        if (hue >= 45 && hue < 70) {
            if (value < 0.55) {
                return "olive";
            }
            return saturation < 0.35 ? "beige" : light ? "light yellow" : "yellow";
        }
        String base;
        if (hue < 15 || hue >= 345) {
            if (light) {
                return "pink";
            }
            base = "red";
        } else if (hue < 165) {
            base = "green";
        } else if (hue < 200) {
            base = "teal";
        } else if (hue < 255) {
            base = "blue";
        } else if (hue < 290) {
            base = "purple";
        } else {
            // Magenta and its pale and dark shades.
            return light ? "pink" : dark ? "dark purple" : "magenta";
        }
        return dark ? "dark " + base : light ? "light " + base : base;
    }
}
