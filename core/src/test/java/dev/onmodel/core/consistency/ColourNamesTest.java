package dev.onmodel.core.consistency;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Colour names a reviewer would use for the colours characters wear. */
class ColourNamesTest {

    @Test
    void namesTheColoursOfACostume() {
        assertEquals("red", ColourNames.of(200, 30, 40));
        assertEquals("dark blue", ColourNames.of(40, 60, 110));
        assertEquals("blue", ColourNames.of(40, 60, 150));
        assertEquals("brown", ColourNames.of(90, 50, 20));
        assertEquals("beige", ColourNames.of(240, 200, 170));
        assertEquals("black", ColourNames.of(30, 30, 30));
        assertEquals("white", ColourNames.of(240, 240, 240));
        assertEquals("grey", ColourNames.of(140, 140, 145));
        assertEquals("green", ColourNames.of(40, 160, 70));
        assertEquals("yellow", ColourNames.of(240, 230, 90));
        assertEquals("purple", ColourNames.of(150, 90, 200));
        assertEquals("orange", ColourNames.of(240, 140, 30));
        assertEquals("teal", ColourNames.of(30, 170, 180));
        assertEquals("pink", ColourNames.of(250, 180, 200));
        assertEquals("magenta", ColourNames.of(220, 40, 190));
        assertEquals("olive", ColourNames.of(110, 100, 30));
    }

    @Test
    void aBinIsNamedByItsCentre() {
        // Bin 0xC12: red 12, green 1, blue 2 of 15, i.e. (204, 17, 34).
        assertEquals(ColourNames.of(204, 17, 34), ColourNames.of(0xC12));
        assertEquals("red", ColourNames.of(0xC12));
    }

    /** Every colour gets one of the names the explanation may use, whatever it is. */
    @Property(tries = 500)
    void everyColourHasAName(@ForAll @IntRange(max = 255) int red, @ForAll @IntRange(max = 255) int green,
                             @ForAll @IntRange(max = 255) int blue) {
        Set<String> bases = Set.of("black", "white", "grey", "red", "pink", "orange", "brown", "beige", "yellow",
                "olive", "green", "teal", "blue", "purple", "magenta");
        String name = ColourNames.of(red, green, blue);
        String base = name.replaceFirst("^(dark|light) ", "");
        assertTrue(bases.contains(base), name);
    }

    /** Greys are named by lightness alone, however the channels differ within the bin's coarseness. */
    @Property(tries = 200)
    void greysHaveNoHue(@ForAll @IntRange(min = 70, max = 230) int level, @ForAll @IntRange(max = 8) int tint) {
        String name = ColourNames.of(level, level, Math.min(255, level + tint));
        assertTrue(name.endsWith("grey") || name.equals("white"), level + "+" + tint + ": " + name);
    }
}
