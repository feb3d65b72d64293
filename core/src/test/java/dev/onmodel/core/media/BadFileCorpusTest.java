package dev.onmodel.core.media;

import dev.onmodel.core.imaging.ImageFormat;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.Variant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real good and bad files, written by the test: every bad one is reported by path with its reason and never
 * decoded; every good format (8/16-bit, alpha, PNG/JPEG/TIFF/BMP/GIF/WebP) decodes.
 */
class BadFileCorpusTest {

    /** 8x6 lossless WebP with half-transparent red, made with ffmpeg's libwebp (the JDK cannot write WebP). */
    private static final String WEBP_8X6_ALPHA = "UklGRiAAAABXRUJQVlA4TBQAAAAvB0ABEAcQ/Y/+BQCC8L9tIqL/IQ==";

    @TempDir
    Path dir;

    private ImageFileInspector inspector;

    @BeforeEach
    void setUp() {
        inspector = new ImageFileInspector(16384L * 16384L);
    }

    static BufferedImage rgba(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / w) << 24 | (x * 7 % 256) << 16 | (y * 13 % 256) << 8 | 0x40);
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static BufferedImage rgb(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(2, 2, w / 2, h / 2);
        return image;
    }

    /** A PNG whose IHDR declares {@code width x height} (CRC fixed), with the small real image data after it. */
    static byte[] pngDeclaring(int width, int height) throws IOException {
        byte[] png = encode(rgba(4, 4), "png");
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // "IHDR" + 13 data bytes
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    @Test
    void goodStillsOfEveryFormatDecodeWithTheirDepthAndAlpha() throws Exception {
        BufferedImage gray16 = new BufferedImage(10, 8, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSample(3, 3, 0, 65000);
        Map<String, byte[]> files = new TreeMap<>(Map.of(
                "a.0001.png", encode(rgba(10, 8), "png"),
                "a.0002.png", encode(gray16, "png"),
                "b.0001.jpg", encode(rgb(10, 8), "jpeg"),
                "c.0001.bmp", encode(rgb(10, 8), "bmp"),
                "d.0001.gif", encode(rgb(10, 8), "gif"),
                "e.0001.tif", encode(rgba(10, 8), "tiff"),
                "f.0001.webp", Base64.getDecoder().decode(WEBP_8X6_ALPHA)));
        FrameReader reader = new FrameReader(16384L * 16384L, Optional.empty());
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = write(e.getKey(), e.getValue());
            ImageFileInspector.Inspection inspection = inspector.inspect(file);
            assertTrue(inspection.usable(), e.getKey() + ": " + inspection.problems());
            assertTrue(inspection.problems().isEmpty(), e.getKey() + ": " + inspection.problems());
            BufferedImage image = reader.readStill(file, e.getKey());
            assertEquals(inspection.header().orElseThrow().width(), image.getWidth(), e.getKey());
        }
        BufferedImage sixteen = reader.readStill(dir.resolve("a.0002.png"), "16-bit");
        assertEquals(16, sixteen.getColorModel().getComponentSize(0));
        assertTrue(reader.readStill(dir.resolve("a.0001.png"), "alpha").getColorModel().hasAlpha());
        BufferedImage webp = reader.readStill(dir.resolve("f.0001.webp"), "webp");
        assertTrue(webp.getColorModel().hasAlpha(), "WebP alpha lost");
        int alpha = webp.getRGB(1, 1) >>> 24;
        assertTrue(alpha > 100 && alpha < 160, "WebP alpha " + alpha);
    }

    @Test
    void zeroByteFileIsReportedAndNotDecoded() throws Exception {
        Path file = write("x.0001.png", new byte[0]);
        assertProblem(file, MediaProblem.Kind.ZERO_BYTE, "zero-byte");
    }

    @Test
    void truncatedPngAndJpegAreReportedAsTruncated() throws Exception {
        byte[] png = encode(rgba(64, 64), "png");
        byte[] jpeg = encode(rgb(64, 64), "jpeg");
        assertProblem(write("t.0001.png", Arrays.copyOf(png, png.length / 2)), MediaProblem.Kind.TRUNCATED,
                "truncated PNG");
        assertProblem(write("t.0001.jpg", Arrays.copyOf(jpeg, jpeg.length / 2)), MediaProblem.Kind.TRUNCATED,
                "truncated JPEG");
        byte[] bmp = encode(rgb(64, 64), "bmp");
        assertProblem(write("t.0001.bmp", Arrays.copyOf(bmp, bmp.length - 100)), MediaProblem.Kind.TRUNCATED,
                "truncated BMP");
    }

    @Test
    void wrongExtensionIsReportedButTheFileIsStillReadByItsContent() throws Exception {
        Path file = write("w.0001.jpg", encode(rgba(10, 8), "png"));
        ImageFileInspector.Inspection inspection = inspector.inspect(file);
        assertTrue(inspection.usable());
        assertEquals(Optional.of(ImageFormat.PNG), inspection.format());
        assertEquals(MediaProblem.Kind.WRONG_EXTENSION, inspection.problems().get(0).kind());
        assertTrue(inspection.problems().get(0).reason().contains("'.jpg' but the content is PNG"));
        assertEquals(10, new FrameReader(1000, Optional.empty()).readStill(file, "w").getWidth());
    }

    @Test
    void garbageContentIsUnreadable() throws Exception {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 'x';
        assertProblem(write("g.0001.png", noise), MediaProblem.Kind.UNREADABLE, "not a readable image");
    }

    @Test
    void hugeDeclaredSizeIsRefusedBeforeAnyPixelIsAllocated() throws Exception {
        Path file = write("h.0001.png", pngDeclaring(60000, 60000));
        assertProblem(file, MediaProblem.Kind.TOO_LARGE, "image too large: 60000x60000");
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        MediaReadException e = assertThrows(MediaReadException.class,
                () -> new FrameReader(16384L * 16384L, Optional.empty()).readStill(file, "frame 1"));
        assertEquals(MediaProblem.Kind.TOO_LARGE, e.kind());
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - used < 512L * 1024 * 1024, "refusal allocated memory");
    }

    @Test
    void configurablePixelLimitRefusesSmallerImagesToo() throws Exception {
        Path file = write("s.0001.png", encode(rgba(100, 100), "png"));
        assertTrue(new ImageFileInspector(10_000).inspect(file).usable());
        ImageFileInspector.Inspection strict = new ImageFileInspector(9_999).inspect(file);
        assertFalse(strict.usable());
        assertEquals(MediaProblem.Kind.TOO_LARGE, strict.problems().get(0).kind());
    }

    @Test
    void damagedImageDataWithIntactHeaderAndEndFailsToDecodeWithAClearMessage() throws Exception {
        byte[] png = encode(rgba(64, 64), "png");
        int idat = indexOf(png, "IDAT".getBytes()) + 4;
        for (int i = idat + 10; i < idat + 200 && i < png.length - 20; i++) {
            png[i] = (byte) (png[i] ^ 0x5A);
        }
        Path file = write("d.0001.png", png);
        assertTrue(inspector.inspect(file).usable(), "header and end are intact: the inspector cannot tell");
        MediaReadException e = assertThrows(MediaReadException.class,
                () -> new FrameReader(1 << 24, Optional.empty()).readStill(file, "frame 1 of sh010/v001"));
        assertTrue(e.getMessage().contains("frame 1 of sh010/v001") && e.getMessage().contains(file.toString())
                && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void exrIsRecognisedButReportedAsUnsupported() throws Exception {
        byte[] exr = new byte[64];
        exr[0] = 0x76;
        exr[1] = 0x2F;
        exr[2] = 0x31;
        exr[3] = 0x01;
        assertProblem(write("e.0001.exr", exr), MediaProblem.Kind.UNSUPPORTED, "cannot decode");
    }

    @Test
    void symlinkLoopsAndBrokenLinksAreReportedByTheScannerAndTheRestIsScanned() throws Exception {
        write("ok.0001.png", encode(rgba(4, 4), "png"));
        write("ok.0002.png", encode(rgba(4, 4), "png"));
        Files.createSymbolicLink(dir.resolve("loop.0001.png"), dir.resolve("loop.0002.png"));
        Files.createSymbolicLink(dir.resolve("loop.0002.png"), dir.resolve("loop.0001.png"));
        Files.createSymbolicLink(dir.resolve("gone.0001.png"), dir.resolve("nowhere.png"));
        SequenceScanner.FolderContents contents = SequenceScanner.scan(dir);
        assertEquals(1, contents.sequences().size());
        assertEquals(2, contents.sequences().get(0).files().size());
        assertEquals(2, contents.problems().stream().filter(p -> p.kind() == MediaProblem.Kind.SYMLINK_LOOP).count(),
                contents.problems().toString());
        assertTrue(contents.problems().stream().anyMatch(p -> p.kind() == MediaProblem.Kind.BROKEN_LINK
                && p.path().getFileName().toString().equals("gone.0001.png")), contents.problems().toString());
    }

    @Test
    void frameReaderNamesTheMissingFrameOfASequence() throws Exception {
        Path f1 = write("sh010_v001.1001.png", encode(rgba(4, 4), "png"));
        Path f3 = write("sh010_v001.1003.png", encode(rgba(4, 4), "png"));
        TreeMap<Long, Path> files = new TreeMap<>(Map.of(1001L, f1, 1003L, f3));
        Variant variant = new Variant("sh010", "v001", new ImageSequence(dir, "sh010_v001", ".", 4, "png", files));
        FrameReader reader = new FrameReader(1 << 20, Optional.empty());
        assertEquals(BufferedImage.TYPE_INT_ARGB, reader.readArgb(variant, 1003).getType());
        MediaReadException e = assertThrows(MediaReadException.class, () -> reader.read(variant, 1002));
        assertTrue(e.getMessage().contains("frame 1002 of sh010/v001"), e.getMessage());
    }

    private void assertProblem(Path file, MediaProblem.Kind kind, String reasonPart) {
        ImageFileInspector.Inspection inspection = inspector.inspect(file);
        assertFalse(inspection.usable(), file + " should be refused");
        MediaProblem problem = inspection.problems().stream().filter(p -> p.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": expected " + kind + " in " + inspection.problems()));
        assertEquals(file, problem.path());
        assertTrue(problem.reason().contains(reasonPart), problem.reason());
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
