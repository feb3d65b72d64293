package dev.onmodel.app.ui.review;

import dev.onmodel.app.session.FrameScore;
import dev.onmodel.app.session.HeroMark;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline, painted on one Canvas (never a node per frame, so 2,000-frame shots stay smooth): a sequence row with
 * every shot in cut order (its hero, else first, variant's decisions in miniature), a frame ruler, and one lane per
 * variant of the selected shot with per-frame decision colours (doubled by A/R/W letters) over a consistency heat
 * strip whose bar height grows as the score falls. Click to seek, wheel to scroll, Ctrl+wheel to zoom.
 *
 * <p>Per-variant decisions and scores are cached in arrays and rebuilt only when the session reports a change;
 * painting walks visible frames (or pixel columns when zoomed out), so cost follows the width, not the length.
 */
public final class TimelineView extends Region {

    static final double LABEL_WIDTH = 104;
    static final double SEQUENCE_HEIGHT = 26;
    static final double RULER_HEIGHT = 18;
    static final double LANE_HEIGHT = 38;
    static final double DECISION_HEIGHT = 16;
    static final double HEAT_HEIGHT = 15;
    private static final double PAD = 8;
    private static final Color BACKGROUND = Color.web("#16191d");
    private static final Color LANE_BACKGROUND = Color.web("#1c2025");
    private static final Color SELECTED_LANE = Color.web("#262c33");
    private static final Color TEXT = Color.web("#c9d1d9");
    private static final Color MUTED = Color.web("#7d8590");
    private static final Color DIM = Color.rgb(10, 12, 14, 0.62);
    private static final Font LABEL_FONT = Font.font("System", 11);
    private static final Font BOLD_FONT = Font.font("System", FontWeight.BOLD, 11);
    private static final Font CELL_FONT = Font.font("System", FontWeight.BOLD, 10);

    private final ReviewViewModel model;
    private final Canvas canvas = new Canvas();
    // The playhead is a node over the canvas: stepping moves two small shapes instead of repainting every lane,
    // which keeps the dirty region (and the software pipeline's work) small.
    private final javafx.scene.shape.Line playhead = new javafx.scene.shape.Line();
    private final javafx.scene.shape.Polygon playheadHandle = new javafx.scene.shape.Polygon(-5, 0, 5, 0, 0, 7);
    private final Map<Variant, Decision[]> decisionCache = new HashMap<>();
    private final Map<Variant, int[]> scoreCache = new HashMap<>();
    private final javafx.animation.PauseTransition scoreRepaint =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(250));
    private double pixelsPerFrame = Double.NaN; // NaN: fit the shot to the width
    private double firstVisibleFrame;
    private boolean redrawQueued;
    private long paints;
    private long lastPaintNanos;
    private Shot framesOf;
    private FrameRange cachedFrames;

    public TimelineView(ReviewViewModel model) {
        this.model = model;
        setId("timeline");
        getStyleClass().add("timeline");
        playhead.setStroke(DecisionColours.PLAYHEAD);
        playhead.setStrokeWidth(2);
        playhead.setManaged(false);
        playhead.setMouseTransparent(true);
        playheadHandle.setFill(DecisionColours.PLAYHEAD);
        playheadHandle.setManaged(false);
        playheadHandle.setMouseTransparent(true);
        getChildren().addAll(canvas, playhead, playheadHandle);
        setMinHeight(SEQUENCE_HEIGHT + RULER_HEIGHT + LANE_HEIGHT + 2 * PAD);
        model.selectedShotProperty().addListener((obs, old, shot) -> {
            pixelsPerFrame = Double.NaN;
            firstVisibleFrame = 0;
            requestLayout();
            invalidate();
        });
        model.selectionVersionProperty().addListener((obs, o, n) -> invalidate());
        model.compareVariantProperty().addListener((obs, o, n) -> invalidate());
        model.currentFrameProperty().addListener((obs, o, n) -> {
            if (keepPlayheadVisible()) {
                invalidate();
            }
            placePlayhead();
        });
        model.decisionsVersionProperty().addListener((obs, o, n) -> {
            decisionCache.clear();
            invalidate();
        });
        // Scores stream in while a job runs: repaint for them at most four times a second, so a fast job never
        // turns into a repaint every pulse.
        scoreRepaint.setOnFinished(e -> {
            scoreCache.clear();
            invalidate();
        });
        model.scoresVersionProperty().addListener((obs, o, n) -> {
            if (scoreRepaint.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                scoreRepaint.playFromStart();
            }
        });
        model.checkBelowProperty().addListener((obs, o, n) -> invalidate());
        model.offModelBelowProperty().addListener((obs, o, n) -> invalidate());
        model.passFilterProperty().addListener((obs, o, n) -> invalidate());
        model.filterRoleProperty().addListener((obs, o, n) -> invalidate());
        model.inPointProperty().addListener((obs, o, n) -> invalidate());
        model.outPointProperty().addListener((obs, o, n) -> invalidate());
        model.heroOfShotProperty().addListener((obs, o, n) -> invalidate());
        canvas.setOnMousePressed(this::onMouse);
        canvas.setOnMouseDragged(this::onMouse);
        canvas.setOnScroll(this::onScroll);
    }

    /** How many times the canvas was painted (for benchmarks). */
    public long paintCount() {
        return paints;
    }

    /** How long the last full paint of the lanes took on the FX thread, in nanoseconds (for benchmarks). */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    @Override
    protected double computePrefHeight(double width) {
        Shot shot = model.selectedShotProperty().get();
        int lanes = shot == null ? 1 : Math.max(1, shot.variants().size());
        return SEQUENCE_HEIGHT + RULER_HEIGHT + lanes * LANE_HEIGHT + 2 * PAD;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
        placePlayhead();
    }

    private void placePlayhead() {
        Shot shot = model.selectedShotProperty().get();
        double px = frameToX(model.currentFrameProperty().get()) + effectivePixelsPerFrame() / 2;
        boolean visible = shot != null && px >= LABEL_WIDTH && px <= getWidth() - PAD;
        playhead.setVisible(visible);
        playheadHandle.setVisible(visible);
        if (!visible) {
            return;
        }
        double top = PAD + SEQUENCE_HEIGHT;
        playhead.setStartX(px);
        playhead.setEndX(px);
        playhead.setStartY(top);
        playhead.setEndY(lanesTop() + shot.variants().size() * LANE_HEIGHT);
        playheadHandle.setLayoutX(px);
        playheadHandle.setLayoutY(top);
    }

    /** Schedules one repaint for the next pulse, however many changes arrive before it. */
    public void invalidate() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(() -> {
                redrawQueued = false;
                paint();
            });
        }
    }

    // ---- zoom and scroll ---------------------------------------------------------------------------------------

    /** Zooms by {@code factor} around the playhead. */
    public void zoom(double factor) {
        double anchor = frameToX(model.currentFrameProperty().get());
        zoomAround(factor, anchor);
    }

    /** Fits the whole shot into the width. */
    public void fit() {
        pixelsPerFrame = Double.NaN;
        firstVisibleFrame = shotFrames().start();
        invalidate();
    }

    private void zoomAround(double factor, double anchorX) {
        double before = xToFrame(anchorX);
        double ppf = Math.max(0.05, Math.min(48, effectivePixelsPerFrame() * factor));
        pixelsPerFrame = ppf;
        firstVisibleFrame = before - (anchorX - LABEL_WIDTH) / ppf;
        clampScroll();
        invalidate();
    }

    private void onScroll(ScrollEvent event) {
        if (event.isShortcutDown() || event.isControlDown()) {
            zoomAround(event.getDeltaY() > 0 ? 1.25 : 0.8, event.getX());
        } else {
            double delta = event.getDeltaX() != 0 ? event.getDeltaX() : event.getDeltaY();
            if (Double.isNaN(pixelsPerFrame)) {
                pixelsPerFrame = effectivePixelsPerFrame();
            }
            firstVisibleFrame -= delta / effectivePixelsPerFrame();
            clampScroll();
            invalidate();
        }
        event.consume();
    }

    private void onMouse(MouseEvent event) {
        double x = event.getX();
        double y = event.getY();
        if (y < PAD + SEQUENCE_HEIGHT) {
            shotAt(x).ifPresent(shot -> {
                if (shot != model.selectedShotProperty().get()) {
                    model.selectedShotProperty().set(shot);
                }
            });
            return;
        }
        if (x < LABEL_WIDTH) {
            laneAt(y).ifPresent(variant -> model.selectedVariantProperty().set(variant));
            return;
        }
        laneAt(y).ifPresent(variant -> {
            if (variant != model.selectedVariantProperty().get()) {
                model.selectedVariantProperty().set(variant);
            }
        });
        model.seek((long) Math.floor(xToFrame(x)));
    }

    private java.util.Optional<Shot> shotAt(double x) {
        List<Shot> shots = model.shots();
        long total = shots.stream().mapToLong(TimelineView::shotLength).sum();
        double left = LABEL_WIDTH;
        double width = Math.max(1, getWidth() - LABEL_WIDTH - PAD);
        long acc = 0;
        for (Shot shot : shots) {
            double sx = left + width * acc / Math.max(1, total);
            acc += shotLength(shot);
            double ex = left + width * acc / Math.max(1, total);
            if (x >= sx && x < ex) {
                return java.util.Optional.of(shot);
            }
        }
        return java.util.Optional.empty();
    }

    private java.util.Optional<Variant> laneAt(double y) {
        Shot shot = model.selectedShotProperty().get();
        if (shot == null) {
            return java.util.Optional.empty();
        }
        int lane = (int) Math.floor((y - lanesTop()) / LANE_HEIGHT);
        return lane >= 0 && lane < shot.variants().size() ? java.util.Optional.of(shot.variants().get(lane))
                : java.util.Optional.empty();
    }

    // ---- geometry ----------------------------------------------------------------------------------------------

    private static long shotLength(Shot shot) {
        long longest = shot.variants().stream().mapToLong(v -> v.media().range().length()).max().orElse(0);
        return Math.max(1, Math.max(shot.cutLength(), longest));
    }

    /** The frames all variants of the selected shot span (the lanes' axis); cached per shot. */
    FrameRange shotFrames() {
        Shot shot = model.selectedShotProperty().get();
        if (shot != framesOf || cachedFrames == null) {
            framesOf = shot;
            cachedFrames = computeShotFrames(shot);
        }
        return cachedFrames;
    }

    private static FrameRange computeShotFrames(Shot shot) {
        if (shot == null || shot.variants().isEmpty()) {
            return FrameRange.ofLength(1001, 1);
        }
        long start = shot.variants().stream().mapToLong(v -> v.media().range().start()).min().orElse(1001);
        long end = shot.variants().stream().mapToLong(v -> v.media().range().endExclusive()).max().orElse(start + 1);
        return new FrameRange(start, Math.max(start + 1, end));
    }

    private double laneWidth() {
        return Math.max(1, getWidth() - LABEL_WIDTH - PAD);
    }

    private double effectivePixelsPerFrame() {
        return Double.isNaN(pixelsPerFrame) ? laneWidth() / shotFrames().length() : pixelsPerFrame;
    }

    private double visibleStart() {
        return Double.isNaN(pixelsPerFrame) ? shotFrames().start() : firstVisibleFrame;
    }

    double frameToX(double frame) {
        return LABEL_WIDTH + (frame - visibleStart()) * effectivePixelsPerFrame();
    }

    double xToFrame(double x) {
        return visibleStart() + (x - LABEL_WIDTH) / effectivePixelsPerFrame();
    }

    private double lanesTop() {
        return PAD + SEQUENCE_HEIGHT + RULER_HEIGHT;
    }

    private void clampScroll() {
        FrameRange frames = shotFrames();
        double visible = laneWidth() / effectivePixelsPerFrame();
        double maxStart = Math.max(frames.start(), frames.endExclusive() - visible);
        firstVisibleFrame = Math.max(frames.start(), Math.min(maxStart, firstVisibleFrame));
    }

    /** Scrolls when the playhead left the visible frames; true when it scrolled (the lanes need a repaint). */
    private boolean keepPlayheadVisible() {
        if (Double.isNaN(pixelsPerFrame)) {
            return false;
        }
        double x = frameToX(model.currentFrameProperty().get());
        if (x < LABEL_WIDTH || x > getWidth() - PAD - effectivePixelsPerFrame()) {
            double visible = laneWidth() / effectivePixelsPerFrame();
            firstVisibleFrame = model.currentFrameProperty().get() - visible * 0.2;
            clampScroll();
            return true;
        }
        return false;
    }

    // ---- data --------------------------------------------------------------------------------------------------

    private Decision[] decisionsOf(Variant variant) {
        return decisionCache.computeIfAbsent(variant,
                v -> model.session().decisions(v.shot(), v.name(), v.media().range()));
    }

    private int[] scoresOf(Variant variant) {
        return scoreCache.computeIfAbsent(variant, v -> {
            FrameRange range = v.media().range();
            int[] scores = new int[(int) range.length()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = model.session().score(v.shot(), v.name(), range.start() + i).map(FrameScore::score)
                        .orElse(-1);
            }
            return scores;
        });
    }

    private static int severity(Decision decision) {
        if (decision == null) {
            return 1;
        }
        return switch (decision.verdict()) {
            case APPROVE -> 0;
            case REWORK -> 2;
            case REJECT -> 3;
        };
    }

    // ---- painting ----------------------------------------------------------------------------------------------

    private void paint() {
        long started = System.nanoTime();
        paintLanes();
        lastPaintNanos = System.nanoTime() - started;
        paints++;
    }

    private void paintLanes() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h); // a full clear also drops the canvas's queued commands
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        if (w < LABEL_WIDTH + 20) {
            return;
        }
        g.setTextBaseline(VPos.CENTER);
        paintSequence(g, w);
        Shot shot = model.selectedShotProperty().get();
        if (shot == null) {
            return;
        }
        paintRuler(g, w);
        double top = lanesTop();
        for (int i = 0; i < shot.variants().size(); i++) {
            paintLane(g, shot.variants().get(i), i + 1, top + i * LANE_HEIGHT, w);
        }
        paintMarks(g, top, shot.variants().size());
        double hintY = top + shot.variants().size() * LANE_HEIGHT + 14;
        if (hintY < h - 4) {
            g.setFont(LABEL_FONT);
            g.setFill(Color.web("#4d555e"));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("click: seek \u00b7 wheel: scroll \u00b7 Ctrl+wheel: zoom \u00b7 A/R/W letters double the colours"
                    + " \u00b7 heat bars grow as the score falls", LABEL_WIDTH, hintY);
        }
        placePlayhead();
    }

    private void paintSequence(GraphicsContext g, double w) {
        List<Shot> shots = model.shots();
        long total = shots.stream().mapToLong(TimelineView::shotLength).sum();
        double left = LABEL_WIDTH;
        double width = w - LABEL_WIDTH - PAD;
        double y = PAD;
        double barHeight = SEQUENCE_HEIGHT - 8;
        g.setFont(BOLD_FONT);
        g.setFill(MUTED);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("SEQUENCE", PAD, y + barHeight / 2);
        long acc = 0;
        for (Shot shot : shots) {
            double sx = left + width * acc / Math.max(1, total);
            acc += shotLength(shot);
            double ex = left + width * acc / Math.max(1, total);
            double sw = Math.max(1, ex - sx - 2);
            Variant representative = model.session().hero(shot.name())
                    .flatMap(mark -> shot.variant(mark.variant()))
                    .orElse(shot.variants().isEmpty() ? null : shot.variants().get(0));
            g.setFill(LANE_BACKGROUND);
            g.fillRect(sx, y, sw, barHeight);
            if (representative != null) {
                Decision[] decisions = decisionsOf(representative);
                int columns = (int) Math.max(1, Math.floor(sw));
                for (int c = 0; c < columns; c++) {
                    int from = (int) ((long) c * decisions.length / columns);
                    int to = (int) Math.max(from + 1, (long) (c + 1) * decisions.length / columns);
                    Decision worst = null;
                    int worstSeverity = -1;
                    for (int i = from; i < to && i < decisions.length; i++) {
                        int s = severity(decisions[i]);
                        if (s > worstSeverity) {
                            worstSeverity = s;
                            worst = decisions[i];
                        }
                    }
                    if (worst != null) {
                        g.setFill(DecisionColours.of(worst.verdict()));
                        g.fillRect(sx + c, y + barHeight - 5, 1, 5);
                    }
                }
            }
            boolean selected = shot == model.selectedShotProperty().get();
            if (selected) {
                g.setStroke(DecisionColours.PLAYHEAD);
                g.setLineWidth(1.5);
                g.strokeRect(sx + 0.75, y + 0.75, sw - 1.5, barHeight - 1.5);
            }
            if (sw > 34) {
                g.setFont(selected ? BOLD_FONT : LABEL_FONT);
                g.setFill(selected ? TEXT : MUTED);
                g.fillText(shot.name() + (model.session().hero(shot.name()).isPresent() ? " \u2605" : ""), sx + 5,
                        y + (barHeight - 5) / 2);
            }
        }
    }

    private void paintRuler(GraphicsContext g, double w) {
        double y = PAD + SEQUENCE_HEIGHT;
        double ppf = effectivePixelsPerFrame();
        long[] steps = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};
        long step = steps[steps.length - 1];
        for (long s : steps) {
            if (s * ppf >= 56) {
                step = s;
                break;
            }
        }
        FrameRange frames = shotFrames();
        long first = (long) Math.max(frames.start(), Math.floor(xToFrame(LABEL_WIDTH)));
        long last = (long) Math.min(frames.last(), Math.ceil(xToFrame(w - PAD)));
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setStroke(MUTED);
        g.setLineWidth(1);
        for (long f = (first / step) * step; f <= last; f += step) {
            if (f < first) {
                continue;
            }
            double x = Math.floor(frameToX(f)) + 0.5;
            g.strokeLine(x, y + RULER_HEIGHT - 6, x, y + RULER_HEIGHT);
            g.setFill(MUTED);
            g.fillText(Long.toString(f), x + 3, y + RULER_HEIGHT / 2 - 1);
        }
        g.setFill(MUTED);
        g.setFont(BOLD_FONT);
        g.fillText("FRAMES", PAD, y + RULER_HEIGHT / 2);
    }

    private void paintLane(GraphicsContext g, Variant variant, int number, double y, double w) {
        boolean selected = variant.equals(model.selectedVariantProperty().get());
        boolean compare = variant.equals(model.compareVariantProperty().get());
        g.setFill(selected ? SELECTED_LANE : LANE_BACKGROUND);
        g.fillRect(0, y + 1, w, LANE_HEIGHT - 2);
        HeroMark hero = model.heroOfShotProperty().get();
        boolean isHero = hero != null && hero.variant().equals(variant.name());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(selected ? BOLD_FONT : LABEL_FONT);
        g.setFill(selected ? TEXT : MUTED);
        String label = number + "  " + variant.name() + (isHero ? "  \u2605" : "");
        g.fillText(label, PAD, y + LANE_HEIGHT / 2);
        if (selected || compare) {
            g.setFont(BOLD_FONT);
            g.setFill(selected ? DecisionColours.PLAYHEAD : DecisionColours.MARK);
            g.fillText(selected ? "A" : "B", LABEL_WIDTH - 18, y + LANE_HEIGHT / 2);
        }
        FrameRange range = variant.media().range();
        Decision[] decisions = decisionsOf(variant);
        int[] scores = scoresOf(variant);
        double ppf = effectivePixelsPerFrame();
        double decisionTop = y + 3;
        double heatTop = decisionTop + DECISION_HEIGHT + 1;
        double right = w - PAD;
        g.save();
        g.beginPath();
        g.rect(LABEL_WIDTH, y, right - LABEL_WIDTH, LANE_HEIGHT);
        g.clip();
        if (ppf >= 1) {
            long first = (long) Math.max(range.start(), Math.floor(xToFrame(LABEL_WIDTH)));
            long last = (long) Math.min(range.last(), Math.ceil(xToFrame(right)));
            double gap = ppf >= 6 ? 1 : 0;
            g.setFont(CELL_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            for (long f = first; f <= last; f++) {
                int i = (int) (f - range.start());
                double x = frameToX(f);
                Decision d = decisions[i];
                Verdict verdict = d == null ? null : d.verdict();
                g.setFill(DecisionColours.of(verdict));
                g.fillRect(x, decisionTop, Math.max(1, ppf - gap), DECISION_HEIGHT);
                if (ppf >= 11 && verdict != null) {
                    g.setFill(Color.web("#0d0f12"));
                    g.fillText(DecisionColours.letter(verdict), x + ppf / 2, decisionTop + DECISION_HEIGHT / 2);
                }
                paintHeat(g, x, Math.max(1, ppf - gap), heatTop, scores[i]);
                if (!model.matchesFilter(d, scores[i])) {
                    g.setFill(DIM);
                    g.fillRect(x, decisionTop, Math.max(1, ppf), DECISION_HEIGHT + HEAT_HEIGHT + 1);
                }
            }
        } else {
            // Zoomed out: one pixel column covers several frames; show the worst decision and the lowest score.
            // Neighbouring columns that look alike are drawn as one rectangle, so a 2,000-frame lane costs a few
            // hundred drawing commands rather than thousands.
            int startX = (int) Math.max(LABEL_WIDTH, Math.floor(frameToX(range.start())));
            int endX = (int) Math.min(right, Math.ceil(frameToX(range.endExclusive())));
            g.setFill(DecisionColours.UNSCORED);
            g.fillRect(startX, heatTop, Math.max(0, endX - startX), HEAT_HEIGHT);
            Run decisionRun = new Run();
            Run heatRun = new Run();
            Run dimRun = new Run();
            for (int x = startX; x < endX; x++) {
                long from = (long) Math.floor(xToFrame(x));
                long to = (long) Math.floor(xToFrame(x + 1));
                Decision worst = null;
                int worstSeverity = -1;
                int lowest = -1;
                boolean anyMatch = false;
                for (long f = Math.max(range.start(), from); f <= Math.min(range.last(), Math.max(from, to - 1)); f++) {
                    int i = (int) (f - range.start());
                    int s = severity(decisions[i]);
                    if (s > worstSeverity) {
                        worstSeverity = s;
                        worst = decisions[i];
                    }
                    if (scores[i] >= 0 && (lowest < 0 || scores[i] < lowest)) {
                        lowest = scores[i];
                    }
                    anyMatch |= model.matchesFilter(decisions[i], scores[i]);
                }
                Color decisionColour = DecisionColours.of(worst == null ? null : worst.verdict());
                decisionRun.extend(g, x, decisionColour, decisionTop, DECISION_HEIGHT);
                if (lowest >= 0) {
                    double bar = Math.max(2, Math.round(HEAT_HEIGHT * (100 - lowest) / 100.0));
                    heatRun.extend(g, x, DecisionColours.of(model.band(lowest)), heatTop + HEAT_HEIGHT - bar, bar);
                } else {
                    heatRun.flush(g);
                }
                if (!anyMatch) {
                    dimRun.extend(g, x, DIM, decisionTop, DECISION_HEIGHT + HEAT_HEIGHT + 1);
                } else {
                    dimRun.flush(g);
                }
            }
            decisionRun.flush(g);
            heatRun.flush(g);
            dimRun.flush(g);
        }
        if (isHero) {
            double hx = frameToX(hero.approved().start());
            double hw = hero.approved().length() * ppf;
            g.setFill(DecisionColours.APPROVE);
            g.fillRect(hx, y + LANE_HEIGHT - 3, hw, 2);
        }
        g.restore();
    }

    /** A run of equal one-pixel columns, drawn as one rectangle when it ends. */
    private static final class Run {
        private int startX = -1;
        private int endX;
        private Color colour;
        private double top;
        private double height;

        void extend(GraphicsContext g, int x, Color c, double t, double h) {
            if (startX >= 0 && x == endX && c.equals(colour) && t == top && h == height) {
                endX = x + 1;
                return;
            }
            flush(g);
            startX = x;
            endX = x + 1;
            colour = c;
            top = t;
            height = h;
        }

        void flush(GraphicsContext g) {
            if (startX >= 0) {
                g.setFill(colour);
                g.fillRect(startX, top, endX - startX, height);
                startX = -1;
            }
        }
    }

    private void paintHeat(GraphicsContext g, double x, double width, double top, int score) {
        if (score < 0) {
            g.setFill(DecisionColours.UNSCORED);
            g.fillRect(x, top, width, HEAT_HEIGHT);
            return;
        }
        g.setFill(DecisionColours.UNSCORED);
        g.fillRect(x, top, width, HEAT_HEIGHT);
        g.setFill(DecisionColours.of(model.band(score)));
        // Bar height grows as the score falls, so shape doubles colour: problems stand up out of the strip.
        double bar = Math.max(2, HEAT_HEIGHT * (100 - score) / 100.0);
        g.fillRect(x, top + HEAT_HEIGHT - bar, width, bar);
    }

    private void paintMarks(GraphicsContext g, double top, int lanes) {
        Long in = model.inPointProperty().get();
        Long out = model.outPointProperty().get();
        if (in == null && out == null) {
            return;
        }
        FrameRange target = model.decisionTarget();
        double x = frameToX(target.start());
        double width = target.length() * effectivePixelsPerFrame();
        double height = lanes * LANE_HEIGHT;
        g.setFill(Color.color(0.8, 0.47, 0.65, 0.16));
        g.fillRect(x, top, width, height);
        g.setStroke(DecisionColours.MARK);
        g.setLineWidth(2);
        if (in != null) {
            g.strokeLine(x, top - 4, x, top + height);
        }
        if (out != null) {
            g.strokeLine(x + width, top - 4, x + width, top + height);
        }
    }
}
