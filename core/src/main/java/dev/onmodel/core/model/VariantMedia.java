package dev.onmodel.core.model;

import dev.onmodel.core.time.FrameRange;

import java.nio.file.Path;
import java.util.List;

/** Where a variant's frames come from: an image sequence or one movie file. */
public sealed interface VariantMedia permits ImageSequence, MovieMedia {

    /** The frame numbers this media holds; for sequences with gaps, from the first to the last file. */
    FrameRange range();

    /** The frame numbers that exist (all of {@link #range()} for a movie; the files present for a sequence). */
    List<Long> frameNumbers();

    /** A short description for people: {@code sh010_v002.####.png (1001-1048)} or {@code take.mov}. */
    String describe();

    /** The folder or file the media lives in. */
    Path location();
}
