package dev.onmodel.core.editorial.fcpxml;

import dev.onmodel.core.editorial.EditList;
import dev.onmodel.core.editorial.EditorialFixtures;
import dev.onmodel.core.editorial.Golden;
import dev.onmodel.core.editorial.TimelineExporter;
import dev.onmodel.core.editorial.TimelineExporterContractTest;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class Fcpxml110ExporterTest extends TimelineExporterContractTest {

    private static final Set<String> TIME_ATTRIBUTES = Set.of("start", "duration", "offset", "tcStart", "frameDuration");

    @Override
    protected TimelineExporter exporter() {
        return new Fcpxml110Exporter();
    }

    /** Well-formed, and valid against Apple's FCPXML 1.10 DTD when the shared DTDs are present. */
    @Override
    protected void assertWellFormed(byte[] bytes) throws Exception {
        String xml = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE fcpxml>\n<fcpxml version=\"1.10\">"), xml);
        parse(xml, false);
        Path dtd = Path.of("..", "..", "shared", "nle", "fcpxml-dtd", "FCPXMLv1_10.dtd");
        if (!Files.exists(dtd)) {
            dtd = Path.of("..", "..", "..", "shared", "nle", "fcpxml-dtd", "FCPXMLv1_10.dtd");
        }
        if (Files.exists(dtd)) {
            validate(xml, dtd);
        }
    }

    @Test
    void validatesAgainstApplesDtd() throws Exception {
        Path dtd = Golden.shared("fcpxml-dtd/FCPXMLv1_10.dtd");
        var facts = dev.onmodel.core.editorial.InMemoryReviewFacts.builder()
                .heroMark(new dev.onmodel.core.editorial.HeroMark("sh010", "v003",
                        FrameRange.ofInclusive(1001, 1048), "dana", EditorialFixtures.T0))
                .score("sh030", "v012", dev.onmodel.core.editorial.FrameScore.of(1001, 50, true)).build();
        EditList withGaps = dev.onmodel.core.editorial.EditListBuilder.build(EditorialFixtures.ep101(FrameRate.FPS_24, 1072),
                facts, dev.onmodel.core.editorial.EditListOptions.defaults()
                        .withMissingPolicy(dev.onmodel.core.editorial.MissingPolicy.GAP));
        assertTrue(withGaps.events().get(1) instanceof dev.onmodel.core.editorial.GapEvent);
        EditList withStandIns = dev.onmodel.core.editorial.EditListBuilder.build(
                EditorialFixtures.ep101(FrameRate.FPS_24, 1072), facts, dev.onmodel.core.editorial.EditListOptions.defaults()
                        .withMissingPolicy(dev.onmodel.core.editorial.MissingPolicy.BEST));
        assertEquals(2, withStandIns.clips().stream()
                .filter(c -> c.rule() == dev.onmodel.core.editorial.HeroRule.BEST_SCORE).count());
        for (EditList edit : List.of(withGaps, withStandIns, EditorialFixtures.ep101WithMarkers(FrameRate.FPS_24, null),
                EditorialFixtures.hostile(FrameRate.FPS_29_97), EditorialFixtures.empty(FrameRate.FPS_25))) {
            validate(new String(bytes(edit), StandardCharsets.UTF_8), dtd);
        }
    }

    @Test
    void dtdValidationCatchesAnInvalidDocument() throws Exception {
        Path dtd = Golden.shared("fcpxml-dtd/FCPXMLv1_10.dtd");
        String broken = new String(bytes(EditorialFixtures.ep101At24()), StandardCharsets.UTF_8)
                .replace("<media-rep kind=\"original-media\" src=", "<media-rep kind=\"original-media\" href=");
        try {
            validate(broken, dtd);
        } catch (AssertionError expected) {
            return;
        }
        fail("a media-rep without src must not validate");
    }

    @Test
    void reproducesSpecSampleAt24() throws Exception {
        assertContainsSample(Golden.shared("samples/ep101_24fps.fcpxml"), EditorialFixtures.ep101At24(), FrameRate.FPS_24);
    }

    @Test
    void reproducesSpecSampleAt23976() throws Exception {
        EditList edit = dev.onmodel.core.editorial.EditListBuilder.build(
                EditorialFixtures.ep101(FrameRate.FPS_23_976, 1072), EditorialFixtures.ep101Facts(1005, 1064),
                dev.onmodel.core.editorial.EditListOptions.defaults().withTitle("EP101_REVIEW_V001_2398"));
        assertContainsSample(Golden.shared("samples/ep101_23976.fcpxml"), edit, FrameRate.FPS_23_976);
    }

    @ParameterizedTest(name = "{0} frames at {1} = {2}")
    @CsvSource(textBlock = """
            86400,  24,         3600s
            1001,   24,         100100/2400s
            86400,  24000/1001, 86486400/24000s
            108000, 30000/1001, 108108000/30000s
            107892, 30000/1001, 107999892/30000s
            25,     25,         1s
            1,      25,         100/2500s
            1,      60000/1001, 1001/60000s
            """)
    void timesAreExactMultiplesOfTheFrameDuration(long frames, String rate, String expected) {
        assertEquals(expected, FcpxmlTime.of(frames, FrameRate.parse(rate)));
    }

    @ParameterizedTest(name = "{0} drop-frame={1}")
    @MethodSource("ratesAndModes")
    void matchesGoldenFilePerRate(FrameRate rate, boolean dropFrame) throws Exception {
        EditList edit = EditorialFixtures.ep101WithMarkers(rate, Timecode.parse(dropFrame ? "01:00:00;00" : "01:00:00:00", rate));
        String label = rate.displayName().replace(".", "") + (rate.supportsDropFrame() ? (dropFrame ? "df" : "ndf") : "");
        Golden.assertMatches("fcpxml/ep101_" + label + ".fcpxml", new String(bytes(edit), StandardCharsets.UTF_8));
    }

    @Test
    void hostileNamesAreEscapedAndSurviveParsing() throws Exception {
        Document doc = parse(new String(bytes(EditorialFixtures.hostile(FrameRate.FPS_24)), StandardCharsets.UTF_8), false);
        Element project = (Element) doc.getElementsByTagName("project").item(0);
        assertEquals("Ép <101> & \"friends\" second", project.getAttribute("name"));
        Element marker = (Element) doc.getElementsByTagName("marker").item(0);
        assertTrue(marker.getAttribute("note").contains("<script>alert(1)</script> second line \"quoted\""),
                marker.getAttribute("note"));
        Element asset = (Element) doc.getElementsByTagName("media-rep").item(0);
        assertTrue(asset.getAttribute("src").startsWith("file:///proj/%C3%A9p%20101/"), asset.getAttribute("src"));
    }

    @Test
    void markersAreToDoMarkersInClipSourceTime() throws Exception {
        Document doc = parse(new String(bytes(EditorialFixtures.ep101WithMarkers(FrameRate.FPS_24, null)),
                StandardCharsets.UTF_8), false);
        Element marker = (Element) doc.getElementsByTagName("marker").item(0);
        assertEquals("101300/2400s", marker.getAttribute("start"));
        assertEquals("800/2400s", marker.getAttribute("duration"));
        assertEquals("REJECT 1013-1020", marker.getAttribute("value"));
        assertEquals("0", marker.getAttribute("completed"));
    }

    @Override
    protected List<FrameRange> recordRanges(byte[] bytes, FrameRate rate, boolean dropFrame) throws Exception {
        Document doc = parse(new String(bytes, StandardCharsets.UTF_8), false);
        Element sequence = (Element) doc.getElementsByTagName("sequence").item(0);
        assertEquals(dropFrame ? "DF" : "NDF", sequence.getAttribute("tcFormat"));
        Node spine = doc.getElementsByTagName("spine").item(0);
        List<FrameRange> ranges = new ArrayList<>();
        for (Node child = spine.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element item) {
                ranges.add(FrameRange.ofLength(frames(item.getAttribute("offset"), rate),
                        frames(item.getAttribute("duration"), rate)));
            }
        }
        return ranges;
    }

    /** Every element and attribute of the sample is in our document at the same place (times compared exactly). */
    private void assertContainsSample(Path samplePath, EditList edit, FrameRate rate) throws Exception {
        Document sample = parse(Files.readString(samplePath), false);
        Document ours = parse(new String(bytes(edit), StandardCharsets.UTF_8), false);
        assertContains(sample.getDocumentElement(), ours.getDocumentElement(), rate, "/fcpxml");
    }

    private static void assertContains(Element expected, Element actual, FrameRate rate, String path) {
        assertEquals(expected.getTagName(), actual.getTagName(), path);
        NamedNodeMap attributes = expected.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.item(i).getNodeName();
            String want = attributes.item(i).getNodeValue();
            String got = actual.getAttribute(name);
            if (TIME_ATTRIBUTES.contains(name)) {
                assertEquals(seconds(want), seconds(got), path + "@" + name + ": " + want + " vs " + got);
            } else {
                assertEquals(want, got, path + "@" + name);
            }
        }
        List<Element> wantChildren = elements(expected);
        List<Element> gotChildren = elements(actual).stream()
                .filter(e -> wantChildren.stream().anyMatch(w -> w.getTagName().equals(e.getTagName()))).toList();
        assertEquals(wantChildren.size(), gotChildren.size(), path + " children");
        for (int i = 0; i < wantChildren.size(); i++) {
            assertContains(wantChildren.get(i), gotChildren.get(i), rate, path + "/" + wantChildren.get(i).getTagName() + "[" + i + "]");
        }
    }

    private static List<Element> elements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    /** An FCPXML time as an exact fraction of seconds, {@code [numerator, denominator]} reduced. */
    static List<BigInteger> seconds(String time) {
        assertTrue(time.endsWith("s"), time);
        String body = time.substring(0, time.length() - 1);
        int slash = body.indexOf('/');
        BigInteger n = new BigInteger(slash < 0 ? body : body.substring(0, slash));
        BigInteger d = slash < 0 ? BigInteger.ONE : new BigInteger(body.substring(slash + 1));
        BigInteger g = n.gcd(d);
        return g.signum() == 0 ? List.of(n, d) : List.of(n.divide(g), d.divide(g));
    }

    /** An FCPXML time as whole frames; fails when it is not on a frame boundary. */
    static long frames(String time, FrameRate rate) {
        List<BigInteger> s = seconds(time);
        BigInteger num = s.get(0).multiply(BigInteger.valueOf(rate.numerator()));
        BigInteger den = s.get(1).multiply(BigInteger.valueOf(rate.denominator()));
        BigInteger[] qr = num.divideAndRemainder(den);
        assertEquals(BigInteger.ZERO, qr[1], time + " is not on a frame boundary at " + rate);
        return qr[0].longValueExact();
    }

    private static Document parse(String xml, boolean validating) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(validating);
        DocumentBuilder builder = factory.newDocumentBuilder();
        List<String> errors = new ArrayList<>();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings (e.g. unused declarations) do not make a document invalid
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        Document doc = builder.parse(new InputSource(new StringReader(xml)));
        if (!errors.isEmpty()) {
            throw new AssertionError("FCPXML is not valid against the DTD:\n" + String.join("\n", errors));
        }
        return doc;
    }

    /** Validates with the JDK's validating parser, pointing the bare DOCTYPE at Apple's DTD. */
    static void validate(String xml, Path dtd) throws Exception {
        String withDtd = xml.replaceFirst("<!DOCTYPE fcpxml>",
                "<!DOCTYPE fcpxml SYSTEM \"" + dtd.toAbsolutePath().normalize().toUri() + "\">");
        assertTrue(withDtd.contains("SYSTEM"), "document has the bare FCPXML DOCTYPE");
        parse(withDtd, true);
    }
}
