package dev.onmodel.core.model;

import dev.onmodel.core.time.FrameRange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Numbered still images that form one clip: {@code sh010_v002.1001.png ... sh010_v002.1048.png}.
 *
 * <p>Files are recognised as {@code <prefix><separator><digits>.<ext>} with {@code .} or {@code _} as separator
 * and any padding; the frame number is the number in the file name. Missing numbers between the first and last
 * file are gaps: they are reported ({@link #gaps()}), never hidden or renumbered.
 *
 * @param directory the folder holding the files
 * @param prefix    the name before the separator, e.g. {@code sh010_v002}
 * @param separator {@code "."} or {@code "_"}
 * @param padding   the digit count of the shortest frame number (4 for {@code 1001}, {@code 0001})
 * @param extension file extension without the dot, as written ({@code png})
 * @param files     frame number to file, sorted
 */
public record ImageSequence(Path directory, String prefix, String separator, int padding, String extension,
                            NavigableMap<Long, Path> files) implements VariantMedia {

    public ImageSequence {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(extension, "extension");
        files = Collections.unmodifiableNavigableMap(new TreeMap<>(files));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an image sequence needs at least one frame: " + directory.resolve(prefix));
        }
    }

    @Override
    public FrameRange range() {
        return FrameRange.ofInclusive(files.firstKey(), files.lastKey());
    }

    @Override
    public List<Long> frameNumbers() {
        return List.copyOf(files.keySet());
    }

    /** The file of frame {@code frame}, if it exists. */
    public Optional<Path> file(long frame) {
        return Optional.ofNullable(files.get(frame));
    }

    /** Runs of missing frame numbers between the first and the last file. */
    public List<FrameRange> gaps() {
        List<FrameRange> gaps = new ArrayList<>();
        Long previous = null;
        for (long frame : files.keySet()) {
            if (previous != null && frame > previous + 1) {
                gaps.add(new FrameRange(previous + 1, frame));
            }
            previous = frame;
        }
        return gaps;
    }

    /** {@code sh010_v002.####.png}: the pattern with one {@code #} per padded digit. */
    public String hashPattern() {
        return prefix + separator + "#".repeat(Math.max(1, padding)) + "." + extension;
    }

    /** {@code sh010_v002.[1001-1048].png}: the form EDL comments and OpenTimelineIO's EDL reader use. */
    public String bracketPattern() {
        String first = String.format("%0" + Math.max(1, padding) + "d", files.firstKey());
        String last = String.format("%0" + Math.max(1, padding) + "d", files.lastKey());
        return prefix + separator + "[" + first + "-" + last + "]." + extension;
    }

    @Override
    public String describe() {
        String text = hashPattern() + " (" + range() + ")";
        List<FrameRange> gaps = gaps();
        return gaps.isEmpty() ? text : text + ", missing " + gaps;
    }

    @Override
    public Path location() {
        return directory;
    }
}
