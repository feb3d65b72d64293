package dev.onmodel.core.sample;

import java.awt.Color;

/**
 * The colours of one character. The costume colours ({@code costume}, {@code trim}, {@code legs}, {@code boots},
 * {@code headwear}) are the ones a costume drift shifts; skin, hair and eyes stay.
 */
record Palette(Color skin, Color hair, Color eyes, Color costume, Color trim, Color legs, Color boots,
               Color headwear) {

    /** The same palette with every costume colour's hue turned by {@code turns} (1 = full circle). */
    Palette withCostumeHueShift(double turns) {
        return new Palette(skin, hair, eyes, shift(costume, turns), shift(trim, turns), shift(legs, turns),
                shift(boots, turns), shift(headwear, turns));
    }

    /** Every colour's hue turned, skin and hair included: what a single-frame colour pop looks like. */
    Palette withAllHueShift(double turns) {
        return new Palette(shift(skin, turns), shift(hair, turns), eyes, shift(costume, turns), shift(trim, turns),
                shift(legs, turns), shift(boots, turns), shift(headwear, turns));
    }

    static Color shift(Color c, double turns) {
        float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
        float hue = (float) ((hsb[0] + turns) % 1.0);
        // A near-grey colour barely shows a hue turn, so its saturation grows with the turn (up to 0.35): the
        // cream trim drifts gradually too instead of jumping on the first frame.
        float saturation = Math.max(hsb[1], (float) Math.min(0.35, Math.abs(turns) * 1.2));
        return new Color(Color.HSBtoRGB(hue < 0 ? hue + 1 : hue, saturation, hsb[2]));
    }
}
