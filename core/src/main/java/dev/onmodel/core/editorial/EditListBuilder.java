package dev.onmodel.core.editorial;

import dev.onmodel.core.imaging.ImageHeader;
import dev.onmodel.core.imaging.ImageHeaders;
import dev.onmodel.core.model.Decision;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.model.VariantMedia;
import dev.onmodel.core.model.Verdict;
import dev.onmodel.core.time.FrameRange;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Turns a project and its review facts into the approved {@link EditList}: one event per shot in cut order.
 *
 * <p>The hero rule: the variant a reviewer marked as hero, over the range they approved; else the variant whose
 * every cut frame is approved (the most recently approved one if several). Shots with neither follow the
 * {@link MissingPolicy}. Rejected and rework frames inside an exported range become markers with their notes.
 */
public final class EditListBuilder {

    private EditListBuilder() {
    }

    /**
     * Builds the edit list.
     *
     * @throws MissingApprovalException when the policy is {@link MissingPolicy#FAIL} (the default) and shots lack an
     *                                  approved variant; it lists them all
     * @throws IllegalArgumentException when the start timecode does not exist at the chosen rate
     */
    public static EditList build(Project project, ReviewFacts facts, EditListOptions options)
            throws MissingApprovalException {
        FrameRate rate = options.rate() == null ? project.rate() : options.rate();
        Timecode start = options.start() == null ? EditListOptions.defaultStart(rate)
                : options.start().rate().equals(rate) ? options.start() : Timecode.parse(options.start().toString(), rate);
        MissingPolicy policy = options.missingPolicy() == null ? MissingPolicy.FAIL : options.missingPolicy();
        String title = options.title() == null || options.title().isBlank() ? project.name() : options.title();
        MediaPaths media = options.media() == null ? MediaPaths.ABSOLUTE : options.media();

        List<String> warnings = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<EditEvent> events = new ArrayList<>();
        long record = start.frames();
        for (Shot shot : project.shots()) {
            Optional<HeroChoice> choice = approvedHero(shot, facts, warnings);
            if (choice.isEmpty() && policy == MissingPolicy.BEST) {
                choice = bestScoring(shot, facts);
            }
            if (choice.isEmpty()) {
                missing.add(shot.name());
                if (policy == MissingPolicy.GAP || policy == MissingPolicy.BEST) {
                    if (shot.cutLength() > 0) {
                        String reason = shot.variants().isEmpty() ? "no variant on disk" : "no approved variant";
                        events.add(new GapEvent(shot.name(), FrameRange.ofLength(record, shot.cutLength()), reason));
                        record += shot.cutLength();
                    } else {
                        warnings.add("shot " + shot.name() + " has no approved variant and no cut length; left out");
                    }
                }
                continue;
            }
            HeroChoice hero = choice.get();
            if (!shot.rate().equals(rate)) {
                warnings.add("shot " + shot.name() + " is " + shot.rate().displayName() + " fps but the edit is "
                        + rate.displayName() + " fps: frames are used one for one (no retime)");
            }
            FrameRange recordRange = FrameRange.ofLength(record, hero.source().length());
            events.add(new ClipEvent(shot.name(), hero.variant(), hero.rule(), hero.detail(), hero.source(), recordRange,
                    markers(shot, hero, facts)));
            record = recordRange.endExclusive();
        }
        if (policy == MissingPolicy.FAIL && !missing.isEmpty()) {
            throw new MissingApprovalException(missing);
        }
        if (policy == MissingPolicy.GAP) {
            missing.forEach(s -> warnings.add("shot " + s + " has no approved variant; left as a gap"));
        }
        FrameSize size = frameSize(events, warnings);
        return new EditList(title, project.name(), rate, start.dropFrame(), start.frames(), size, media, events, warnings);
    }

    /**
     * The approved hero of a shot, by the marked-hero rule, else the fully-approved rule; empty when neither
     * applies. Problems with a hero mark (unknown variant, range outside the media) are added to {@code warnings}.
     */
    public static Optional<HeroChoice> approvedHero(Shot shot, ReviewFacts facts, List<String> warnings) {
        Optional<HeroMark> mark = facts.heroMark(shot.name());
        if (mark.isPresent()) {
            HeroMark m = mark.get();
            Optional<Variant> variant = shot.variant(m.variant());
            if (variant.isEmpty()) {
                warnings.add("shot " + shot.name() + ": hero mark names variant " + m.variant()
                        + ", which is not on disk; mark ignored");
            } else {
                FrameRange available = variant.get().media().range();
                FrameRange used = m.approvedRange().intersect(available);
                if (used.isEmpty()) {
                    warnings.add("shot " + shot.name() + ": hero range " + m.approvedRange() + " of " + m.variant()
                            + " lies outside its frames " + available + "; mark ignored");
                } else {
                    if (!used.equals(m.approvedRange())) {
                        warnings.add("shot " + shot.name() + ": hero range " + m.approvedRange() + " of " + m.variant()
                                + " clipped to the frames on disk, " + used);
                    }
                    if (!hasEveryFrame(variant.get().media(), used)) {
                        warnings.add("shot " + shot.name() + ": hero range " + used + " of " + m.variant()
                                + " has frames missing on disk (" + variant.get().media().describe() + ")");
                    }
                    return Optional.of(new HeroChoice(variant.get(), HeroRule.MARKED_HERO, used,
                            "marked by " + m.markedBy() + " at " + m.markedAt()));
                }
            }
        }
        HeroChoice best = null;
        Decision bestLatest = null;
        for (Variant variant : shot.variants()) {
            // The full cut length from the media's first frame: a variant shorter than the cut is not fully approved.
            Optional<FrameRange> cut = shot.cutLength() <= 0 ? Optional.empty()
                    : Optional.of(FrameRange.ofLength(variant.media().range().start(), shot.cutLength()));
            if (cut.isEmpty() || !hasEveryFrame(variant.media(), cut.get())) {
                continue;
            }
            NavigableMap<Long, Decision> effective = facts.effectiveDecisions(shot.name(), variant.name());
            Decision latest = null;
            boolean allApproved = true;
            for (long frame = cut.get().start(); frame < cut.get().endExclusive(); frame++) {
                Decision d = effective.get(frame);
                if (d == null || d.verdict() != Verdict.APPROVE) {
                    allApproved = false;
                    break;
                }
                if (latest == null || isLater(d, latest)) {
                    latest = d;
                }
            }
            if (allApproved && (bestLatest == null || isLater(latest, bestLatest))) {
                bestLatest = latest;
                best = new HeroChoice(variant, HeroRule.FULLY_APPROVED, cut.get(), "every frame of " + cut.get()
                        + " approved; latest approval by " + latest.reviewer() + " at " + latest.recordedAt());
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The stand-in for a shot nothing approved: the variant with the best mean score over its cut frames, or when
     * no variant was scored, the one with the most approved frames. Empty when the shot has no usable variant.
     */
    public static Optional<HeroChoice> bestScoring(Shot shot, ReviewFacts facts) {
        Variant bestVariant = null;
        double bestMean = -1;
        for (Variant variant : shot.variants()) {
            Optional<FrameRange> cut = cutRange(shot, variant);
            if (cut.isEmpty()) {
                continue;
            }
            Map<Long, FrameScore> scores = facts.scores(shot.name(), variant.name())
                    .subMap(cut.get().start(), true, cut.get().endExclusive(), false);
            if (!scores.isEmpty()) {
                double mean = scores.values().stream().mapToDouble(FrameScore::score).average().orElse(0);
                if (mean >= bestMean) {
                    bestMean = mean;
                    bestVariant = variant;
                }
            }
        }
        if (bestVariant != null) {
            FrameRange cut = cutRange(shot, bestVariant).orElseThrow();
            return Optional.of(new HeroChoice(bestVariant, HeroRule.BEST_SCORE, cut,
                    String.format(Locale.ROOT, "best mean score %.1f over %s", bestMean, cut)));
        }
        long mostApproved = -1;
        for (Variant variant : shot.variants()) {
            Optional<FrameRange> cut = cutRange(shot, variant);
            if (cut.isEmpty()) {
                continue;
            }
            long approved = facts.effectiveDecisions(shot.name(), variant.name())
                    .subMap(cut.get().start(), true, cut.get().endExclusive(), false).values().stream()
                    .filter(d -> d.verdict() == Verdict.APPROVE).count();
            if (approved >= mostApproved) {
                mostApproved = approved;
                bestVariant = variant;
            }
        }
        if (bestVariant == null) {
            return Optional.empty();
        }
        FrameRange cut = cutRange(shot, bestVariant).orElseThrow();
        return Optional.of(new HeroChoice(bestVariant, HeroRule.BEST_SCORE, cut,
                "no scores known; most approved frames (" + mostApproved + " of " + cut.length() + ")"));
    }

    /**
     * The frames of {@code variant} the cut uses when no range was marked: the shot's cut length from the media's
     * first frame, clipped to the media. Empty when the shot has no cut length.
     */
    public static Optional<FrameRange> cutRange(Shot shot, Variant variant) {
        if (shot.cutLength() <= 0) {
            return Optional.empty();
        }
        FrameRange media = variant.media().range();
        FrameRange cut = FrameRange.ofLength(media.start(), shot.cutLength()).intersect(media);
        return cut.isEmpty() ? Optional.empty() : Optional.of(cut);
    }

    private static boolean hasEveryFrame(VariantMedia media, FrameRange range) {
        if (media instanceof ImageSequence sequence) {
            return sequence.files().subMap(range.start(), true, range.endExclusive(), false).size() == range.length();
        }
        return media.range().contains(range);
    }

    private static boolean isLater(Decision a, Decision b) {
        int byTime = a.recordedAt().compareTo(b.recordedAt());
        return byTime != 0 ? byTime > 0 : a.id() > b.id();
    }

    /** Markers for the rejected and rework frames inside the used range, plus a warning marker for stand-ins. */
    static List<EditMarker> markers(Shot shot, HeroChoice hero, ReviewFacts facts) {
        List<EditMarker> markers = new ArrayList<>();
        if (hero.rule() == HeroRule.BEST_SCORE) {
            markers.add(new EditMarker(hero.source(), MarkerColor.MAGENTA, null,
                    "NOT APPROVED " + shot.name() + " " + hero.variant().name(), hero.detail(), ""));
        }
        NavigableMap<Long, Decision> effective = facts.effectiveDecisions(shot.name(), hero.variant().name())
                .subMap(hero.source().start(), true, hero.source().endExclusive(), false);
        Decision runDecision = null;
        long runStart = 0;
        long runEnd = 0;
        for (Map.Entry<Long, Decision> entry : effective.entrySet()) {
            Decision d = entry.getValue();
            boolean flagged = d.verdict() == Verdict.REJECT || d.verdict() == Verdict.REWORK;
            boolean continues = runDecision != null && flagged && d.id() == runDecision.id() && entry.getKey() == runEnd;
            if (continues) {
                runEnd++;
                continue;
            }
            if (runDecision != null) {
                markers.add(marker(runDecision, new FrameRange(runStart, runEnd)));
                runDecision = null;
            }
            if (flagged) {
                runDecision = d;
                runStart = entry.getKey();
                runEnd = runStart + 1;
            }
        }
        if (runDecision != null) {
            markers.add(marker(runDecision, new FrameRange(runStart, runEnd)));
        }
        markers.sort(Comparator.comparingLong((EditMarker m) -> m.frames().start()));
        return markers;
    }

    private static EditMarker marker(Decision decision, FrameRange frames) {
        String range = frames.length() == 1 ? Long.toString(frames.start()) : frames.toString();
        return new EditMarker(frames, MarkerColor.of(decision.verdict()), decision.verdict(),
                decision.verdict().name() + " " + range, decision.note(),
                decision.reviewer() + " (" + decision.role().word() + ")");
    }

    private static FrameSize frameSize(List<EditEvent> events, List<String> warnings) {
        for (EditEvent event : events) {
            if (!(event instanceof ClipEvent clip)) {
                continue;
            }
            VariantMedia media = clip.variant().media();
            if (media instanceof MovieMedia movie && movie.width() > 0 && movie.height() > 0) {
                return new FrameSize(movie.width(), movie.height());
            }
            if (media instanceof ImageSequence sequence) {
                java.nio.file.Path first = sequence.files().firstEntry().getValue();
                try {
                    ImageHeader header = ImageHeaders.readWithinLimit(first, ImageHeaders.DEFAULT_MAX_PIXELS);
                    return new FrameSize(header.width(), header.height());
                } catch (IOException e) {
                    String reason = e instanceof java.nio.file.NoSuchFileException ? "file not found" : e.getMessage();
                    warnings.add("picture size unknown (" + first + ": " + reason + "); declaring "
                            + FrameSize.HD_1080.width() + "x" + FrameSize.HD_1080.height());
                    return FrameSize.HD_1080;
                }
            }
        }
        return FrameSize.HD_1080;
    }
}
