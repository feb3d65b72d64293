package dev.onmodel.app.ui.images;

import dev.onmodel.core.imaging.ImageHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameProxiesTest {

    @TempDir
    Path dir;

    private Path frame(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 80, 40));
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        Path file = dir.resolve("sh010_v001.1001.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void proxyOfA4kFrameFitsInto1080pAndKeepsTheAspect() throws Exception {
        Path file = frame(3840, 2160);
        FrameProxies proxies = new FrameProxies(dir.resolve("proxies"));
        assertTrue(proxies.find(file).isEmpty());
        Path proxy = proxies.make(file);
        BufferedImage read = ImageIO.read(proxy.toFile());
        assertEquals(1920, read.getWidth());
        assertEquals(1080, read.getHeight());
        assertEquals(proxy, proxies.find(file).orElseThrow());
        try (var files = Files.list(dir.resolve("proxies"))) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void aChangedFrameNeedsANewProxy() throws Exception {
        Path file = frame(2600, 1400);
        FrameProxies proxies = new FrameProxies(dir.resolve("proxies"));
        Path first = proxies.proxyPath(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertNotEquals(first, proxies.proxyPath(file));
    }

    @Test
    void onlyFramesWellAbove1080pGetProxies() {
        assertFalse(FrameProxies.worthAProxy(new ImageHeader("png", 1920, 1080)));
        assertFalse(FrameProxies.worthAProxy(new ImageHeader("png", 2048, 1080)));
        assertTrue(FrameProxies.worthAProxy(new ImageHeader("png", 3840, 2160)));
    }
}
