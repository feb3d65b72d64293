package dev.onmodel.core.consistency;

import dev.onmodel.core.consistency.decode.FrameDecoder;
import dev.onmodel.core.consistency.decode.Raster;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.SheetView;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores frames against approved character sheets: the public entry point of the consistency analysis.
 *
 * <p>Build one per set of sheets ({@link #load}); it is immutable and thread-safe, so one engine serves every worker
 * thread. Scoring a frame is two steps that callers may split: {@link #analyze} (decode and measure, the expensive
 * part, cacheable as {@link FrameAnalysis}) and {@link #score(FrameAnalysis, FrameAnalysis, FrameAnalysis)} (turn
 * measurements into 0-100 scores, bands and explanations, using the neighbouring frames for the temporal
 * component). {@link #score(Path)} does both for one file. {@link BatchScorer} scores many files on several threads.
 *
 * <p>The method is described with its sources in docs/consistency-scoring.md.
 */
public final class ConsistencyEngine {

    /** Changes whenever analysis results would differ: part of every cache key. */
    public static final String ENGINE_VERSION = "17";

    private final Map<String, CharacterModel> models;
    private final ScoringSettings settings;
    private final String fingerprint;
    private final List<String> warnings;

    private ConsistencyEngine(Map<String, CharacterModel> models, ScoringSettings settings, String fingerprint,
                              List<String> warnings) {
        this.models = models;
        this.settings = settings;
        this.fingerprint = fingerprint;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads and prepares the sheets. A view image that cannot be read or shows nothing is skipped with a warning
     * ({@link #warnings()}); a character left with no usable view is an error.
     *
     * @throws SheetException naming the character's folder and each view's problem when a character has no usable
     *                        view, or when two characters share a name
     */
    public static ConsistencyEngine load(List<CharacterSheet> sheets, ScoringSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (sheets.isEmpty()) {
            throw new SheetException("no character sheets given");
        }
        Map<String, CharacterModel> models = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        MessageDigest digest = sha256();
        digest.update((ENGINE_VERSION + "|" + settings.workingSize()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (CharacterSheet sheet : sheets) {
            if (models.containsKey(sheet.name())) {
                throw new SheetException("two character sheets are named '" + sheet.name() + "'");
            }
            List<ViewModel> views = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (SheetView view : sheet.views()) {
                try {
                    Raster image = FrameDecoder.readSubsampled(view.image(), 1024, settings.maxPixels()).raster();
                    views.add(ViewModel.of(view.name(), image));
                    digest.update(sheet.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(view.image()));
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(view.image() + ": " + e.getMessage());
                }
            }
            if (views.isEmpty()) {
                Path folder = sheet.views().get(0).image().getParent();
                throw new SheetException("character '" + sheet.name() + "' has no usable sheet image"
                        + (folder == null ? "" : " in " + folder) + ": " + String.join("; ", problems));
            }
            problems.forEach(p -> warnings.add("sheet view skipped: " + p));
            models.put(sheet.name(), CharacterModel.of(sheet.name(), views));
        }
        return new ConsistencyEngine(models, settings, HexFormat.of().formatHex(digest.digest()).substring(0, 16),
                warnings);
    }

    /** Character names in sheet order. */
    public List<String> characters() {
        return List.copyOf(models.keySet());
    }

    public ScoringSettings settings() {
        return settings;
    }

    /** Sheet views that were skipped while loading, each with its file and reason. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Identifies this engine's analysis results: engine version, working size and the sheets' content. Cached
     * analyses made under another fingerprint must not be reused.
     */
    public String fingerprint() {
        return ENGINE_VERSION + "-" + fingerprint;
    }

    /**
     * Decodes {@code frame} (subsampled to the working size) and measures every character of {@code cast}.
     *
     * @param cast character names; empty means every character of the engine
     * @throws IOException with the reason as message when the file cannot be read (see {@link FrameDecoder})
     */
    public FrameAnalysis analyze(Path frame, List<String> cast) throws IOException {
        AnalysisScratch scratch = AnalysisScratch.get();
        FramePixels.Binning binning = new FramePixels.Binning(scratch);
        FrameDecoder.Coded coded = read(frame, binning);
        return analyze(binning.pixels(), coded.step(), coded.sourceWidth(), coded.sourceHeight(), cast, scratch);
    }

    /**
     * Reads {@code frame} into the analysis's input exactly as {@link #analyze(Path, List)} does, and analyses nothing:
     * what scoring pays before its analysis starts ({@code onmodel bench} measures it beside the decode-only read).
     *
     * @throws IOException as {@link #analyze(Path, List)}
     */
    public void readForAnalysis(Path frame) throws IOException {
        FramePixels.Binning binning = new FramePixels.Binning(AnalysisScratch.get());
        read(frame, binning);
        binning.pixels();
    }

    /** Decoded straight into colour bins: the pixels the analysis sees are those of readSubsampled, binned. */
    private FrameDecoder.Coded read(Path frame, FramePixels.Binning binning) throws IOException {
        return FrameDecoder.readColourCodes(frame, settings.workingSize(), settings.maxPixels(), binning);
    }

    /**
     * Measures an already decoded frame (for example one the UI holds).
     *
     * @param frame the frame at any resolution; not modified. Frames larger than the working size are subsampled.
     */
    public FrameAnalysis analyze(Raster frame, List<String> cast) {
        int step = stepFor(frame.width(), frame.height());
        Raster working = step == 1 ? frame : subsample(frame, step);
        return analyze(working, step, frame.width(), frame.height(), cast);
    }

    /**
     * The subsampling step for a frame of this size: every {@code step}-th pixel of every {@code step}-th row is kept,
     * so that the frame fits the working size.
     */
    public int stepFor(int width, int height) {
        return Math.max(1, (Math.max(width, height) + settings.workingSize() - 1) / settings.workingSize());
    }

    /**
     * Measures a frame that arrives already subsampled (a movie frame streamed at working size).
     *
     * @param working every {@code step}-th pixel of every {@code step}-th row of the frame, {@code step} being
     *                {@link #stepFor}{@code (width, height)}
     */
    FrameAnalysis analyzeSampled(Raster working, int step, int width, int height, List<String> cast) {
        return analyze(working, step, width, height, cast);
    }

    private FrameAnalysis analyze(Raster working, int step, int width, int height, List<String> cast) {
        AnalysisScratch scratch = AnalysisScratch.get();
        return analyze(FramePixels.of(working, scratch), step, width, height, cast, scratch);
    }

    private FrameAnalysis analyze(FramePixels pixels, int step, int width, int height, List<String> cast,
                                  AnalysisScratch scratch) {
        List<CharacterAnalysis> analyses = new ArrayList<>();
        FrameScale scale = new FrameScale(step, width, height);
        for (String name : cast.isEmpty() ? characters() : cast) {
            CharacterModel model = models.get(name);
            if (model == null) {
                throw new IllegalArgumentException("no sheet for character '" + name + "' (known: "
                        + String.join(", ", characters()) + ")");
            }
            analyses.add(FrameAnalyzer.analyze(pixels, scale, model, scratch));
        }
        return new FrameAnalysis(width, height, analyses);
    }

    /** Decodes, measures and scores one frame against every character, without temporal context. */
    public FrameScore score(Path frame) throws IOException {
        return score(analyze(frame, List.of()), null, null);
    }

    /**
     * Scores measured frames.
     *
     * @param current  the frame to score
     * @param previous the frame before it in its sequence, or null
     * @param next     the frame after it, or null; with both neighbours, a frame is a pop only when it differs
     *                 from both, so the frame after a pop is not blamed for it
     */
    public FrameScore score(FrameAnalysis current, FrameAnalysis previous, FrameAnalysis next) {
        return score(current, previous, next, Map.of());
    }

    /**
     * Scores a measured frame within its shot.
     *
     * @param typicalProportions per character, the median of log {@link CharacterAnalysis#fatness()} over the shot's frames
     *                       ({@link #typicalProportions}): frames whose proportions differ from the shot's typical ones
     *                       lose shape points even when they still resemble some sheet view
     */
    public FrameScore score(FrameAnalysis current, FrameAnalysis previous, FrameAnalysis next,
                            Map<String, Double> typicalProportions) {
        return score(current, previous, next, typicalProportions, -1);
    }

    /**
     * As {@link #score(FrameAnalysis, FrameAnalysis, FrameAnalysis, Map)}, naming the frame before in the explanation
     * of a sudden change ("sudden change from frame 1011").
     *
     * @param previousFrame the number of the frame {@code previous} is (as people name it: the number in its file
     *                      name, or the movie's frame number), or -1 when it has none
     */
    public FrameScore score(FrameAnalysis current, FrameAnalysis previous, FrameAnalysis next,
                            Map<String, Double> typicalProportions, long previousFrame) {
        List<CharacterScore> scores = new ArrayList<>();
        // The same subsampling step analyze() used, so that the score knows how many pixels the figure had.
        int step = stepOf(current);
        for (CharacterAnalysis analysis : current.characters()) {
            CharacterAnalysis before = previous == null ? null : previous.character(analysis.character());
            CharacterAnalysis after = next == null ? null : next.character(analysis.character());
            scores.add(ScoreModel.score(analysis, before, after,
                    typicalProportions.getOrDefault(analysis.character(), Double.NaN), step, settings,
                    before == null ? -1 : previousFrame));
        }
        return new FrameScore(scores);
    }

    /**
     * Per character, the shot's typical proportions: the median log {@link CharacterAnalysis#fatness()} over the
     * frames that are on model by their own score (colours, detail and proportions against the sheet, without the
     * shot's reference or temporal context), when at least {@link #TYPICAL_MIN_FRAMES} frames are; no reference
     * otherwise.
     *
     * <p>Why only those frames: the reference stands for the character as it should look in this shot, and a take in
     * which most frames are defective would otherwise set it. A costume drift over most of a take leaves only the head
     * in the sheet's colours, so the figure found in those frames is the head; with the median over every frame, that
     * small figure became typical and the take's clean frames lost their shape points against it ({@code onmodel
     * score} on the sample's sh010/v002 alone gave its 20 clean frames 49.5, off-model).
     */
    public Map<String, Double> typicalProportions(List<FrameAnalysis> frames) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (FrameAnalysis frame : frames) {
            int step = stepOf(frame);
            for (CharacterAnalysis c : frame.characters()) {
                if (c.found() && c.fatness() > 0
                        && ScoreModel.score(c, null, null, Double.NaN, step, settings).band() == Band.OK) {
                    values.computeIfAbsent(c.character(), k -> new ArrayList<>()).add(Math.log(c.fatness()));
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        values.forEach((character, list) -> {
            if (list.size() >= TYPICAL_MIN_FRAMES) {
                List<Double> sorted = list.stream().sorted().toList();
                medians.put(character, sorted.get(sorted.size() / 2));
            }
        });
        return medians;
    }

    /** Fewer on-model frames than this give no shot reference: a median of a handful is no one's typical figure. */
    private static final int TYPICAL_MIN_FRAMES = 8;

    /** Frame pixels per analysed pixel: the subsampling step {@link #analyze} used for a frame of this size. */
    private int stepOf(FrameAnalysis frame) {
        return stepFor(frame.width(), frame.height());
    }

    private static Raster subsample(Raster frame, int step) {
        int w = (frame.width() + step - 1) / step;
        int h = (frame.height() + step - 1) / step;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = frame.get(x * step, y * step);
            }
        }
        return new Raster(w, h, out);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
