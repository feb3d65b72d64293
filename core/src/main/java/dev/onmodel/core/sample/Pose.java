package dev.onmodel.core.sample;

import java.util.Objects;

/**
 * How a character is drawn in one frame.
 *
 * @param view       which sheet view the drawing matches
 * @param mirrored   drawn flipped left-right (a side view walking the other way)
 * @param walkPhase  position in the walk cycle, 0..1 (one cycle = two steps)
 * @param stride     0 standing still, 1 full walk
 * @param wave       0 arm down, 1 arm raised waving; the wave swings with {@code walkPhase}
 * @param distortion proportions applied on top (identity for an on-model drawing)
 */
record Pose(View view, boolean mirrored, double walkPhase, double stride, double wave, Distortion distortion) {

    Pose {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(distortion, "distortion");
    }

    static Pose standing(View view) {
        return new Pose(view, false, 0, 0, 0, Distortion.NONE);
    }

    Pose withDistortion(Distortion d) {
        return new Pose(view, mirrored, walkPhase, stride, wave, d);
    }

    /** The sheet views; {@link #fileName()} is the view's name in {@code characters/<name>/<view>.png}. */
    enum View {
        FRONT("front"),
        SIDE("side"),
        BACK("back"),
        FRONT_SMILE("front_smile");

        private final String fileName;

        View(String fileName) {
            this.fileName = fileName;
        }

        String fileName() {
            return fileName;
        }

        boolean isFront() {
            return this == FRONT || this == FRONT_SMILE;
        }
    }

    /**
     * Off-model proportions: the body scaled by {@code bodyX}/{@code bodyY} about the feet and the head by
     * {@code headX}/{@code headY} about the neck.
     */
    record Distortion(double bodyX, double bodyY, double headX, double headY) {
        static final Distortion NONE = new Distortion(1, 1, 1, 1);

        /** Linear blend from NONE (t = 0) to this distortion (t = 1). */
        Distortion scaled(double t) {
            return new Distortion(1 + (bodyX - 1) * t, 1 + (bodyY - 1) * t, 1 + (headX - 1) * t, 1 + (headY - 1) * t);
        }
    }
}
