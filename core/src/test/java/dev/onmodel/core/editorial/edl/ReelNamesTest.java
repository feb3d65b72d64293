package dev.onmodel.core.editorial.edl;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReelNamesTest {

    @Test
    void shortPlainShotCodesAreUpperCasedAsTheyAre() {
        assertEquals(Map.of("sh010", "SH010", "SH_20", "SH_20"), Map.copyOf(ReelNames.assign(List.of("sh010", "SH_20"))));
    }

    @Test
    void longNamesThatShareAPrefixStayApart() {
        Map<String, String> reels = ReelNames.assign(List.of("sh010_comp_a", "sh010_comp_b"));
        assertNotEquals(reels.get("sh010_comp_a"), reels.get("sh010_comp_b"));
        reels.values().forEach(r -> assertTrue(r.matches("[A-Z0-9_]{1,8}"), r));
        assertTrue(reels.get("sh010_comp_a").startsWith("SH010"));
    }

    @Test
    void reelOfAShotDoesNotDependOnTheOtherShots() {
        String alone = ReelNames.assign(List.of("opening shot")).get("opening shot");
        String withOthers = ReelNames.assign(List.of("zz", "opening shot", "aa", "sh999")).get("opening shot");
        assertEquals(alone, withOthers);
    }

    @Test
    void namesDifferingOnlyInCaseGetDifferentReels() {
        Map<String, String> reels = ReelNames.assign(List.of("sh010", "SH010"));
        assertEquals(2, new HashSet<>(reels.values()).size(), reels.toString());
    }

    @Test
    void specialSourcesAreNeverAShotsReel() {
        Map<String, String> reels = ReelNames.assign(List.of("bl", "ax", "BARS"));
        reels.values().forEach(r -> assertTrue(!r.equals("BL") && !r.equals("AX") && !r.equals("BARS"), r));
    }

    @Test
    void hostileAndUnicodeNamesFoldToValidReels() {
        Map<String, String> reels = ReelNames.assign(List.of("café 1", "日本語", "", "a\nb", "<&>\"'"));
        reels.values().forEach(r -> assertTrue(r.matches("[A-Z0-9_]{1,8}"), "'" + r + "'"));
        assertEquals(5, new HashSet<>(reels.values()).size());
        assertTrue(reels.get("café 1").startsWith("CAFE_"), reels.get("café 1"));
    }

    @Test
    void manyCollidingNamesAllGetUniqueReels() {
        List<String> shots = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            shots.add("sequence_alpha_shot_" + i);
        }
        Map<String, String> reels = ReelNames.assign(shots);
        assertEquals(shots.size(), new HashSet<>(reels.values()).size());
        reels.values().forEach(r -> assertTrue(r.length() <= 8, r));
    }
}
