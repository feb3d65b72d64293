package dev.onmodel.core.time;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameRateTest {

    @Test
    void readsTheWaysPeopleWriteRates() {
        assertEquals(FrameRate.FPS_23_976, FrameRate.parse("23.976"));
        assertEquals(FrameRate.FPS_23_976, FrameRate.parse("24000/1001"));
        assertEquals(FrameRate.FPS_29_97, FrameRate.parse("29.97"));
        assertEquals(FrameRate.FPS_59_94, FrameRate.parse(" 59.94 "));
        assertEquals(FrameRate.FPS_25, FrameRate.parse("25.0"));
        assertEquals(FrameRate.FPS_24, FrameRate.parse("48/2"));
        assertEquals(FrameRate.of(25, 2), FrameRate.parse("12.5"));
        assertThrows(IllegalArgumentException.class, () -> FrameRate.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> FrameRate.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> FrameRate.parse("-24"));
    }

    @Test
    void nominalRateAndDropFrameEligibility() {
        assertEquals(24, FrameRate.FPS_23_976.nominalFramesPerSecond());
        assertEquals(30, FrameRate.FPS_29_97.nominalFramesPerSecond());
        assertEquals(60, FrameRate.FPS_59_94.nominalFramesPerSecond());
        assertTrue(FrameRate.FPS_29_97.supportsDropFrame());
        assertTrue(FrameRate.FPS_59_94.supportsDropFrame());
        assertFalse(FrameRate.FPS_23_976.supportsDropFrame());
        assertFalse(FrameRate.FPS_30.supportsDropFrame());
        assertEquals("23.976", FrameRate.FPS_23_976.displayName());
        assertEquals("29.97", FrameRate.FPS_29_97.displayName());
        assertEquals("1001/24000s", FrameRate.FPS_23_976.frameDurationFraction());
    }

    @Property
    void toStringParsesBack(@ForAll @LongRange(min = 1, max = 1_000_000) long num,
                            @ForAll @LongRange(min = 1, max = 10_000) long den) {
        FrameRate rate = FrameRate.of(num, den);
        assertEquals(rate, FrameRate.parse(rate.toString()));
    }

    @Property
    void rangesAreStartInclusiveEndExclusive(@ForAll @LongRange(min = -5000, max = 5000) long first,
                                            @ForAll @LongRange(min = 0, max = 5000) long extra) {
        FrameRange range = FrameRange.ofInclusive(first, first + extra);
        assertEquals(extra + 1, range.length());
        assertTrue(range.contains(first));
        assertTrue(range.contains(first + extra));
        assertFalse(range.contains(first + extra + 1));
        assertEquals(range.length(), range.frames().count());
        assertEquals(first + extra, range.last());
    }

    @Test
    void rangeIntersection() {
        FrameRange a = FrameRange.ofInclusive(1001, 1048);
        FrameRange b = FrameRange.ofInclusive(1040, 1100);
        assertEquals(FrameRange.ofInclusive(1040, 1048), a.intersect(b));
        assertTrue(a.overlaps(b));
        assertTrue(a.intersect(FrameRange.ofInclusive(2000, 2001)).isEmpty());
        assertEquals("1001-1048", a.toString());
        assertThrows(IllegalArgumentException.class, () -> FrameRange.ofInclusive(5, 4));
    }
}
