package dev.onmodel.core.sample;

import dev.onmodel.core.sample.BackdropPainter.Backdrop;
import dev.onmodel.core.sample.Pose.Distortion;
import dev.onmodel.core.sample.Pose.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The script of the sample: six shots in cut order, their variants, what the characters do in each frame and
 * which defects are planted where. Positions are in 1280x720 frame pixels; time is the frame index inside the
 * variant (0-based here; the generator adds the first frame number 1001).
 */
final class ShotScript {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    static final int FIRST_FRAME = 1001;

    private ShotScript() {
    }

    /** One shot: its set, length, cast, variants and choreography. */
    record ShotPlan(String name, Backdrop backdrop, int frames, List<String> cast, List<VariantPlan> variants,
                    Choreography choreography, String action) {
        ShotPlan {
            cast = List.copyOf(cast);
            variants = List.copyOf(variants);
            Objects.requireNonNull(choreography, "choreography");
        }
    }

    /**
     * One variant (an AI take) and the defects planted in it, by 0-based frame index. An {@code alternateAction}
     * take acts differently (stops, turns) while staying on model: a case a reviewer must not flag.
     */
    record VariantPlan(String name, List<DefectPlan> defects, boolean alternateAction) {
        VariantPlan {
            defects = List.copyOf(defects);
        }

        VariantPlan(String name, List<DefectPlan> defects) {
            this(name, defects, false);
        }

        static VariantPlan clean(String name) {
            return new VariantPlan(name, List.of(), false);
        }
    }

    /**
     * A planted defect. {@code swapWith} names the character drawn instead (swaps only); {@code distortion} is the
     * full off-model proportion (distortions only).
     */
    record DefectPlan(String character, DefectKind kind, int firstIndex, int lastIndex, String swapWith,
                      Distortion distortion, String description) {
    }

    /** Where a character stands and how it is posed in one frame, before any defect is applied. */
    record Blocking(String character, Pose pose, double footX, double footY, double heightPx) {
    }

    /**
     * Small differences between takes of the same shot, as an AI generator produces: a little faster or slower, a
     * little offset. Drawn from the seed so the sample stays reproducible.
     */
    record Take(double speed, double offsetX, double offsetY, double phase, boolean alternateAction) {
        static Take of(long seed, String shot, VariantPlan variant) {
            // String.hashCode is specified, so this seed is the same on every JVM.
            Random random = new Random(seed * 1_000_003L + (shot + "/" + variant.name()).hashCode());
            return new Take(0.94 + random.nextDouble() * 0.12, (random.nextDouble() - 0.5) * 40,
                    (random.nextDouble() - 0.5) * 10, random.nextDouble(), variant.alternateAction());
        }
    }

    /** What happens in a shot: the blocking of every cast member in frame {@code index} of {@code count}. */
    @FunctionalInterface
    interface Choreography {
        List<Blocking> block(int index, int count, Take take);
    }

    /** The six shots in cut order. */
    static List<ShotPlan> shots() {
        List<ShotPlan> shots = new ArrayList<>();
        shots.add(new ShotPlan("sh010", Backdrop.MEADOW, 48, List.of("mira"),
                List.of(VariantPlan.clean("v001"),
                        new VariantPlan("v002", List.of(new DefectPlan("mira", DefectKind.COSTUME_DRIFT, 12, 39, null, null,
                                "mira's dress, scarf, leggings and boots drift in hue, more with every frame"))),
                        new VariantPlan("v003", List.of(), true)),
                ShotScript::meadowWalk, "mira walks left to right across a meadow; in v003 she stops, turns and smiles"));
        shots.add(new ShotPlan("sh020", Backdrop.FOREST, 36, List.of("mira"),
                List.of(new VariantPlan("v001", List.of(
                                pop("mira", 7), pop("mira", 18), pop("mira", 29))),
                        VariantPlan.clean("v002")),
                ShotScript::forestWalk, "mira, small in the distance, walks right to left (mirrored side view)"));
        shots.add(new ShotPlan("sh030", Backdrop.FENCE, 60, List.of("mira", "tobo"),
                List.of(VariantPlan.clean("v001"),
                        new VariantPlan("v002", List.of(new DefectPlan("tobo", DefectKind.CHARACTER_SWAP, 24, 41, "mira", null,
                                "mira is drawn in tobo's place (same build, different costume and hair)")))),
                ShotScript::fenceTalk, "mira and tobo talk at a fence; tobo turns to camera and waves, mira smiles"));
        shots.add(new ShotPlan("sh040", Backdrop.ROOM, 48, List.of("tobo"),
                List.of(VariantPlan.clean("v001"),
                        new VariantPlan("v002", List.of(new DefectPlan("tobo", DefectKind.SHAPE_DISTORTION, 14, 33, null,
                                new Distortion(1.2, 0.84, 1.34, 0.8), "tobo's body is squashed and his head stretched wide"))),
                        new VariantPlan("v003", List.of(new DefectPlan("tobo", DefectKind.CHARACTER_SWAP, 16, 31, "mira", null,
                                "mira is drawn in tobo's place during the turn")))),
                ShotScript::roomTurn, "close-up: tobo turns around on the spot (front, side, back, mirrored side, smile)"));
        shots.add(new ShotPlan("sh050", Backdrop.CANYON, 40, List.of("kess"),
                List.of(VariantPlan.clean("v001"),
                        new VariantPlan("v002", List.of(new DefectPlan("kess", DefectKind.COSTUME_DRIFT, 9, 32, null, null,
                                "kess's coat, satchel, hat and boots drift in hue, more with every frame")))),
                ShotScript::canyonWalk, "kess walks right to left behind a boulder that hides her legs mid-shot"));
        shots.add(new ShotPlan("sh060", Backdrop.BEACH, 48, List.of("mira", "kess"),
                List.of(VariantPlan.clean("v001"),
                        new VariantPlan("v002", List.of(new DefectPlan("kess", DefectKind.SHAPE_DISTORTION, 19, 40, null,
                                new Distortion(0.78, 1.2, 0.82, 1.22), "kess is stretched tall and thin"))),
                        new VariantPlan("v003", List.of(pop("mira", 11), pop("mira", 30)))),
                ShotScript::beachGoodbye, "mira waves goodbye while kess walks away down the beach, getting smaller"));
        return List.copyOf(shots);
    }

    private static DefectPlan pop(String character, int index) {
        return new DefectPlan(character, DefectKind.FLICKER_POP, index, index, null,
                new Distortion(1.08, 0.94, 1.28, 1.22), character + "'s colours and head size pop for one frame");
    }

    private static double progress(int index, int count) {
        return count <= 1 ? 0 : index / (double) (count - 1);
    }

    /**
     * Walk-cycle phase after {@code index} frames, for a cycle (two steps) of {@code cycleFrames} frames at full
     * length; a scaled-down variant advances faster so it still covers the same motion. Distances walked in the
     * choreographies below are matched to the steps so that feet barely slide.
     */
    private static double walkPhase(int index, int count, Take take, double nominalFrames, double cycleFrames) {
        return take.phase() + index * (nominalFrames / Math.max(1, count)) / cycleFrames * take.speed();
    }

    private static List<Blocking> meadowWalk(int index, int count, Take take) {
        double t = progress(index, count);
        double height = 330;
        double y = 612 + take.offsetY();
        double phase = walkPhase(index, count, take, 48, 12);
        if (!take.alternateAction()) {
            double x = 250 + take.offsetX() + t * take.speed() * 640;
            return List.of(new Blocking("mira", new Pose(View.SIDE, false, phase, 1, 0, Distortion.NONE), x, y, height));
        }
        double stopAt = 0.55;
        double x = 250 + Math.min(t, stopAt) * 640;
        if (t < stopAt) {
            return List.of(new Blocking("mira", new Pose(View.SIDE, false, phase, 1, 0, Distortion.NONE), x, y, height));
        }
        View view = t < 0.64 ? View.SIDE : t < 0.8 ? View.FRONT : View.FRONT_SMILE;
        return List.of(new Blocking("mira", Pose.standing(view), x, y, height));
    }

    private static List<Blocking> forestWalk(int index, int count, Take take) {
        double t = progress(index, count);
        double x = 840 + take.offsetX() - t * take.speed() * 230;
        double y = 540 + take.offsetY() * 0.3 - t * 20;
        double height = 124 - t * 10;
        return List.of(new Blocking("mira",
                new Pose(View.SIDE, true, walkPhase(index, count, take, 36, 12), 1, 0, Distortion.NONE), x, y, height));
    }

    private static List<Blocking> fenceTalk(int index, int count, Take take) {
        double t = progress(index, count);
        double breathe = Math.sin((index * (60.0 / Math.max(1, count))) / 7.0) * 2;
        View miraView = t < 0.45 ? View.SIDE : t < 0.62 ? View.FRONT : View.FRONT_SMILE;
        View toboView = t < 0.3 ? View.SIDE : t < 0.85 ? View.FRONT : View.FRONT_SMILE;
        double wave = t >= 0.42 && t < 0.8 ? 1 : 0;
        Pose mira = new Pose(miraView, false, 0, 0, 0, Distortion.NONE);
        Pose tobo = new Pose(toboView, toboView == View.SIDE, index / 6.0, 0, wave, Distortion.NONE);
        return List.of(
                new Blocking("mira", mira, 450 + take.offsetX() * 0.3, 650 + breathe * 0.5, 380),
                new Blocking("tobo", tobo, 830 + take.offsetX() * 0.3, 650 - breathe * 0.5, 376));
    }

    private static List<Blocking> roomTurn(int index, int count, Take take) {
        double t = progress(index, count);
        View view;
        boolean mirrored = false;
        if (t < 0.18) {
            view = View.FRONT;
        } else if (t < 0.38) {
            view = View.SIDE;
        } else if (t < 0.58) {
            view = View.BACK;
        } else if (t < 0.8) {
            view = View.SIDE;
            mirrored = true;
        } else {
            view = View.FRONT_SMILE;
        }
        double sway = Math.sin(index * (48.0 / Math.max(1, count)) / 5.0) * 6;
        return List.of(new Blocking("tobo", new Pose(view, mirrored, 0, 0, 0, Distortion.NONE),
                640 + take.offsetX() * 0.5 + sway, 690, 556 + take.offsetY()));
    }

    private static List<Blocking> canyonWalk(int index, int count, Take take) {
        double t = progress(index, count);
        double x = 1180 + take.offsetX() - t * take.speed() * 760;
        return List.of(new Blocking("kess",
                new Pose(View.SIDE, true, walkPhase(index, count, take, 40, 11), 1, 0, Distortion.NONE),
                x, 622 + take.offsetY(), 270));
    }

    private static List<Blocking> beachGoodbye(int index, int count, Take take) {
        double t = progress(index, count);
        double wavePhase = index * (48.0 / Math.max(1, count)) / 6.0;
        Pose mira = new Pose(t < 0.7 ? View.FRONT_SMILE : View.FRONT, false, wavePhase, 0, t < 0.7 ? 1 : 0,
                Distortion.NONE);
        double away = Math.min(1, t * take.speed());
        Pose kess = new Pose(View.BACK, false, walkPhase(index, count, take, 48, 14), 1, 0, Distortion.NONE);
        return List.of(
                new Blocking("kess", kess, 760 + away * 110 + take.offsetX() * 0.5, 700 - away * 150, 320 - away * 185),
                new Blocking("mira", mira, 300 + take.offsetX() * 0.3, 670, 300));
    }
}
