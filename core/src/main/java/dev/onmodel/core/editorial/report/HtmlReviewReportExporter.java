package dev.onmodel.core.editorial.report;

import dev.onmodel.core.editorial.EditorialExporter;
import dev.onmodel.core.editorial.FrameScore;
import dev.onmodel.core.editorial.HeroChoice;
import dev.onmodel.core.imaging.ImageHeaders;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.SheetView;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import org.imgscalr.Scalr;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes the review report for people who would rather look than read: one self-contained HTML file (inline CSS,
 * thumbnails embedded as {@code data:} URIs, score curves as inline SVG), so it can be mailed or archived alone.
 *
 * <p>Per shot: the hero variant and the rule that chose it; a decision summary per variant; the score curve of
 * every scored variant; a contact sheet of flagged, rejected and rework frames, each beside the sheet view it matched
 * best; and the notes. Images that cannot be read are listed, never fatal. Thumbnails are scaled with imgscalr.
 */
public final class HtmlReviewReportExporter implements EditorialExporter<ReviewSummary> {

    /** Contact-sheet frames shown per shot; the rest are counted. */
    public static final int MAX_THUMBNAILS_PER_SHOT = 24;

    private static final int THUMBNAIL_SIZE = 160;

    private static final String CSS = String.join("\n",
            "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d1f23;background:#fafafa}",
            "h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}",
            "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}",
            ".approved{color:#17803d}.missing{color:#b42318;font-weight:bold}",
            ".sheet{display:flex;flex-wrap:wrap;gap:10px}.cell{background:#fff;border:1px solid #ddd;padding:6px;width:340px}",
            ".pair{display:flex;gap:6px}.pair img{width:160px;height:auto;background:#eee}",
            ".reject{border-left:4px solid #d92d20}.rework{border-left:4px solid #e9b200}.flag{border-left:4px solid #7a5af8}",
            ".note{white-space:pre-wrap}.warn{color:#b54708}svg{background:#fff;border:1px solid #ddd}");

    @Override
    public String formatId() {
        return "report";
    }

    @Override
    public String fileExtension() {
        return "html";
    }

    @Override
    public void write(ReviewSummary summary, OutputStream out) throws IOException {
        Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        html.write(new Page(summary).render());
        html.flush();
    }

    /** One report being rendered; caches thumbnails so a sheet view used by many frames is encoded once. */
    private static final class Page {
        private final ReviewSummary summary;
        private final Map<Path, Optional<String>> thumbnails = new HashMap<>();
        private final List<String> unreadable = new ArrayList<>();
        private final StringBuilder body = new StringBuilder();

        Page(ReviewSummary summary) {
            this.summary = summary;
        }

        String render() {
            String name = summary.project().name();
            body.append("<h1>Review report: ").append(html(name)).append("</h1>\n");
            long approved = summary.heroes().values().stream().filter(Optional::isPresent).count();
            body.append("<p>").append(approved).append(" of ").append(summary.heroes().size())
                    .append(" shots have an approved hero. Timecode at ").append(html(summary.rate().displayName()))
                    .append(" fps").append(summary.dropFrame() ? " drop-frame" : "").append(".</p>\n");
            for (String warning : summary.warnings()) {
                body.append("<p class=\"warn\">").append(html(warning)).append("</p>\n");
            }
            for (Shot shot : summary.project().shots()) {
                shot(shot);
            }
            if (!unreadable.isEmpty()) {
                body.append("<h2>Images that could not be shown</h2>\n<ul>\n");
                unreadable.forEach(u -> body.append("<li>").append(html(u)).append("</li>\n"));
                body.append("</ul>\n");
            }
            return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Review report: "
                    + html(name) + "</title>\n<style>\n" + CSS + "\n</style>\n</head>\n<body>\n" + body
                    + "</body>\n</html>\n";
        }

        private void shot(Shot shot) {
            body.append("<section>\n<h2>").append(html(shot.name())).append("</h2>\n");
            Optional<HeroChoice> hero = summary.heroes().getOrDefault(shot.name(), Optional.empty());
            if (hero.isPresent()) {
                HeroChoice h = hero.get();
                body.append("<p class=\"approved\">Hero: <b>").append(html(h.variant().name())).append("</b> frames ")
                        .append(html(h.source().toString())).append(" (").append(html(h.rule().description()))
                        .append(": ").append(html(h.detail())).append(")</p>\n");
            } else {
                body.append("<p class=\"missing\">No approved variant.</p>\n");
            }
            if (shot.variants().isEmpty()) {
                body.append("<p>No variant on disk.</p>\n</section>\n");
                return;
            }
            body.append("<table><tr><th>variant</th><th>frames</th><th>approved</th><th>rework</th><th>rejected</th>"
                    + "<th>undecided</th><th>mean score</th></tr>\n");
            for (Variant variant : shot.variants()) {
                Map<Verdict, Integer> counts = counts(shot, variant);
                long total = variant.media().frameNumbers().size();
                long decided = counts.values().stream().mapToLong(Integer::longValue).sum();
                NavigableMap<Long, FrameScore> scores = summary.facts().scores(shot.name(), variant.name());
                String mean = scores.isEmpty() ? "" : String.format(Locale.ROOT, "%.1f",
                        scores.values().stream().mapToDouble(FrameScore::score).average().orElse(0));
                body.append("<tr><td>").append(html(variant.name())).append("</td><td>")
                        .append(html(variant.media().range().toString())).append("</td><td>")
                        .append(counts.get(Verdict.APPROVE)).append("</td><td>").append(counts.get(Verdict.REWORK))
                        .append("</td><td>").append(counts.get(Verdict.REJECT)).append("</td><td>")
                        .append(Math.max(0, total - decided)).append("</td><td>").append(mean).append("</td></tr>\n");
            }
            body.append("</table>\n");
            boolean anyScores = false;
            for (Variant variant : shot.variants()) {
                anyScores |= scoreCurve(shot, variant);
            }
            if (!anyScores) {
                body.append("<p>No consistency scores for this shot yet.</p>\n");
            }
            contactSheet(shot);
            notes(shot);
            body.append("</section>\n");
        }

        private Map<Verdict, Integer> counts(Shot shot, Variant variant) {
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                counts.put(v, 0);
            }
            summary.facts().effectiveDecisions(shot.name(), variant.name()).values()
                    .forEach(d -> counts.merge(d.verdict(), 1, Integer::sum));
            return counts;
        }

        /** Draws the variant's score curve; false when it has no scores. */
        private boolean scoreCurve(Shot shot, Variant variant) {
            NavigableMap<Long, FrameScore> scores = summary.facts().scores(shot.name(), variant.name());
            if (scores.isEmpty()) {
                return false;
            }
            int width = 600;
            int height = 120;
            // The x axis is the variant's whole frame range, so curves of one shot line up frame for frame.
            long first = Math.min(variant.media().range().start(), scores.firstKey());
            long last = Math.max(variant.media().range().endExclusive() - 1, scores.lastKey());
            long span = Math.max(1, last - first);
            StringBuilder points = new StringBuilder();
            for (FrameScore s : scores.values()) {
                double x = (s.frame() - first) * (double) (width - 1) / span;
                double y = (height - 1) - s.score() * (height - 1) / 100.0;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            String dots = scores.size() > 1 ? "" : String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"3\" "
                    + "fill=\"#2563eb\"/>", points.toString().strip().split(",")[0], points.toString().strip().split(",")[1]);
            body.append("<p>Score curve of ").append(html(variant.name())).append(" (frames ").append(first).append('-')
                    .append(last).append(", 0-100):</p>\n")
                    .append("<svg width=\"").append(width).append("\" height=\"").append(height)
                    .append("\" role=\"img\" aria-label=\"score curve\"><polyline fill=\"none\" stroke=\"#2563eb\" "
                            + "stroke-width=\"1.5\" points=\"").append(points.toString().strip()).append("\"/>").append(dots)
                    .append("</svg>\n");
            return true;
        }

        private void contactSheet(Shot shot) {
            List<String> cells = new ArrayList<>();
            int more = 0;
            for (Variant variant : shot.variants()) {
                NavigableMap<Long, Decision> decided = summary.facts().effectiveDecisions(shot.name(), variant.name());
                NavigableMap<Long, FrameScore> scores = summary.facts().scores(shot.name(), variant.name());
                TreeSet<Long> frames = new TreeSet<>();
                decided.forEach((frame, d) -> {
                    if (d.verdict() != Verdict.APPROVE) {
                        frames.add(frame);
                    }
                });
                scores.values().stream().filter(FrameScore::flagged).forEach(s -> frames.add(s.frame()));
                for (long frame : frames) {
                    if (cells.size() >= MAX_THUMBNAILS_PER_SHOT) {
                        more++;
                        continue;
                    }
                    cells.add(cell(shot, variant, frame, decided.get(frame), scores.get(frame)));
                }
            }
            if (cells.isEmpty()) {
                return;
            }
            body.append("<p>Flagged and rejected frames:</p>\n<div class=\"sheet\">\n");
            cells.forEach(body::append);
            body.append("</div>\n");
            if (more > 0) {
                body.append("<p>and ").append(more).append(" more frames not shown.</p>\n");
            }
        }

        private String cell(Shot shot, Variant variant, long frame, Decision decision, FrameScore score) {
            String kind = decision == null ? "flag" : decision.verdict().word();
            StringBuilder cell = new StringBuilder("<div class=\"cell ").append(kind).append("\">\n<div class=\"pair\">");
            Optional<Path> file = variant.media() instanceof ImageSequence sequence ? sequence.file(frame) : Optional.empty();
            cell.append(image(file, variant.qualifiedName() + " frame " + frame));
            Optional<SheetView> view = Optional.ofNullable(score).flatMap(s -> s.character().flatMap(c ->
                    summary.project().character(c).flatMap(sheet -> s.view().flatMap(sheet::view)
                            .or(() -> Optional.of(sheet.views().get(0))))));
            if (view.isPresent()) {
                cell.append(image(Optional.of(view.get().image()), "sheet " + score.matchedCharacter() + " "
                        + view.get().name()));
            }
            cell.append("</div>\n<div>").append(html(variant.name())).append(" frame ").append(frame).append(" (")
                    .append(html(summary.timecode(shot.name(), variant.name(), frame))).append(")");
            if (decision != null) {
                cell.append(", ").append(decision.verdict().word()).append(" by ").append(html(decision.reviewer()))
                        .append(" (").append(decision.role().word()).append(')');
            }
            if (score != null) {
                cell.append(String.format(Locale.ROOT, ", score %.1f", score.score()));
                score.character().ifPresent(c -> cell.append(", matched ").append(html(c))
                        .append(score.view().map(v -> " " + html(v)).orElse("")));
            }
            cell.append("</div>\n");
            if (decision != null && !decision.note().isBlank()) {
                cell.append("<div class=\"note\">").append(html(decision.note())).append("</div>\n");
            }
            return cell.append("</div>\n").toString();
        }

        private String image(Optional<Path> file, String alt) {
            if (file.isEmpty()) {
                return "<span>(no image)</span>";
            }
            Optional<String> data = thumbnails.computeIfAbsent(file.get(), this::thumbnail);
            return data.map(uri -> "<img src=\"" + uri + "\" alt=\"" + html(alt) + "\">")
                    .orElse("<span>(unreadable)</span>");
        }

        private Optional<String> thumbnail(Path file) {
            try {
                ImageHeaders.readWithinLimit(file, ImageHeaders.DEFAULT_MAX_PIXELS);
                BufferedImage image = ImageIO.read(file.toFile());
                if (image == null) {
                    throw new IOException("not a readable image");
                }
                BufferedImage scaled = Scalr.resize(image, Scalr.Method.BALANCED, THUMBNAIL_SIZE);
                // JPEG has no alpha: flatten transparent sheet art onto white.
                BufferedImage rgb = new BufferedImage(scaled.getWidth(), scaled.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                g.drawImage(scaled, 0, 0, null);
                g.dispose();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageIO.write(rgb, "jpg", bytes);
                return Optional.of("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray()));
            } catch (IOException | RuntimeException e) {
                unreadable.add(file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                return Optional.empty();
            }
        }

        private void notes(Shot shot) {
            List<Decision> withNotes = summary.facts().decisions().stream()
                    .filter(d -> d.shot().equals(shot.name()) && !d.note().isBlank()).toList();
            if (withNotes.isEmpty()) {
                return;
            }
            body.append("<p>Notes:</p>\n<table><tr><th>variant</th><th>frames</th><th>decision</th><th>who</th>"
                    + "<th>when</th><th>note</th></tr>\n");
            for (Decision d : withNotes) {
                body.append("<tr><td>").append(html(d.variant())).append("</td><td>").append(html(d.frames().toString()))
                        .append("</td><td>").append(d.isClear() ? "clear" : d.verdict().word()).append("</td><td>")
                        .append(html(d.reviewer())).append(" (").append(d.role().word()).append(")</td><td>")
                        .append(html(d.recordedAt().toString())).append("</td><td class=\"note\">")
                        .append(html(d.note())).append("</td></tr>\n");
            }
            body.append("</table>\n");
        }
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
