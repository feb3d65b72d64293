package dev.onmodel.app.ui.review;

import dev.onmodel.app.session.CastMark;
import dev.onmodel.app.session.CharacterBox;
import dev.onmodel.app.session.FrameScore;
import dev.onmodel.app.ui.images.DifferenceImages;
import dev.onmodel.app.ui.images.FrameImageCache;
import dev.onmodel.app.ui.images.MovieFrameFiles;
import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.SheetView;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.time.FrameRange;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.effect.ColorAdjust;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The viewer: the current frame with fit / 100% / zoom and pan, overlays (character box, score and its components,
 * frame number and SMPTE timecode, decision and note) and the compare modes (frame | sheet, A | B, wipe, difference
 * with gain, onion skin).
 *
 * <p>Decoding happens in {@link FrameImageCache}; the pane only swaps images on the FX thread and keeps the previous
 * image on screen until the next one is decoded, so stepping and A/B flips never show a black frame. The compare
 * variant's frame is prefetched in every mode while the playhead stands, so a flip is a cache hit; not during
 * playback, where the frame would be gone before anyone flips and its decode would take a decoder from the frames
 * about to be shown (over half the decodes of a first playback went to it). The modes that show B (A | B, wipe,
 * difference) need its frames as much as A's, and prefetch both takes ahead while playing.
 */
public final class ViewerPane extends Pane {

    private static final int PREFETCH_AHEAD = 8;
    private static final int PREFETCH_BEHIND = 4;
    private static final int PREFETCH_PLAYING = 24;
    private static final double GAP = 8;

    private final ReviewViewModel model;
    private final FrameImageCache cache;
    private final DifferenceImages differences;
    private final ImageView imageA = new ImageView();
    private final ImageView imageB = new ImageView();
    private final ImageView onionPrevious = new ImageView();
    private final ImageView onionNext = new ImageView();
    private final ImageView difference = new ImageView();
    private final Rectangle wipeClip = new Rectangle();
    private final Line wipeLine = new Line();
    private final Rectangle characterBox = new Rectangle();
    private final Label boxLabel = new Label();
    /** The boxes of the frame's other cast characters (the headline's is {@link #characterBox}). */
    private final Pane otherBoxes = new Pane();
    private final Label frameInfo = new Label();
    private final Label modeInfo = new Label();
    private final VBox scoreInfo = new VBox(2);
    private final Label scoreHeadline = new Label();
    private final Label scoreComponents = new Label();
    private final Label scoreExplanation = new Label();
    private final Label decisionInfo = new Label();
    private final Label message = new Label();
    /**
     * Why the compared take (B) shows nothing at this frame: takes of one shot often differ in length, and a blank
     * half would look like a failure to load.
     */
    private final Label compareMessage = new Label();
    private Path shownFile;
    private Path wantedA;
    private Path wantedB;
    private double zoom = Double.NaN; // NaN: fit
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private double scaleA = 1;
    private double originAX;
    private double originAY;
    private boolean lastShowImmediate = true;
    private final javafx.beans.property.ReadOnlyBooleanWrapper firstFrameShown =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "firstFrameShown");
    /**
     * Whether the first decode of a frame for A is over (shown, failed, or done after the playhead had moved on):
     * neighbours are prefetched only from then on. Not "first frame shown": a reviewer who plays a movie take before
     * its first frame is made (ffmpeg takes 0.15-0.5 s) moves the playhead on before each decode ends, so no frame
     * would ever be shown while still wanted, and no frame would be prefetched during the whole playback.
     */
    private boolean startupDecodeOver;
    // The box frames are decoded into in fit mode (0 = full resolution), so painting copies 1:1.
    private int displayWidth;
    private int displayHeight;

    public ViewerPane(ReviewViewModel model, FrameImageCache cache, DifferenceImages differences) {
        this.model = model;
        this.cache = cache;
        this.differences = differences;
        getStyleClass().add("viewer");
        setId("viewer");
        imageA.setId("viewerImage");
        imageB.setId("compareImage");
        difference.setId("differenceImage");
        onionPrevious.setId("onionPrevious");
        onionNext.setId("onionNext");
        for (ImageView view : new ImageView[] {imageA, imageB, onionPrevious, onionNext, difference}) {
            view.setPreserveRatio(false);
            view.setSmooth(true);
            view.setManaged(false);
        }
        // Onion skin: previous frame tinted towards blue, next towards orange (Okabe-Ito pair), both half-transparent.
        onionPrevious.setEffect(new ColorAdjust(-0.45, 0.2, 0, 0));
        onionNext.setEffect(new ColorAdjust(0.12, 0.2, 0, 0));
        onionPrevious.setOpacity(0.38);
        onionNext.setOpacity(0.38);
        imageA.setClip(null);
        wipeLine.getStyleClass().add("wipe-line");
        wipeLine.setManaged(false);
        characterBox.getStyleClass().add("character-box");
        characterBox.setManaged(false);
        characterBox.setMouseTransparent(true);
        boxLabel.getStyleClass().add("box-label");
        boxLabel.setManaged(false);
        otherBoxes.setManaged(false);
        otherBoxes.setMouseTransparent(true);
        otherBoxes.setId("otherCharacterBoxes");
        frameInfo.setId("frameOverlay");
        frameInfo.getStyleClass().addAll("overlay", "frame-overlay");
        modeInfo.getStyleClass().addAll("overlay", "mode-overlay");
        modeInfo.setId("modeOverlay");
        scoreHeadline.getStyleClass().add("score-headline");
        scoreHeadline.setId("scoreOverlay");
        scoreComponents.getStyleClass().add("score-components");
        scoreExplanation.getStyleClass().add("score-explanation");
        scoreExplanation.setWrapText(true);
        scoreExplanation.setMaxWidth(300);
        scoreInfo.getChildren().addAll(scoreHeadline, scoreComponents, scoreExplanation);
        for (Label line : new Label[] {scoreComponents, scoreExplanation}) {
            line.managedProperty().bind(line.textProperty().isNotEmpty());
            line.visibleProperty().bind(line.textProperty().isNotEmpty());
        }
        scoreInfo.getStyleClass().addAll("overlay", "score-overlay");
        scoreInfo.setAlignment(Pos.TOP_RIGHT);
        decisionInfo.setId("decisionOverlay");
        decisionInfo.getStyleClass().addAll("overlay", "decision-overlay");
        decisionInfo.setWrapText(true);
        decisionInfo.setMaxWidth(520);
        message.getStyleClass().add("viewer-message");
        message.setId("viewerMessage");
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        compareMessage.getStyleClass().add("viewer-message");
        compareMessage.setId("compareMessage");
        compareMessage.visibleProperty().bind(compareMessage.textProperty().isNotEmpty());
        for (var node : new javafx.scene.Node[] {frameInfo, modeInfo, scoreInfo, decisionInfo, message,
                compareMessage}) {
            node.setManaged(false);
            node.setMouseTransparent(true);
        }
        getChildren().addAll(imageB, imageA, difference, onionPrevious, onionNext, wipeLine, otherBoxes, characterBox,
                boxLabel,
                frameInfo, modeInfo, scoreInfo, decisionInfo, message, compareMessage);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(200, 120);

        model.currentFrameProperty().addListener((obs, old, frame) -> refresh());
        model.selectionVersionProperty().addListener((obs, old, version) -> refresh());
        model.compareVariantProperty().addListener((obs, old, v) -> refresh());
        model.compareModeProperty().addListener((obs, old, mode) -> refresh());
        model.differenceGainProperty().addListener((obs, old, gain) -> refresh());
        model.wipePositionProperty().addListener((obs, old, p) -> requestLayout());
        model.currentScoreProperty().addListener((obs, old, s) -> refreshOverlays());
        model.otherCastMarksProperty().addListener((obs, old, marks) -> requestLayout());
        model.currentDecisionProperty().addListener((obs, old, d) -> refreshOverlays());
        model.overlaysVisibleProperty().addListener((obs, old, v) -> refreshOverlays());
        model.playingProperty().addListener((obs, was, playing) -> prefetchForPlayhead());
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnScroll(this::onScroll);
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                fit();
            }
        });
        refresh();
    }

    /** The file whose image is on screen now as A (for tests and overlays). */
    public Path shownFile() {
        return shownFile;
    }

    /** Becomes true once the first frame is on screen (the app starts background scoring after it). */
    public javafx.beans.property.ReadOnlyBooleanProperty firstFrameShownProperty() {
        return firstFrameShown.getReadOnlyProperty();
    }

    /** Whether the last frame change was painted from the cache without waiting for a decode. */
    public boolean lastShowImmediate() {
        return lastShowImmediate;
    }

    // ---- zoom and pan ------------------------------------------------------------------------------------------

    public void fit() {
        zoom = Double.NaN;
        panX = 0;
        panY = 0;
        refresh();
    }

    public void actualSize() {
        boolean wasFit = Double.isNaN(zoom);
        zoom = 1;
        panX = 0;
        panY = 0;
        if (wasFit) {
            refresh(); // zoomed: switch to full-resolution frames
        }
        requestLayout();
    }

    public void zoomBy(double factor) {
        boolean wasFit = Double.isNaN(zoom);
        zoom = Math.max(0.05, Math.min(32, scaleA * factor));
        if (wasFit) {
            refresh();
        }
        requestLayout();
    }

    /** Current scale of A (1 = 100%). */
    public double scale() {
        return scaleA;
    }

    private void onPressed(MouseEvent event) {
        dragX = event.getX();
        dragY = event.getY();
        if (model.compareModeProperty().get() == CompareMode.WIPE && event.getButton() == MouseButton.PRIMARY) {
            moveWipe(event.getX());
        }
        requestFocus();
    }

    private void onDragged(MouseEvent event) {
        if (model.compareModeProperty().get() == CompareMode.WIPE && event.getButton() == MouseButton.PRIMARY) {
            moveWipe(event.getX());
            return;
        }
        if (Double.isNaN(zoom)) {
            zoom = scaleA;
            refresh();
        }
        panX += event.getX() - dragX;
        panY += event.getY() - dragY;
        dragX = event.getX();
        dragY = event.getY();
        setCursor(Cursor.MOVE);
        requestLayout();
    }

    private void moveWipe(double x) {
        Image a = imageA.getImage();
        if (a == null) {
            return;
        }
        double width = imageA.getFitWidth();
        model.wipePositionProperty().set(Math.max(0, Math.min(1, (x - originAX) / Math.max(1, width))));
    }

    private void onScroll(ScrollEvent event) {
        if (event.getDeltaY() == 0) {
            return;
        }
        double factor = event.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
        Image a = imageA.getImage();
        double before = scaleA;
        boolean wasFit = Double.isNaN(zoom);
        zoom = Math.max(0.05, Math.min(32, scaleA * factor));
        if (wasFit) {
            refresh();
        }
        if (a != null) {
            // Keep the image point under the cursor where it is: origin' = cursor - point * zoom, and the origin
            // is the centred position (which moves by half the size change) plus the pan.
            double ix = (event.getX() - originAX) / before;
            double iy = (event.getY() - originAY) / before;
            double sourceWidth = imageA.getFitWidth() / before;
            double sourceHeight = imageA.getFitHeight() / before;
            double centredX = originAX - panX - sourceWidth * (zoom - before) / 2;
            double centredY = originAY - panY - sourceHeight * (zoom - before) / 2;
            panX = event.getX() - ix * zoom - centredX;
            panY = event.getY() - iy * zoom - centredY;
        }
        event.consume();
        requestLayout();
    }

    // ---- frames ------------------------------------------------------------------------------------------------

    /**
     * The file that shows {@code frame} of {@code variant}: an image sequence's file, or a movie frame's (decoded by
     * ffmpeg when it is first shown, see {@link MovieFrameFiles}).
     */
    private Optional<Path> frameFile(Variant variant, long frame) {
        if (variant != null && variant.media() instanceof MovieMedia movie) {
            return cache.movieFrames().flatMap(frames -> frames.pathFor(movie, frame));
        }
        return ReviewViewModel.frameFile(variant, frame);
    }

    /** The decode box for frames: the fitted view size, or full resolution once zoomed. */
    private int requestWidth() {
        return Double.isNaN(zoom) ? displayWidth : 0;
    }

    private int requestHeight() {
        return Double.isNaN(zoom) ? displayHeight : 0;
    }

    private void refresh() {
        long frame = model.currentFrameProperty().get();
        CompareMode mode = model.compareModeProperty().get();
        Variant a = model.selectedVariantProperty().get();
        Variant b = model.compareVariantProperty().get();
        Optional<Path> fileA = frameFile(a, frame);
        Optional<Path> fileB = frameFile(b, frame);
        if (displayWidth == 0 && Double.isNaN(zoom)) {
            return; // not laid out yet: the first layout asks again, at the size the frame will be shown
        }
        if (fileA.isEmpty()) {
            message.setText(a == null ? "No variant selected"
                    : a.media() instanceof MovieMedia movie
                    ? cache.movieFrames().map(MovieFrameFiles::available).orElse(false)
                    ? "Frame " + frame + " is outside " + movie.file().getFileName() + " (frames " + movie.range().start()
                    + "-" + movie.range().last() + ")"
                    : movie.file().getFileName() + " is a movie: showing its frames needs ffmpeg and ffprobe on the PATH"
                    : "Frame " + frame + " is missing on disk");
            imageA.setImage(null);
            shownFile = null;
            wantedA = null;
        } else {
            wantedA = fileA.get();
            lastShowImmediate = load(wantedA, true, imageA, () -> wantedA, this::startupDecodeOver, image -> {
                shownFile = wantedA;
                firstFrameShown.set(true);
                message.setText(model.playingProperty().get() || mode != CompareMode.SINGLE ? message.getText() : "");
            });
            if (lastShowImmediate) {
                shownFile = wantedA;
                message.setText("");
            }
        }
        boolean needsB = showsB(mode);
        boolean needsSheet = mode == CompareMode.SIDE_BY_SIDE_SHEET;
        wantedB = needsB ? fileB.orElse(null) : needsSheet ? matchedSheetImage().orElse(null) : null;
        if (wantedB != null) {
            load(wantedB, !needsSheet, imageB, () -> wantedB, image -> { });
        } else {
            imageB.setImage(null);
        }
        if (needsB && b == null) {
            message.setText("Pick a compare variant (B): it needs a shot with two variants");
        }
        String whyNoB = needsB && b != null && fileB.isEmpty() ? noFrameText("B " + b.name(), b, frame) : "";
        if (!whyNoB.equals(compareMessage.getText())) {
            compareMessage.setText(whyNoB);
            requestLayout(); // placed by layoutChildren, at the size of its new text
        }
        if (!model.playingProperty().get()) {
            fileB.ifPresent(f -> cache.prefetch(f, requestWidth(), requestHeight()));
        }
        if (mode == CompareMode.ONION_SKIN) {
            load(frameFile(a, frame - 1).orElse(null), true, onionPrevious, () -> null, i -> { });
            load(frameFile(a, frame + 1).orElse(null), true, onionNext, () -> null, i -> { });
        }
        if (mode == CompareMode.DIFFERENCE) {
            refreshDifference();
        }
        prefetchAround(shownTakes(), frame);
        refreshOverlays();
        requestLayout();
    }

    /** Why {@code variant} (named {@code who}) has no picture for {@code frame}. */
    private String noFrameText(String who, Variant variant, long frame) {
        FrameRange range = variant.media().range();
        if (variant.media() instanceof MovieMedia movie && !cache.movieFrames().map(MovieFrameFiles::available)
                .orElse(false)) {
            return who + ": " + movie.file().getFileName() + " is a movie; showing its frames needs ffmpeg and ffprobe";
        }
        return range.contains(frame) ? who + ": frame " + frame + " is missing on disk"
                : who + " has no frame " + frame + " (its frames are " + range.start() + "-" + range.last() + ")";
    }

    /**
     * Puts the decoded {@code file} into {@code view}: at once when cached (returns true), else after the decode
     * if {@code stillWanted} still names it. The view keeps its previous image meanwhile.
     */
    private boolean load(Path file, boolean fitted, ImageView view, java.util.function.Supplier<Path> stillWanted,
                         java.util.function.Consumer<Image> shown) {
        return load(file, fitted, view, stillWanted, () -> { }, shown);
    }

    /** As above; {@code decoded} runs (on the FX thread) once the decode is over, wanted or not, failed or not. */
    private boolean load(Path file, boolean fitted, ImageView view, java.util.function.Supplier<Path> stillWanted,
                         Runnable decoded, java.util.function.Consumer<Image> shown) {
        if (file == null) {
            view.setImage(null);
            return false;
        }
        int width = fitted ? requestWidth() : 0;
        int height = fitted ? requestHeight() : 0;
        Image ready = cache.getIfReady(file, width, height);
        if (ready != null) {
            view.setImage(ready);
            shown.accept(ready);
            decoded.run();
            return true;
        }
        cache.load(file, width, height).whenComplete((image, error) -> BackgroundTasks.onFxThread(() -> {
            decoded.run();
            Path wanted = stillWanted.get();
            if (wanted != null && !wanted.equals(file)) {
                return; // the playhead moved on while decoding
            }
            if (error != null) {
                // Only the future's own wrapper is unwrapped: FrameLoadException's cause is the bare reason, without
                // the file's name.
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                // The previous frame's picture must not stay under this frame's number: a reviewer would judge it.
                view.setImage(null);
                if (model.compareModeProperty().get() == CompareMode.DIFFERENCE) {
                    difference.setImage(null); // nor the previous frame's difference
                }
                message.setText(cause.getMessage());
                requestLayout(); // the message is placed by layoutChildren, at the size of its new text
                return;
            }
            view.setImage(image);
            shown.accept(image);
            if (model.compareModeProperty().get() == CompareMode.DIFFERENCE) {
                refreshDifference();
            }
            requestLayout();
        }));
        return false;
    }

    private void refreshDifference() {
        Path a = wantedA;
        Path b = wantedB;
        if (a == null || b == null) {
            // No difference at this frame (a take lacks it): the previous frame's must not stay under its number.
            difference.setImage(null);
            requestLayout();
            return;
        }
        Image imgA = cache.getIfReady(a, requestWidth(), requestHeight());
        Image imgB = cache.getIfReady(b, requestWidth(), requestHeight());
        if (imgA == null || imgB == null) {
            return;
        }
        double gain = model.differenceGainProperty().get();
        Image ready = differences.getIfReady(a, b, gain);
        if (ready != null) {
            difference.setImage(ready);
            requestLayout();
            return;
        }
        differences.compute(a, imgA, b, imgB, gain).whenComplete((image, error) -> BackgroundTasks.onFxThread(() -> {
            if (error != null) {
                message.setText("Difference not shown: " + error.getMessage());
            } else if (a.equals(wantedA) && b.equals(wantedB)) {
                difference.setImage(image);
                requestLayout();
            }
        }));
    }

    private Optional<Path> matchedSheetImage() {
        FrameScore score = model.currentScoreProperty().get();
        if (score != null && score.matchedView().isPresent()) {
            return score.matchedView().map(SheetView::image);
        }
        return model.castOfSelectedShot().stream().map(CharacterSheet::views).filter(v -> !v.isEmpty())
                .map(v -> v.get(0).image()).findFirst();
    }

    /** The first decode for A is over: the neighbours it waited for are asked for now. */
    private void startupDecodeOver() {
        if (!startupDecodeOver) {
            startupDecodeOver = true;
            prefetchForPlayhead();
        }
    }

    /**
     * When playback starts, its reach ahead is asked for at once instead of at the first frame change; when it stops,
     * the stepping neighbours and the compare variant's frame are asked for, as after a step.
     */
    private void prefetchForPlayhead() {
        if (!startupDecodeOver || (displayWidth == 0 && Double.isNaN(zoom))) {
            return;
        }
        long frame = model.currentFrameProperty().get();
        if (!model.playingProperty().get()) {
            frameFile(model.compareVariantProperty().get(), frame)
                    .ifPresent(f -> cache.prefetch(f, requestWidth(), requestHeight()));
        }
        prefetchAround(shownTakes(), frame);
    }

    /**
     * The takes the viewer shows frames of: A, and B in the compare modes that show it (A | B, wipe, difference),
     * which need B's frames as much as A's while playing.
     */
    private List<Variant> shownTakes() {
        List<Variant> takes = new ArrayList<>(2);
        Variant a = model.selectedVariantProperty().get();
        Variant b = model.compareVariantProperty().get();
        CompareMode mode = model.compareModeProperty().get();
        if (a != null) {
            takes.add(a);
        }
        if (showsB(mode) && b != null) {
            takes.add(b);
        }
        return takes;
    }

    /** Whether {@code mode} shows the compare variant's frame beside or over A's. */
    private static boolean showsB(CompareMode mode) {
        return mode == CompareMode.SIDE_BY_SIDE_VARIANT || mode == CompareMode.WIPE || mode == CompareMode.DIFFERENCE;
    }

    /** @param variants the takes shown, A first */
    private void prefetchAround(List<Variant> variants, long frame) {
        if (!startupDecodeOver) {
            // At start-up the neighbours' decodes would compete with the first frame and the window's first layout
            // for the CPU (2 cores): they are asked for once the first frame's decode is over.
            return;
        }
        int speed = model.playbackSpeedProperty().get();
        int ahead = speed != 0 ? PREFETCH_PLAYING * Math.abs(speed) : PREFETCH_AHEAD;
        int behind = speed != 0 ? 2 : PREFETCH_BEHIND;
        int direction = speed < 0 ? -1 : 1;
        int width = requestWidth();
        int height = requestHeight();
        // The cache decodes the most recent prefetch first, so the frames are asked for in reverse order of need:
        // those behind, then those ahead from the farthest to the next one. The next frame is then decoded first,
        // and a movie frame that is not there yet starts its run (MovieFrameFiles) at the next frame, covering
        // those after it in one ffmpeg process instead of one process each from the far end backwards.
        // With two takes shown, each distance is asked for in both, A last: the next frame of both comes before the
        // frame after it of either, and A's before B's.
        for (int i = behind; i >= 1; i--) {
            for (int v = variants.size() - 1; v >= 0; v--) {
                frameFile(variants.get(v), frame - (long) i * direction)
                        .ifPresent(f -> cache.prefetch(f, width, height));
            }
        }
        for (int i = ahead; i >= 1; i--) {
            for (int v = variants.size() - 1; v >= 0; v--) {
                frameFile(variants.get(v), frame + (long) i * direction)
                        .ifPresent(f -> cache.prefetch(f, width, height));
            }
        }
    }

    // ---- overlays ----------------------------------------------------------------------------------------------

    private void refreshOverlays() {
        boolean visible = model.overlaysVisibleProperty().get();
        Variant a = model.selectedVariantProperty().get();
        long frame = model.currentFrameProperty().get();
        frameInfo.setText(a == null ? "" : a.qualifiedName() + "   " + frame + "   " + model.timecodeProperty().get());
        CompareMode mode = model.compareModeProperty().get();
        Variant b = model.compareVariantProperty().get();
        modeInfo.setText(switch (mode) {
            case SINGLE -> "";
            case SIDE_BY_SIDE_SHEET -> "FRAME  |  APPROVED SHEET";
            case SIDE_BY_SIDE_VARIANT -> "A " + name(a) + "  |  B " + name(b);
            case WIPE -> "WIPE   A " + name(a) + "  \u25c0\u25b6  B " + name(b);
            case DIFFERENCE -> "DIFFERENCE  A " + name(a) + " \u2212 B " + name(b) + "   gain \u00d7"
                    + String.format("%.0f", model.differenceGainProperty().get());
            case ONION_SKIN -> "ONION SKIN   previous (blue) \u00b7 next (orange)";
        });
        FrameScore score = model.currentScoreProperty().get();
        if (score == null) {
            scoreHeadline.setText(model.session().canScore() ? "not scored yet" : "no score");
            scoreHeadline.setStyle("-fx-text-fill: #7d8590;");
            scoreComponents.setText("");
            scoreExplanation.setText("");
        } else {
            String colour = DecisionColours.hex(DecisionColours.overlayOf(model.band(score.score())));
            scoreHeadline.setText(score.score() + "  " + model.band(score.score()).word().toUpperCase()
                    + score.character().map(c -> "   " + c).orElse(""));
            scoreHeadline.setStyle("-fx-text-fill: " + colour + ";");
            scoreComponents.setText(score.components().stream()
                    .map(c -> c.name() + " " + Math.round(c.value())).collect(Collectors.joining("  \u00b7  "))
                    + score.matchedView().map(v -> "\nbest sheet view: " + v.name()).orElse(""));
            scoreExplanation.setText(score.explanation());
        }
        Decision decision = model.currentDecisionProperty().get();
        if (decision == null) {
            decisionInfo.setText("\u25cb  undecided");
            decisionInfo.setStyle("");
        } else {
            String colour = DecisionColours.hex(DecisionColours.of(decision.verdict()));
            decisionInfo.setText("\u25a0 " + DecisionColours.letter(decision.verdict()) + "  "
                    + decision.verdict().word().toUpperCase() + "   " + decision.reviewer() + " ("
                    + decision.role().word() + ") \u00b7 " + decision.pass()
                    + (decision.note().isEmpty() ? "" : "\n\u201c" + decision.note() + "\u201d"));
            decisionInfo.setStyle("-fx-border-color: transparent transparent transparent " + colour + ";");
        }
        for (var node : new javafx.scene.Node[] {frameInfo, scoreInfo, decisionInfo, characterBox, boxLabel}) {
            node.setVisible(visible);
        }
        modeInfo.setVisible(!modeInfo.getText().isEmpty());
        requestLayout();
    }

    private static String name(Variant v) {
        return v == null ? "\u2014" : v.name();
    }

    // ---- layout ------------------------------------------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        CompareMode mode = model.compareModeProperty().get();
        boolean sideBySide = mode == CompareMode.SIDE_BY_SIDE_SHEET || mode == CompareMode.SIDE_BY_SIDE_VARIANT;
        double viewWidth = sideBySide ? (w - 3 * GAP) / 2 : w - 2 * GAP;
        double viewHeight = h - 2 * GAP;
        Image a = mode == CompareMode.DIFFERENCE && difference.getImage() != null ? difference.getImage()
                : imageA.getImage();
        imageA.setVisible(mode != CompareMode.DIFFERENCE);
        difference.setVisible(mode == CompareMode.DIFFERENCE);
        imageB.setVisible(sideBySide || mode == CompareMode.WIPE);
        onionPrevious.setVisible(mode == CompareMode.ONION_SKIN);
        onionNext.setVisible(mode == CompareMode.ONION_SKIN);
        wipeLine.setVisible(mode == CompareMode.WIPE);
        int boxWidth = (int) Math.max(1, Math.floor(viewWidth));
        int boxHeight = (int) Math.max(1, Math.floor(viewHeight));
        if (boxWidth != displayWidth || boxHeight != displayHeight) {
            displayWidth = boxWidth;
            displayHeight = boxHeight;
            if (Double.isNaN(zoom)) {
                javafx.application.Platform.runLater(this::refresh); // decode at the new view size
            }
        }
        if (a != null) {
            // Geometry is in the file's pixels (the loaded image may be a fitted copy), so boxes and zoom stay true.
            double sourceWidth = wantedA == null ? a.getWidth()
                    : cache.sourceSize(wantedA).map(header -> (double) header.width()).orElse(a.getWidth());
            double sourceHeight = wantedA == null ? a.getHeight()
                    : cache.sourceSize(wantedA).map(header -> (double) header.height()).orElse(a.getHeight());
            double fitScale = Math.min(viewWidth / sourceWidth, viewHeight / sourceHeight);
            scaleA = Double.isNaN(zoom) ? fitScale : zoom;
            double iw = Math.round(sourceWidth * scaleA);
            double ih = Math.round(sourceHeight * scaleA);
            if (Double.isNaN(zoom) && a.getWidth() < sourceWidth && Math.abs(a.getWidth() - iw) <= 2) {
                // A fitted copy: show it pixel for pixel (an identity transform is a plain copy when painting).
                iw = a.getWidth();
                ih = a.getHeight();
                scaleA = iw / sourceWidth;
            }
            originAX = Math.round(GAP + (viewWidth - iw) / 2 + panX);
            originAY = Math.round(GAP + (viewHeight - ih) / 2 + panY);
            for (ImageView view : new ImageView[] {imageA, difference, onionPrevious, onionNext}) {
                view.relocate(originAX, originAY);
                view.setFitWidth(iw);
                view.setFitHeight(ih);
            }
            if (mode == CompareMode.WIPE) {
                double split = originAX + iw * model.wipePositionProperty().get();
                wipeClip.setX(0);
                wipeClip.setY(0);
                wipeClip.setWidth(Math.max(0, split - originAX));
                wipeClip.setHeight(ih);
                imageA.setClip(wipeClip);
                wipeLine.setStartX(split);
                wipeLine.setEndX(split);
                wipeLine.setStartY(originAY);
                wipeLine.setEndY(originAY + ih);
                place(imageB, originAX, originAY, iw, ih);
            } else {
                imageA.setClip(null);
            }
            layoutBox();
        } else {
            // No frame shown (a movie, a missing file): a box drawn over nothing would point at the last frame shown.
            characterBox.setVisible(false);
            boxLabel.setVisible(false);
            otherBoxes.getChildren().clear();
        }
        Image b = imageB.getImage();
        if (sideBySide && b != null) {
            double bx = 2 * GAP + viewWidth;
            double scaleB = mode == CompareMode.SIDE_BY_SIDE_SHEET || Double.isNaN(zoom)
                    ? Math.min(viewWidth / b.getWidth(), viewHeight / b.getHeight()) : zoom;
            double bw = b.getWidth() * scaleB;
            double bh = b.getHeight() * scaleB;
            double offsetX = mode == CompareMode.SIDE_BY_SIDE_SHEET ? 0 : panX;
            double offsetY = mode == CompareMode.SIDE_BY_SIDE_SHEET ? 0 : panY;
            place(imageB, Math.round(bx + (viewWidth - bw) / 2 + offsetX), Math.round(GAP + (viewHeight - bh) / 2
                    + offsetY), bw, bh);
        }
        layoutOverlay(frameInfo, 14, 12);
        layoutOverlay(modeInfo, (w - prefWidth(modeInfo)) / 2, 12);
        layoutOverlay(scoreInfo, w - prefWidth(scoreInfo) - 14, 12);
        layoutOverlay(decisionInfo, 14, h - prefHeight(decisionInfo) - 14);
        layoutOverlay(message, (w - prefWidth(message)) / 2, h - prefHeight(message) - 48);
        if (mode == CompareMode.SIDE_BY_SIDE_VARIANT) {
            // In the middle of B's half, where its picture would be.
            layoutOverlay(compareMessage, 2 * GAP + viewWidth + (viewWidth - prefWidth(compareMessage)) / 2,
                    GAP + (viewHeight - prefHeight(compareMessage)) / 2);
        } else {
            double above = message.getText().isEmpty() ? 0 : prefHeight(message) + 8;
            layoutOverlay(compareMessage, (w - prefWidth(compareMessage)) / 2,
                    h - prefHeight(compareMessage) - 48 - above);
        }
    }

    private static void place(ImageView view, double x, double y, double width, double height) {
        view.relocate(x, y);
        view.setFitWidth(width);
        view.setFitHeight(height);
    }

    private void layoutBox() {
        FrameScore score = model.currentScoreProperty().get();
        Optional<CharacterBox> box = score == null ? Optional.empty() : score.box();
        // The box belongs to the current frame: while the picture on screen is still an earlier one (a frame being
        // decoded, a movie frame being made during a first playback) it would frame the wrong place.
        boolean pictureIsCurrent = wantedA != null && wantedA.equals(shownFile);
        boolean show = box.isPresent() && model.overlaysVisibleProperty().get() && pictureIsCurrent;
        characterBox.setVisible(show);
        boxLabel.setVisible(show);
        layoutOtherBoxes(show);
        if (!show) {
            return;
        }
        CharacterBox b = box.get();
        characterBox.setX(originAX + b.x() * scaleA);
        characterBox.setY(originAY + b.y() * scaleA);
        characterBox.setWidth(b.width() * scaleA);
        characterBox.setHeight(b.height() * scaleA);
        String colour = DecisionColours.hex(DecisionColours.overlayOf(model.band(score.score())));
        characterBox.setStyle("-fx-stroke: " + colour + ";");
        boxLabel.setText(score.character().orElse("character") + " \u00b7 " + score.score());
        boxLabel.setStyle("-fx-background-color: " + colour + ";");
        boxLabel.autosize();
        boxLabel.relocate(characterBox.getX(), Math.max(0, characterBox.getY() - boxLabel.getHeight()));
    }

    /**
     * Frames the other cast characters as the headline character is framed, each in the colour of its own band, so
     * that in a shot with several characters the reviewer sees where each was found and how it scored.
     */
    private void layoutOtherBoxes(boolean show) {
        otherBoxes.getChildren().clear();
        if (!show) {
            return;
        }
        for (CastMark mark : model.otherCastMarksProperty().get()) {
            CharacterBox b = mark.box();
            String colour = DecisionColours.hex(DecisionColours.overlayOf(model.band(mark.score())));
            Rectangle frame = new Rectangle(originAX + b.x() * scaleA, originAY + b.y() * scaleA, b.width() * scaleA,
                    b.height() * scaleA);
            frame.getStyleClass().add("character-box");
            frame.setStyle("-fx-stroke: " + colour + ";");
            Label label = new Label(mark.character() + " \u00b7 " + mark.score());
            label.getStyleClass().add("box-label");
            label.setStyle("-fx-background-color: " + colour + ";");
            otherBoxes.getChildren().addAll(frame, label);
            label.applyCss(); // its size is the styled one, as the headline's label has after its first pulse
            label.autosize();
            label.relocate(frame.getX(), Math.max(0, frame.getY() - label.getHeight()));
        }
    }

    private static void layoutOverlay(javafx.scene.layout.Region node, double x, double y) {
        node.autosize();
        node.relocate(Math.round(x), Math.round(y));
    }

    private static double prefWidth(javafx.scene.layout.Region node) {
        return node.prefWidth(-1);
    }

    private static double prefHeight(javafx.scene.layout.Region node) {
        return node.prefHeight(node.prefWidth(-1));
    }

}
