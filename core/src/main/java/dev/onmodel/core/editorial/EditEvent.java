package dev.onmodel.core.editorial;

import dev.onmodel.core.time.FrameRange;

/** One event of an edit list: a shot's clip, or a gap where a shot has nothing approved. */
public sealed interface EditEvent permits ClipEvent, GapEvent {

    /** The shot the event stands for. */
    String shot();

    /** Where the event sits on the record side, in timeline frames (start-inclusive, end-exclusive). */
    FrameRange record();
}
