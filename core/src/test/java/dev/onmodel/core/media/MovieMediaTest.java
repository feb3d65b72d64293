package dev.onmodel.core.media;

import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.time.FrameRate;
import dev.onmodel.core.time.Timecode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Movies through ffprobe/ffmpeg: frame count and rate, variable rate reported, frame-accurate decoding (each
 * frame of the test movie has its own grey level), and the single install message without ffmpeg. Tests that need
 * ffmpeg are skipped, visibly, on machines without it.
 */
class MovieMediaTest {

    private static final int FRAMES = 24;

    @TempDir
    Path dir;

    private static FfmpegTools tools() {
        Optional<FfmpegTools> tools = FfmpegTools.locate();
        Assumptions.assumeTrue(tools.isPresent(), "ffmpeg/ffprobe not on the PATH: movie decoding not tested"
                + " (apt-get install ffmpeg)");
        return tools.get();
    }

    /** Frame i (0-based) is a flat grey of level 10*i; returns the movie. */
    private Path movie(FfmpegTools tools, String name, String... encoding) throws IOException, InterruptedException {
        for (int i = 0; i < FRAMES; i++) {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(10 * i, 10 * i, 10 * i));
            g.fillRect(0, 0, 64, 48);
            g.dispose();
            ImageIO.write(image, "png", dir.resolve(String.format("src.%04d.png", i + 1)).toFile());
        }
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-v", "error", "-y",
                "-framerate", "24", "-start_number", "1", "-i", dir.resolve("src.%04d.png").toString()));
        command.addAll(List.of(encoding));
        command.add(dir.resolve(name).toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ffmpeg could not make the test movie: " + out);
        return dir.resolve(name);
    }

    private static int grey(BufferedImage image) {
        return (image.getRGB(32, 24) >> 8) & 0xFF;
    }

    @Test
    void probeReadsFrameCountRateAndSize() throws Exception {
        FfmpegTools tools = tools();
        Path file = movie(tools, "take.mp4", "-c:v", "libx264", "-g", "8", "-pix_fmt", "yuv420p");
        MovieMedia media = new FfprobeMovieProbe(tools, 1001).probe(file);
        assertEquals(FRAMES, media.frameCount());
        assertEquals(FrameRate.FPS_24, media.rate());
        assertEquals(64, media.width());
        assertEquals(48, media.height());
        assertEquals(1001, media.firstFrame());
        assertFalse(media.variableFrameRate());
    }

    /**
     * The start timecode as each container carries it: QuickTime and MP4 in a {@code tmcd} track, MKV as a
     * container tag; drop-frame labels at 29.97; none at all.
     */
    @Test
    void probeReadsTheStartTimecodeOfEachContainer() throws Exception {
        FfmpegTools tools = tools();
        FfprobeMovieProbe probe = new FfprobeMovieProbe(tools, 1001);
        long hour = Timecode.parse("01:00:00:00", FrameRate.FPS_24).frames();
        assertEquals(hour, probe.probe(movie(tools, "tc.mov", "-timecode", "01:00:00:00", "-c:v", "libx264",
                "-pix_fmt", "yuv420p")).sourceStart());
        assertEquals(hour + 5, probe.probe(movie(tools, "tc.mp4", "-timecode", "01:00:00:05", "-c:v", "libx264",
                "-pix_fmt", "yuv420p")).sourceStart());
        MovieMedia mkv = probe.probe(movie(tools, "tc.mkv", "-timecode", "00:00:41:17", "-c:v", "ffv1"));
        assertEquals(1001, mkv.sourceStart(), "00:00:41:17 at 24 fps is frame 1001");
        assertEquals(1001 + 23, mkv.sourceTimeOf(1024));
        assertEquals(0, probe.probe(movie(tools, "none.mkv", "-c:v", "ffv1")).sourceStart());

        MovieMedia dropFrame = probe.probe(movie(tools, "df.mov", "-r", "30000/1001", "-timecode", "00:59:59;02",
                "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        assertEquals(FrameRate.FPS_29_97, dropFrame.rate());
        assertEquals(Timecode.parse("00:59:59;02", FrameRate.FPS_29_97).frames(), dropFrame.sourceStart());
    }

    /** A label the movie's rate cannot have is refused with the label named, not silently read as 00:00:00:00. */
    @Test
    void aStartTimecodeThatDoesNotFitTheRateIsAnError() throws Exception {
        FfmpegTools tools = tools();
        Path file = movie(tools, "bad-tc.mkv", "-metadata", "timecode=00:00:10:30", "-c:v", "ffv1");
        MediaReadException e = assertThrows(MediaReadException.class, () -> new FfprobeMovieProbe(tools).probe(file));
        assertTrue(e.getMessage().contains("start timecode '00:00:10:30'"), e.getMessage());
        assertEquals(file, e.path());
    }

    @Test
    void decodingIsFrameAccurateAcrossKeyFramesAndBFrames() throws Exception {
        FfmpegTools tools = tools();
        Path file = movie(tools, "take.mp4", "-c:v", "libx264", "-g", "8", "-bf", "2", "-pix_fmt", "yuv420p");
        MovieMedia media = new FfprobeMovieProbe(tools, 1).probe(file);
        MovieFrameDecoder decoder = new MovieFrameDecoder(tools, 1 << 20);
        for (long frame : new long[]{1, 2, 8, 9, 10, 16, 17, 23, 24}) {
            int level = grey(decoder.decode(media, frame));
            assertTrue(Math.abs(level - 10 * (frame - 1)) <= 4, "frame " + frame + " decoded grey " + level
                    + ", expected " + 10 * (frame - 1));
        }
        assertThrows(MediaReadException.class, () -> decoder.decode(media, 25));
    }

    /** Scoring's stream: every frame once, in order, reduced to every 2nd pixel of every 2nd row. */
    @Test
    void streamingGivesEveryFrameInOrderSubsampled() throws Exception {
        FfmpegTools tools = tools();
        MovieMedia media = new FfprobeMovieProbe(tools, 1001).probe(movie(tools, "cfr.mkv", "-c:v", "ffv1",
                "-pix_fmt", "bgr0"));
        List<Integer> levels = new ArrayList<>();
        try (MovieFrameStream stream = MovieFrameStream.open(tools, media, 2, Long.MAX_VALUE)) {
            assertEquals(32, stream.width());
            assertEquals(24, stream.height());
            int[] pixels;
            while ((pixels = stream.next()) != null) {
                assertEquals(32 * 24, pixels.length);
                levels.add(pixels[12 * 32 + 16] & 0xFF);
            }
            assertEquals(FRAMES, stream.delivered());
        }
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(10 * i, levels.get(i), "frame " + (1001 + i));
        }
    }

    /** A variable-rate movie is streamed frame by frame as decoded, so frame n is the n-th decoded one. */
    @Test
    void streamingAVariableRateMovieGivesEachDecodedFrameOnce() throws Exception {
        FfmpegTools tools = tools();
        Path file = movie(tools, "vfr-stream.mp4", "-vf", "setpts='if(lt(N,12),N/24/TB,(0.5+(N-12)/12)/TB)'",
                "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        MovieMedia media = new FfprobeMovieProbe(tools, 1).probe(file);
        assertTrue(media.variableFrameRate(), "VFR not reported: " + media);
        List<Integer> levels = new ArrayList<>();
        try (MovieFrameStream stream = MovieFrameStream.open(tools, media, 1, Long.MAX_VALUE)) {
            int[] pixels;
            while ((pixels = stream.next()) != null) {
                levels.add(pixels[24 * 64 + 32] & 0xFF);
            }
        }
        assertEquals(media.frameCount(), levels.size());
        assertTrue(Math.abs(levels.get(19) - 190) <= 4, "frame 20 streamed grey " + levels.get(19));
    }

    @Test
    void variableFrameRateIsReportedAndStillDecodedByFrameIndex() throws Exception {
        FfmpegTools tools = tools();
        Path file = movie(tools, "vfr.mp4", "-vf", "setpts='if(lt(N,12),N/24/TB,(0.5+(N-12)/12)/TB)'",
                "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        MovieMedia media = new FfprobeMovieProbe(tools).probe(file);
        assertTrue(media.variableFrameRate(), "VFR not reported: " + media);
        assertEquals(FRAMES, media.frameCount());
        int level = grey(new MovieFrameDecoder(tools, 1 << 20).decode(media, 20));
        assertTrue(Math.abs(level - 190) <= 4, "VFR frame 20 decoded grey " + level);
    }

    @Test
    void frameReaderDecodesMovieVariants() throws Exception {
        FfmpegTools tools = tools();
        Path file = movie(tools, "take.mkv", "-c:v", "ffv1");
        MovieMedia media = new FfprobeMovieProbe(tools).probe(file);
        BufferedImage frame = new FrameReader(1 << 20, Optional.of(tools)).read(new Variant("sh010", "v003", media), 5);
        assertEquals(40, grey(frame));
    }

    @Test
    void damagedMovieGetsAPlainReason() throws Exception {
        FfmpegTools tools = tools();
        Path file = dir.resolve("broken.mov");
        Files.write(file, "definitely not a movie".getBytes());
        MediaReadException e = assertThrows(MediaReadException.class, () -> new FfprobeMovieProbe(tools).probe(file));
        assertTrue(e.getMessage().startsWith("ffprobe cannot read this movie"), e.getMessage());
    }

    @Test
    void withoutFfmpegMoviesGetOneMessageSayingHowToInstallIt() throws Exception {
        assertTrue(FfmpegTools.locateIn(List.of(dir)).isEmpty());
        MovieMedia media = new MovieMedia(dir.resolve("take.mov"), 1, 24, FrameRate.FPS_24, 64, 48, false);
        MediaReadException e = assertThrows(MediaReadException.class,
                () -> new FrameReader(1 << 20, Optional.empty()).read(new Variant("sh010", "v001", media), 1));
        assertEquals(FfmpegTools.INSTALL_HINT, e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install ffmpeg"));
        String previous = System.getProperty("onmodel.ffmpeg.dir");
        System.setProperty("onmodel.ffmpeg.dir", dir.toString());
        try {
            IOException probe = assertThrows(IOException.class, () -> FfmpegTools.probeOrExplain().probe(media.file()));
            assertEquals(FfmpegTools.INSTALL_HINT, probe.getMessage());
        } finally {
            if (previous == null) {
                System.clearProperty("onmodel.ffmpeg.dir");
            } else {
                System.setProperty("onmodel.ffmpeg.dir", previous);
            }
        }
    }
}
