package dev.onmodel.core.editorial.fcpxml;

import dev.onmodel.core.editorial.ClipEvent;
import dev.onmodel.core.editorial.EditEvent;
import dev.onmodel.core.editorial.EditList;
import dev.onmodel.core.editorial.EditMarker;
import dev.onmodel.core.editorial.FrameSize;
import dev.onmodel.core.editorial.GapEvent;
import dev.onmodel.core.editorial.TimelineExporter;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.time.FrameRate;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes FCPXML 1.10 (Final Cut Pro 10.6+, DaVinci Resolve 18.5+) as {@code shared/nle/SPEC.md} §3 describes it:
 * one format, one asset per clip (image sequences point {@code media-rep} at their first frame and carry the
 * sequence's frame range), and a project whose spine holds the clips and gaps at contiguous offsets from the
 * record start. Markers become to-do markers ({@code completed="0"}), which Final Cut shows in red.
 *
 * <p>The JDK's StAX writer does the escaping; names are first flattened to one line and stripped of characters
 * XML 1.0 cannot hold, so no name can break an element or the document.
 */
public final class Fcpxml110Exporter implements TimelineExporter {

    /** Apple's colour space label for Rec. 709, as Final Cut writes it. */
    private static final String REC709 = "1-1-1 (Rec. 709)";

    @Override
    public String formatId() {
        return "fcpxml";
    }

    @Override
    public String fileExtension() {
        return "fcpxml";
    }

    @Override
    public void write(EditList edit, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            new Document(xml, edit).write();
            xml.flush();
            text.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write FCPXML: " + e.getMessage(), e);
        }
    }

    /** The name FCP gives a standard format, or {@code null} when the size or rate has none (the name is optional). */
    static String formatName(FrameSize size, FrameRate rate) {
        String rateCode = switch (rate.toString()) {
            case "24000/1001" -> "2398";
            case "24" -> "24";
            case "25" -> "25";
            case "30000/1001" -> "2997";
            case "30" -> "30";
            case "50" -> "50";
            case "60000/1001" -> "5994";
            case "60" -> "60";
            default -> null;
        };
        if (rateCode == null) {
            return null;
        }
        if (size.width() == 1920 && size.height() == 1080) {
            return "FFVideoFormat1080p" + rateCode;
        }
        if (size.width() == 1280 && size.height() == 720) {
            return "FFVideoFormat720p" + rateCode;
        }
        if (size.width() == 3840 && size.height() == 2160) {
            return "FFVideoFormat3840x2160p" + rateCode;
        }
        return null;
    }

    /** One document being written; keeps the indentation state. */
    private static final class Document {
        private final XMLStreamWriter xml;
        private final EditList edit;
        private final FrameRate rate;
        private int depth;

        Document(XMLStreamWriter xml, EditList edit) {
            this.xml = xml;
            this.edit = edit;
            this.rate = edit.rate();
        }

        void write() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeDTD("<!DOCTYPE fcpxml>");
            xml.writeCharacters("\n");
            xml.writeStartElement("fcpxml");
            xml.writeAttribute("version", "1.10");
            depth++;

            Map<ClipEvent, String> assetIds = new LinkedHashMap<>();
            int nextId = 2;
            for (ClipEvent clip : edit.clips()) {
                assetIds.put(clip, "r" + nextId++);
            }
            open("resources");
            empty("format");
            attribute("id", "r1");
            String name = formatName(edit.frameSize(), rate);
            if (name != null) {
                attribute("name", name);
            }
            attribute("frameDuration", FcpxmlTime.frameDuration(rate));
            attribute("width", Integer.toString(edit.frameSize().width()));
            attribute("height", Integer.toString(edit.frameSize().height()));
            attribute("colorSpace", REC709);
            for (Map.Entry<ClipEvent, String> asset : assetIds.entrySet()) {
                writeAsset(asset.getKey(), asset.getValue());
            }
            close();

            open("library");
            open("event");
            attribute("name", edit.projectName() + " review");
            open("project");
            attribute("name", edit.title());
            open("sequence");
            attribute("format", "r1");
            attribute("duration", time(edit.recordRange().length()));
            attribute("tcStart", time(edit.recordStart()));
            attribute("tcFormat", tcFormat());
            open("spine");
            for (EditEvent event : edit.events()) {
                if (event instanceof ClipEvent clip) {
                    writeClip(clip, assetIds.get(clip));
                } else {
                    GapEvent gap = (GapEvent) event;
                    empty("gap");
                    attribute("name", gap.shot() + " (" + gap.reason() + ")");
                    attribute("offset", time(gap.record().start()));
                    attribute("duration", time(gap.record().length()));
                }
            }
            close(); // spine
            close(); // sequence
            close(); // project
            close(); // event
            close(); // library
            depth--;
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
        }

        private void writeAsset(ClipEvent clip, String id) throws XMLStreamException {
            open("asset");
            attribute("id", id);
            attribute("name", clip.clipName());
            attribute("start", time(clip.availableTime().start()));
            attribute("duration", time(clip.availableTime().length()));
            attribute("hasVideo", "1");
            attribute("format", "r1");
            attribute("videoSources", "1");
            empty("media-rep");
            attribute("kind", "original-media");
            String src = clip.variant().media() instanceof ImageSequence sequence
                    ? edit.media().url(sequence.files().firstEntry().getValue(), false)
                    : edit.media().url(((MovieMedia) clip.variant().media()).file(), false);
            attribute("src", src);
            close();
        }

        private void writeClip(ClipEvent clip, String assetId) throws XMLStreamException {
            // Always an element with content: the note names the hero rule.
            open("asset-clip");
            attribute("ref", assetId);
            attribute("name", clip.clipName());
            attribute("offset", time(clip.record().start()));
            attribute("start", time(clip.sourceTime().start()));
            attribute("duration", time(clip.sourceTime().length()));
            attribute("tcFormat", tcFormat());
            indent();
            xml.writeStartElement("note");
            xml.writeCharacters(xmlSafe("shot " + clip.shot() + ", variant " + clip.variant().name() + ": "
                    + clip.rule().description() + " (" + clip.ruleDetail() + ")"));
            xml.writeEndElement();
            for (EditMarker marker : clip.markers()) {
                empty("marker");
                attribute("start", time(marker.frames().start() - clip.sourceTimeOffset()));
                attribute("duration", time(marker.frames().length()));
                attribute("value", marker.title());
                if (!marker.note().isBlank() || !marker.author().isBlank()) {
                    attribute("note", (marker.note() + (marker.author().isBlank() ? "" : " [" + marker.author() + "]")).strip());
                }
                attribute("completed", "0");
            }
            close();
        }

        private String tcFormat() {
            return edit.dropFrame() ? "DF" : "NDF";
        }

        private String time(long frames) {
            return FcpxmlTime.of(frames, rate);
        }

        private void indent() throws XMLStreamException {
            xml.writeCharacters("\n" + "    ".repeat(depth));
        }

        private void open(String element) throws XMLStreamException {
            indent();
            xml.writeStartElement(element);
            depth++;
        }

        private void empty(String element) throws XMLStreamException {
            indent();
            xml.writeEmptyElement(element);
        }

        private void close() throws XMLStreamException {
            depth--;
            indent();
            xml.writeEndElement();
        }

        private void attribute(String attributeName, String value) throws XMLStreamException {
            xml.writeAttribute(attributeName, xmlSafe(value));
        }
    }

    /**
     * {@code text} on one line with only characters XML 1.0 allows: line breaks and tabs become spaces (a parser
     * would turn them into spaces in an attribute anyway), other control characters and lone surrogates are
     * dropped.
     */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
