package dev.onmodel.core.editorial.edl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Reel names for shots: at most 8 characters of {@code A-Z 0-9 _}, unique within an EDL and stable across
 * exports (a shot keeps its reel when other shots come and go, unless two names fold to the same reel).
 *
 * <p>A short, plain shot code is used as it is, upper-cased ({@code sh010} → {@code SH010}). Any other name
 * (too long, or with characters a reel cannot hold) becomes its first five folded characters plus three
 * base-36 digits of a CRC-32 of the full name, so that {@code sh010_comp_a} and {@code sh010_comp_b} stay apart
 * where plain truncation (OpenTimelineIO's writer) would merge them. {@code BL}, {@code AX}, {@code BLACK} and
 * {@code BARS} are special sources in CMX, never a shot's reel.
 */
public final class ReelNames {

    /** The longest reel name CMX3600 allows. */
    public static final int MAX_LENGTH = 8;

    private static final Set<String> RESERVED = Set.of("BL", "BLK", "BLACK", "AX", "BARS");

    private ReelNames() {
    }

    /** Reel names for {@code shots}, keyed by shot name in the given order. */
    public static Map<String, String> assign(Collection<String> shots) {
        // Decide collisions in name order, so the result does not depend on cut order.
        Map<String, String> byName = new TreeMap<>();
        Set<String> taken = new HashSet<>();
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(shots));
        for (String shot : sorted) {
            String reel = preferred(shot);
            if (taken.contains(reel)) {
                reel = hashed(shot);
            }
            int bump = 0;
            while (taken.contains(reel)) {
                reel = reel.substring(0, MAX_LENGTH - 1) + Character.toUpperCase(Character.forDigit(bump++ % 36, 36));
            }
            taken.add(reel);
            byName.put(shot, reel);
        }
        Map<String, String> inOrder = new LinkedHashMap<>();
        for (String shot : shots) {
            inOrder.put(shot, byName.get(shot));
        }
        return inOrder;
    }

    /** The reel a shot gets when nothing collides with it. */
    static String preferred(String shot) {
        String folded = fold(shot);
        boolean plain = !folded.isEmpty() && folded.length() <= MAX_LENGTH
                && folded.equals(shot.toUpperCase(Locale.ROOT)) && !RESERVED.contains(folded);
        return plain ? folded : hashed(shot);
    }

    static String hashed(String shot) {
        String folded = fold(shot);
        String head = folded.length() > 5 ? folded.substring(0, 5) : folded;
        CRC32 crc = new CRC32();
        crc.update(shot.getBytes(StandardCharsets.UTF_8));
        String digits = Long.toString(crc.getValue() % (36L * 36 * 36), 36).toUpperCase(Locale.ROOT);
        return head + "0".repeat(3 - digits.length()) + digits;
    }

    /** Upper-case ASCII letters, digits and {@code _}; everything else folded or replaced by {@code _}. */
    static String fold(String shot) {
        String ascii = EdlText.asciiLine(shot).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            out.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        return out.toString();
    }
}
