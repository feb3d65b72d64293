package dev.onmodel.core.editorial.edl;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Text rules of a CMX3600 EDL: 7-bit ASCII, one line per statement. Names are folded to ASCII (accents dropped,
 * other characters replaced) so that no name can break a line or smuggle a byte an importer rejects.
 */
final class EdlText {

    private EdlText() {
    }

    /** {@code text} as one line of printable ASCII: accents removed, line breaks and controls become spaces. */
    static String asciiLine(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                out.append(' ');
            } else if (!Character.isLowSurrogate(c)) {
                // One replacement per code point, not per UTF-16 unit.
                out.append('_');
            }
        }
        return out.toString().strip();
    }

    /** Percent-encodes UTF-8 so any name survives a round trip through an ASCII comment and splits on spaces. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
