package dev.onmodel.app.ui.review;

import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.Timecode;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * State of the review screen, testable without a Stage: which shot and variant are selected, which frame is
 * current (numbered as in the file names) and the labels derived from it.
 */
public final class ReviewViewModel {

    private final Project project;
    private final ObservableList<Shot> shots;
    private final ObjectProperty<Shot> selectedShot = new SimpleObjectProperty<>(this, "selectedShot");
    private final ObjectProperty<Variant> selectedVariant = new SimpleObjectProperty<>(this, "selectedVariant");
    private final LongProperty currentFrame = new SimpleLongProperty(this, "currentFrame");
    private final ReadOnlyObjectWrapper<FrameRange> frameRange = new ReadOnlyObjectWrapper<>(this, "frameRange");
    private final ReadOnlyStringWrapper frameCounter = new ReadOnlyStringWrapper(this, "frameCounter", "");
    private final ReadOnlyStringWrapper timecode = new ReadOnlyStringWrapper(this, "timecode", "");
    private final ReadOnlyLongWrapper selectionVersion = new ReadOnlyLongWrapper(this, "selectionVersion");

    public ReviewViewModel(Project project) {
        this.project = project;
        this.shots = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(project.shots()));
        selectedShot.addListener((obs, old, shot) -> {
            Variant first = shot == null || shot.variants().isEmpty() ? null : shot.variants().get(0);
            selectedVariant.set(first);
        });
        selectedVariant.addListener((obs, old, variant) -> {
            FrameRange range = variant == null ? null : variant.media().range();
            frameRange.set(range);
            if (range != null && !range.isEmpty()) {
                // Keep the same frame number when flipping variants (A/B on the same frame), else go to the start.
                long frame = old != null && range.contains(currentFrame.get()) ? currentFrame.get() : range.start();
                currentFrame.set(frame);
            }
            selectionVersion.set(selectionVersion.get() + 1);
            updateLabels();
        });
        currentFrame.addListener((obs, old, frame) -> updateLabels());
        if (!shots.isEmpty()) {
            selectedShot.set(shots.get(0));
        }
    }

    public Project project() {
        return project;
    }

    public ObservableList<Shot> shots() {
        return shots;
    }

    public ObjectProperty<Shot> selectedShotProperty() {
        return selectedShot;
    }

    public ObjectProperty<Variant> selectedVariantProperty() {
        return selectedVariant;
    }

    public LongProperty currentFrameProperty() {
        return currentFrame;
    }

    public ReadOnlyObjectProperty<FrameRange> frameRangeProperty() {
        return frameRange.getReadOnlyProperty();
    }

    /** "1013  (1001–1048)": the current frame number and the variant's range, as in the file names. */
    public ReadOnlyStringProperty frameCounterProperty() {
        return frameCounter.getReadOnlyProperty();
    }

    /** SMPTE timecode of the current frame (frame number as source time at the shot's rate). */
    public ReadOnlyStringProperty timecodeProperty() {
        return timecode.getReadOnlyProperty();
    }

    /** Changes whenever shot or variant changes, for views that redraw per selection. */
    public ReadOnlyLongProperty selectionVersionProperty() {
        return selectionVersion.getReadOnlyProperty();
    }

    /** Moves the playhead by {@code delta} frames, clamped to the variant's range. */
    public void step(long delta) {
        FrameRange range = frameRange.get();
        if (range == null || range.isEmpty()) {
            return;
        }
        long target = Math.max(range.start(), Math.min(range.last(), currentFrame.get() + delta));
        currentFrame.set(target);
    }

    public void goToFirstFrame() {
        FrameRange range = frameRange.get();
        if (range != null && !range.isEmpty()) {
            currentFrame.set(range.start());
        }
    }

    public void goToLastFrame() {
        FrameRange range = frameRange.get();
        if (range != null && !range.isEmpty()) {
            currentFrame.set(range.last());
        }
    }

    /** Selects the previous (-1) or next (+1) variant of the shot, wrapping around. */
    public void cycleVariant(int direction) {
        Shot shot = selectedShot.get();
        Variant variant = selectedVariant.get();
        if (shot == null || shot.variants().isEmpty()) {
            return;
        }
        int index = Math.max(0, shot.variants().indexOf(variant));
        int size = shot.variants().size();
        selectedVariant.set(shot.variants().get(Math.floorMod(index + direction, size)));
    }

    /** Selects the previous (-1) or next (+1) shot in cut order, stopping at the ends. */
    public void cycleShot(int direction) {
        int index = shots.indexOf(selectedShot.get());
        int target = Math.max(0, Math.min(shots.size() - 1, index + direction));
        if (!shots.isEmpty()) {
            selectedShot.set(shots.get(target));
        }
    }

    /** The file of the current frame, when the variant is an image sequence and that frame exists on disk. */
    public Optional<Path> currentFrameFile() {
        return frameFile(currentFrame.get());
    }

    /** The file of {@code frame} in the selected variant, if it exists. */
    public Optional<Path> frameFile(long frame) {
        Variant variant = selectedVariant.get();
        if (variant != null && variant.media() instanceof ImageSequence sequence) {
            return sequence.file(frame);
        }
        return Optional.empty();
    }

    /** The characters expected in the selected shot (its cast, else every project character). */
    public List<CharacterSheet> castOfSelectedShot() {
        Shot shot = selectedShot.get();
        if (shot == null || shot.cast().isEmpty()) {
            return project.characters();
        }
        return shot.cast().stream().map(project::character).flatMap(Optional::stream).toList();
    }

    private void updateLabels() {
        FrameRange range = frameRange.get();
        Shot shot = selectedShot.get();
        if (range == null || range.isEmpty() || shot == null) {
            frameCounter.set("no frames");
            timecode.set("--:--:--:--");
            return;
        }
        long frame = currentFrame.get();
        String missing = selectedVariant.get().media() instanceof ImageSequence && currentFrameFile().isEmpty()
                ? "  missing" : "";
        frameCounter.set(frame + "  (" + range.start() + "\u2013" + range.last() + ")" + missing);
        timecode.set(Timecode.format(Math.max(0, frame), shot.rate(), false));
    }
}
