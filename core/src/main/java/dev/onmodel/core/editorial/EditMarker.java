package dev.onmodel.core.editorial;

import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;

import java.util.Objects;
import java.util.Optional;

/**
 * A note for the editor on frames of a clip: rejected or rework frames inside an exported range, or the warning
 * that a clip is an unapproved stand-in.
 *
 * @param frames   the marked frames, in the clip's source frame numbers
 * @param color    the colour every format shows
 * @param verdict  the verdict in force on the frames, or {@code null} for a marker that is not a verdict
 * @param title    one line, e.g. {@code REJECT 1013-1036}
 * @param note     the reviewer's note (may be empty, may hold any characters)
 * @param author   who decided, with the role ({@code dana (director)}), or empty
 */
public record EditMarker(FrameRange frames, MarkerColor color, Verdict verdict, String title, String note,
                         String author) {

    public EditMarker {
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(title, "title");
        note = note == null ? "" : note;
        author = author == null ? "" : author;
    }

    public Optional<Verdict> verdictIfAny() {
        return Optional.ofNullable(verdict);
    }

    /** Title and note in one line of text, as formats with a single marker text field show it. */
    public String text() {
        StringBuilder text = new StringBuilder(title);
        if (!note.isBlank()) {
            text.append(": ").append(note);
        }
        if (!author.isBlank()) {
            text.append(" [").append(author).append(']');
        }
        return text.toString();
    }
}
