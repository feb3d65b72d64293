package dev.onmodel.core.editorial;

import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Role;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** Models shared by the editorial tests: the SPEC's running example (ep101) and hostile variations of it. */
public final class EditorialFixtures {

    public static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private EditorialFixtures() {
    }

    /** An image sequence named like the SPEC's ({@code /proj/ep101/sh010/comp/sh010_comp_v003.1001.exr}). */
    public static ImageSequence sequence(String directory, String prefix, long first, long last) {
        TreeMap<Long, Path> files = new TreeMap<>();
        for (long f = first; f <= last; f++) {
            files.put(f, Path.of(directory, prefix + "." + f + ".exr"));
        }
        return new ImageSequence(Path.of(directory), prefix, ".", 4, "exr", files);
    }

    public static Variant variant(String shot, String name, String directory, String prefix, long first, long last) {
        return new Variant(shot, name, sequence(directory, prefix, first, last));
    }

    /**
     * The SPEC's three shots; {@code sh020Last} is 1072 at 24 fps (SPEC table) and 1076 in the 29.97 DF sample.
     */
    public static Project ep101(FrameRate rate, long sh020Last) {
        Shot sh010 = new Shot("sh010", rate, 48, List.of(),
                List.of(variant("sh010", "v003", "/proj/ep101/sh010/comp", "sh010_comp_v003", 1001, 1048)));
        Shot sh020 = new Shot("sh020", rate, 60, List.of(),
                List.of(variant("sh020", "v007", "/proj/ep101/sh020/comp", "sh020_comp_v007", 1001, sh020Last)));
        Shot sh030 = new Shot("sh030", rate, 36, List.of(),
                List.of(variant("sh030", "v012", "/proj/ep101/sh030/anim", "sh030_anim_v012", 1001, 1036)));
        return new Project("EP101", Path.of("/proj/ep101"), rate, List.of(), List.of(sh010, sh020, sh030));
    }

    /** Hero marks over the SPEC's used ranges. */
    public static InMemoryReviewFacts ep101Facts(long sh020First, long sh020Last) {
        return InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("sh010", "v003", FrameRange.ofInclusive(1001, 1048), "dana", T0))
                .heroMark(new HeroMark("sh020", "v007", FrameRange.ofInclusive(sh020First, sh020Last), "dana", T0))
                .heroMark(new HeroMark("sh030", "v012", FrameRange.ofInclusive(1001, 1036), "dana", T0))
                .build();
    }

    /** The edit list of {@code samples/ep101_24fps.*}. */
    public static EditList ep101At24() throws MissingApprovalException {
        return EditListBuilder.build(ep101(FrameRate.FPS_24, 1072), ep101Facts(1005, 1064),
                EditListOptions.defaults().withTitle("EP101_REVIEW_V001"));
    }

    /** The edit list of {@code samples/ep101_2997df.edl}: record from 01:00:58;00, sh020 uses 1005-1076. */
    public static EditList ep101At2997Df() throws MissingApprovalException {
        return EditListBuilder.build(ep101(FrameRate.FPS_29_97, 1076), ep101Facts(1005, 1076),
                EditListOptions.defaults().withTitle("EP101_REVIEW_2997DF")
                        .withStart(Timecode.parse("01:00:58;00", FrameRate.FPS_29_97)));
    }

    /** ep101 at {@code rate} with default start, plus a rejected and a rework run with notes in sh020. */
    public static EditList ep101WithMarkers(FrameRate rate, Timecode start) throws MissingApprovalException {
        InMemoryReviewFacts.Builder facts = InMemoryReviewFacts.builder()
                .heroMark(new HeroMark("sh010", "v003", FrameRange.ofInclusive(1001, 1048), "dana", T0))
                .heroMark(new HeroMark("sh020", "v007", FrameRange.ofInclusive(1005, 1064), "dana", T0))
                .heroMark(new HeroMark("sh030", "v012", FrameRange.ofInclusive(1001, 1036), "dana", T0));
        facts.decision(decision(1, "sh020", "v007", 1013, 1020, Verdict.REJECT, "jacket turns teal", "lee", Role.SUPERVISOR, 1));
        facts.decision(decision(2, "sh020", "v007", 1030, 1030, Verdict.REWORK, "eye pop", "lee", Role.SUPERVISOR, 2));
        EditListOptions options = EditListOptions.defaults().withTitle("EP101_" + rate.displayName()).withRate(rate);
        return EditListBuilder.build(ep101(rate, 1072), facts.build(), start == null ? options : options.withStart(start));
    }

    public static Decision decision(long id, String shot, String variant, long first, long last, Verdict verdict,
                                    String note, String reviewer, Role role, int minutesAfterT0) {
        return new Decision(id, shot, variant, FrameRange.ofInclusive(first, last), verdict, note, reviewer, role, "pass1",
                T0.plusSeconds(60L * minutesAfterT0));
    }

    /** Names chosen to break naive writers: spaces, Unicode, quotes, ampersands, angle brackets, newlines. */
    public static final String HOSTILE_SHOT = "sh 010 \"Mira's\" <&> café\nline2";
    public static final String HOSTILE_VARIANT = "v1 & <b>\"q\"</b>\ttab";
    public static final String HOSTILE_NOTE = "=cmd|' /C calc'!A0 & <script>alert(1)</script>\nsecond line \"quoted\", comma";

    /** A one-shot edit whose shot, variant, folder, file prefix and note are all hostile. */
    public static EditList hostile(FrameRate rate) throws MissingApprovalException {
        Project project = hostileProject(rate);
        return EditListBuilder.build(project, hostileFacts(), EditListOptions.defaults()
                .withTitle("Ép <101> & \"friends\"\nsecond").withRate(rate));
    }

    public static Project hostileProject(FrameRate rate) {
        String dir = "/proj/ép 101/" + HOSTILE_SHOT.replace('\n', ' ').replace("\"", "'");
        ImageSequence media = sequence(dir, "sh 010 & <café> \"v1\"", 1001, 1010);
        Shot shot = new Shot(HOSTILE_SHOT, rate, 10, List.of(), List.of(new Variant(HOSTILE_SHOT, HOSTILE_VARIANT, media)));
        MovieMedia movie = new MovieMedia(Path.of("/proj/ép 101/movies/take <2> & \"q\".mov"), 1, 24, rate, 1920, 1080, false);
        Shot movieShot = new Shot("sh020 ñ", rate, 24, List.of(), List.of(new Variant("sh020 ñ", "take&2", movie)));
        return new Project("Ép <101> & \"friends\"", Path.of("/proj/ép 101"), rate, List.of(), List.of(shot, movieShot));
    }

    public static InMemoryReviewFacts hostileFacts() {
        return InMemoryReviewFacts.builder()
                .heroMark(new HeroMark(HOSTILE_SHOT, HOSTILE_VARIANT, FrameRange.ofInclusive(1001, 1010), "zoë \"z\"", T0))
                .heroMark(new HeroMark("sh020 ñ", "take&2", FrameRange.ofInclusive(1, 24), "zoë", T0))
                .decision(decision(1, HOSTILE_SHOT, HOSTILE_VARIANT, 1003, 1004, Verdict.REJECT, HOSTILE_NOTE,
                        "@reviewer", Role.DIRECTOR, 1))
                .decision(decision(2, "sh020 ñ", "take&2", 5, 5, Verdict.REWORK, "+1 frame <late>", "-lee", Role.LEAD, 2))
                .build();
    }

    /** An edit with no events (nothing approved, gap policy, shots without cut length). */
    public static EditList empty(FrameRate rate) {
        return new EditList("EMPTY", "empty", rate, false, Timecode.parse("01:00:00:00", rate).frames(),
                FrameSize.HD_1080, MediaPaths.ABSOLUTE, List.of(), List.of());
    }
}
