package dev.onmodel.core.consistency;

import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.SheetView;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.onmodel.core.consistency.TestCharacters.Costume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's signals on drawn characters: self, mirror, scale, hue drift, another character. */
class ConsistencyEngineTest {

    private static Path sheets;
    private static ConsistencyEngine engine;

    /** Shared by the JUnit tests and the jqwik properties, whose lifecycles differ: built on first use. */
    private static synchronized ConsistencyEngine engine() throws IOException {
        if (engine == null) {
            loadSheets();
        }
        return engine;
    }

    private static void loadSheets() throws IOException {
        sheets = Files.createTempDirectory("onmodel-sheets");
        Path mira = Files.createDirectories(sheets.resolve("mira"));
        TestCharacters.write(TestCharacters.figure(Costume.MIRA, false), mira.resolve("front.png"));
        engine = ConsistencyEngine.load(List.of(new CharacterSheet("mira",
                List.of(new SheetView("front", mira.resolve("front.png"))))), ScoringSettings.defaults());
    }

    @org.junit.jupiter.api.AfterAll
    static void removeSheets() throws IOException {
        if (sheets == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(sheets)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static CharacterScore scoreOf(java.awt.image.BufferedImage shot) throws IOException {
        ConsistencyEngine engine = engine();
        return engine.score(engine.analyze(TestCharacters.raster(shot), List.of()), null, null).characters().get(0);
    }

    @Test
    void theSheetItselfScoresNearlyFull() throws IOException {
        java.awt.image.BufferedImage shot = TestCharacters.shot(TestCharacters.figure(Costume.MIRA, false), 0.9, 0.5,
                0.5, false, 1);
        CharacterScore score = scoreOf(shot);
        assertTrue(score.score() >= 85, "score " + score);
        assertEquals(Band.OK, score.band());
        assertEquals("front", score.view());
    }

    @Property(tries = 12)
    void theCharacterAnywhereAtAnySizeMirroredOrNotStaysOk(@ForAll @DoubleRange(min = 0.3, max = 0.9) double size,
                                                           @ForAll @DoubleRange(min = 0.1, max = 0.9) double x,
                                                           @ForAll @DoubleRange(min = 0.2, max = 0.8) double y,
                                                           @ForAll boolean mirrored) throws IOException {
        CharacterScore score = scoreOf(TestCharacters.shot(TestCharacters.figure(Costume.MIRA, false), size, x, y,
                mirrored, 7));
        assertEquals(Band.OK, score.band(), "size " + size + " at " + x + "," + y + " mirrored " + mirrored + ": "
                + score);
    }

    @Property(tries = 8)
    void rotatingTheCoatHueLowersTheColourComponent(@ForAll @DoubleRange(min = 60, max = 300) double degrees) throws IOException {
        CharacterScore same = scoreOf(TestCharacters.shot(TestCharacters.figure(Costume.MIRA, false), 0.7, 0.4, 0.5,
                false, 3));
        CharacterScore drifted = scoreOf(TestCharacters.shot(TestCharacters.figure(
                Costume.MIRA.coatHueRotated((float) degrees), false), 0.7, 0.4, 0.5, false, 3));
        assertTrue(drifted.colour() < same.colour() - 10, "hue " + degrees + ": " + drifted + " vs " + same);
        assertTrue(drifted.band() != Band.OK, drifted.toString());
    }

    @Property(tries = 6)
    void aCostumeDriftIsExplainedAsColour(@ForAll @DoubleRange(min = 90, max = 270) double degrees) throws IOException {
        CharacterScore drifted = scoreOf(TestCharacters.shot(TestCharacters.figure(
                Costume.MIRA.costumeHueRotated((float) degrees), false), 0.7, 0.4, 0.5, false, 3));
        assertTrue(drifted.band() != Band.OK, drifted.toString());
        // The coat (red) and trousers (blue) turned; the boots (black) and the head did not.
        assertTrue(drifted.explanation().matches("costume colour differs from the 'front' view: (red|blue|dark blue) "
                + "missing.*"), drifted.toString());
    }

    /** The reviewer is told which colour went and which came: the red coat turned teal. */
    @Test
    void aRecolouredCoatIsNamed() throws IOException {
        CharacterScore drifted = scoreOf(TestCharacters.shot(TestCharacters.figure(
                Costume.MIRA.coatHueRotated(180), false), 0.7, 0.4, 0.5, false, 3));
        assertEquals("costume colour differs from the 'front' view: red missing, teal found", drifted.explanation(),
                drifted.toString());
    }

    /**
     * Boxes are measured at working size and scaled by the subsampling step: a frame 1281 pixels wide and 1 tall is
     * read 3:1 into one working row, which scaled back is 3 pixels tall. The box stays inside the frame.
     */
    @Test
    void theBoxStaysInsideAFrameWhoseSidesAreNoMultipleOfTheStep() throws IOException {
        java.awt.image.BufferedImage thin = new java.awt.image.BufferedImage(1281, 1,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        FrameAnalysis analysis = engine().analyze(TestCharacters.raster(thin), List.of());
        Box box = analysis.characters().get(0).box();
        assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= 1281 && box.y() + box.height() <= 1,
                box.toString());
    }

    @Test
    void aNoisyBackgroundSprinkledWithTheCharactersColoursDoesNotPullTheBox() throws IOException {
        java.awt.image.BufferedImage shot = TestCharacters.shot(TestCharacters.figure(Costume.MIRA, false), 0.45, 0.2,
                0.5, false, 11);
        // Noisy terrain over the right half: two pixels in five take one of the character's colours, each nudged by
        // one colour step in one channel, so that they spread over many rare colour bins (as a textured ground does).
        java.util.Random random = new java.util.Random(11);
        java.awt.Color[] colours = {Costume.MIRA.coat(), Costume.MIRA.trousers(), Costume.MIRA.hair(),
            Costume.MIRA.skin(), Costume.MIRA.boots()};
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 320; x < shot.getWidth(); x++) {
                if (random.nextInt(5) < 2) {
                    java.awt.Color c = colours[random.nextInt(colours.length)];
                    int[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
                    int channel = random.nextInt(3);
                    rgb[channel] = Math.max(0, Math.min(255, rgb[channel] + (random.nextBoolean() ? 17 : -17)));
                    shot.setRGB(x, y, new java.awt.Color(rgb[0], rgb[1], rgb[2]).getRGB());
                }
            }
        }
        Box box = scoreOf(shot).box();
        // The figure is 162 px tall, centred at (128, 180).
        assertTrue(box.x() + box.width() < 320, box.toString());
        assertTrue(Math.abs(box.height() - 162) < 40, box.toString());
    }

    @Test
    void anotherCharacterScoresOffModel() throws IOException {
        CharacterScore score = scoreOf(TestCharacters.shot(TestCharacters.figure(Costume.OTTO, false), 0.7, 0.6, 0.5,
                false, 5));
        assertEquals(Band.OFF_MODEL, score.band(), score.toString());
    }

    @Test
    void theBoxCoversTheCharacter() throws IOException {
        CharacterScore score = scoreOf(TestCharacters.shot(TestCharacters.figure(Costume.MIRA, false), 0.5, 0.25, 0.5,
                false, 9));
        Box box = score.box();
        // The figure is 180 px tall, centred at (160, 180).
        assertTrue(Math.abs(box.height() - 180) < 30, box.toString());
        assertTrue(Math.abs(box.x() + box.width() / 2 - 160) < 25, box.toString());
    }

    @Test
    void aSheetFolderWithoutUsableImagesIsAClearError(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("ghost"));
        SheetException noImage = assertThrows(SheetException.class, () -> SheetFolders.read(empty));
        assertTrue(noImage.getMessage().contains("ghost") && noImage.getMessage().contains("no image"),
                noImage.getMessage());
        Files.writeString(empty.resolve("front.png"), "not a png");
        CharacterSheet sheet = SheetFolders.read(empty);
        SheetException unusable = assertThrows(SheetException.class,
                () -> ConsistencyEngine.load(List.of(sheet), ScoringSettings.defaults()));
        assertTrue(unusable.getMessage().contains("ghost") && unusable.getMessage().contains("front.png"),
                unusable.getMessage());
    }

    @Test
    void fullyTransparentSheetIsRefused(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("blank"));
        TestCharacters.write(new java.awt.image.BufferedImage(50, 50, java.awt.image.BufferedImage.TYPE_INT_ARGB),
                folder.resolve("front.png"));
        SheetException e = assertThrows(SheetException.class,
                () -> ConsistencyEngine.load(List.of(SheetFolders.read(folder)), ScoringSettings.defaults()));
        assertTrue(e.getMessage().contains("no character pixels"), e.getMessage());
    }
}
