package dev.onmodel.core.sample;

import dev.onmodel.core.sample.CharacterDesign.Build;
import dev.onmodel.core.sample.CharacterDesign.Headwear;

import java.awt.Color;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The three original characters of the sample. Mira and Tobo share the kid build (same silhouette family, told
 * apart by costume colours, hair and headwear); Kess is built differently (tall, long coat, wide hat).
 */
final class Cast {

    static final CharacterDesign MIRA = new CharacterDesign("mira", Build.KID, Headwear.HAIR_BUN,
            new Palette(new Color(255, 217, 190), new Color(222, 104, 44), new Color(44, 32, 56),
                    new Color(36, 158, 158), new Color(252, 200, 58), new Color(58, 68, 112),
                    new Color(176, 62, 52), new Color(36, 158, 158)),
            1.0, "a kid with a ginger hair bun, teal dress, yellow scarf and belt, red boots");

    static final CharacterDesign TOBO = new CharacterDesign("tobo", Build.KID, Headwear.BEANIE,
            new Palette(new Color(238, 188, 148), new Color(92, 56, 36), new Color(40, 30, 40),
                    new Color(214, 66, 62), new Color(246, 234, 214), new Color(52, 84, 146),
                    new Color(112, 76, 50), new Color(72, 152, 84)),
            1.0, "a kid with brown hair under a green beanie, red hoodie, blue trousers, brown boots");

    static final CharacterDesign KESS = new CharacterDesign("kess", Build.LANKY, Headwear.WIDE_HAT,
            new Palette(new Color(176, 120, 88), new Color(52, 42, 64), new Color(30, 24, 34),
                    new Color(112, 62, 124), new Color(46, 150, 146), new Color(72, 72, 84),
                    new Color(50, 38, 38), new Color(228, 192, 112)),
            1.32, "a tall courier with round glasses, straw hat, plum coat and teal satchel");

    /** In sheet order. */
    static final List<CharacterDesign> ALL = List.of(MIRA, TOBO, KESS);

    private Cast() {
    }

    static CharacterDesign byName(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no sample character named " + name));
    }
}
