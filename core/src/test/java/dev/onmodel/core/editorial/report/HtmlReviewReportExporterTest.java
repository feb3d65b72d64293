package dev.onmodel.core.editorial.report;

import dev.onmodel.core.editorial.EditorialExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReviewReportExporterTest extends ReviewReportContractTest {

    @Override
    protected EditorialExporter<ReviewSummary> exporter() {
        return new HtmlReviewReportExporter();
    }

    /** One document, no external resource (self-contained), balanced sections and no raw markup from names. */
    @Override
    protected void assertWellFormed(byte[] bytes) {
        String html = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
        assertTrue(html.endsWith("</body>\n</html>\n"));
        assertFalse(html.contains("<script"), "no script element can come from a name or note");
        assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(html).find(), "only data: URIs are referenced");
        assertEquals(count(html, "<section>"), count(html, "</section>"));
        assertEquals(count(html, "<table>"), count(html, "</table>"));
    }

    private static int count(String text, String token) {
        Matcher m = Pattern.compile(Pattern.quote(token)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void showsHeroDecisionsScoresAndNotesPerShot() throws Exception {
        String html = new String(bytes(ReportFixtures.ordinary()), StandardCharsets.UTF_8);
        assertTrue(html.contains("Hero: <b>v003</b> frames 1001-1048 (marked as hero"), html);
        assertTrue(html.contains("Hero: <b>v012</b> frames 1001-1036 (every cut frame approved"), html);
        assertTrue(html.contains("<p class=\"missing\">No approved variant.</p>"), html);
        assertTrue(html.contains("jacket, &quot;teal&quot;"), html);
        assertTrue(html.contains("<polyline"), "score curve of sh020");
    }

    @Test
    void hostileNotesAreEscaped() throws Exception {
        String html = new String(bytes(ReportFixtures.hostile()), StandardCharsets.UTF_8);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("Ép &lt;101&gt; &amp; &quot;friends&quot;"), html);
    }

    @Test
    void embedsThumbnailsBesideMatchedSheetViewAndListsUnreadableImages(@TempDir Path folder) throws Exception {
        String html = new String(bytes(ReportFixtures.withImages(folder)), StandardCharsets.UTF_8);
        assertEquals(2, count(html, "src=\"data:image/jpeg;base64,"), "frame 1002 and the mira/side sheet view");
        assertTrue(html.contains("alt=\"sheet mira side\""), html);
        assertTrue(html.contains("sh010_v001.1005.png"), "the unreadable frame is listed");
        assertTrue(html.contains("(unreadable)"), html);
        assertTrue(html.contains("off model"), html);
    }

    @Test
    void aSingleScoreIsDrawnAsADotOnTheVariantsFrameAxis(@TempDir Path folder) throws Exception {
        String html = new String(bytes(ReportFixtures.withImages(folder)), StandardCharsets.UTF_8);
        assertTrue(html.contains("Score curve of v001 (frames 1001-1005, 0-100)"), html);
        assertEquals(0, count(html, "<circle"), "two scores make a line");
        ReviewSummary single = ReviewSummary.of(dev.onmodel.core.editorial.EditorialFixtures.ep101(
                dev.onmodel.core.time.FrameRate.FPS_24, 1072), dev.onmodel.core.editorial.InMemoryReviewFacts.builder()
                .score("sh010", "v003", dev.onmodel.core.editorial.FrameScore.of(1010, 50, false)).build(),
                dev.onmodel.core.time.FrameRate.FPS_24, false);
        String one = new String(bytes(single), StandardCharsets.UTF_8);
        assertEquals(1, count(one, "<circle"), one);
    }
}
