package dev.onmodel.app.ui.images;

import dev.onmodel.app.ui.tasks.BackgroundTasks;
import dev.onmodel.core.imaging.ImageHeader;
import org.imgscalr.Scalr;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Display proxies of frames larger than about 1080p (2K, 4K): a JPEG at most {@value #MAX_WIDTH} x
 * {@value #MAX_HEIGHT}, scaled with imgscalr and kept on disk, so viewing a 4K shot fitted decodes a small file
 * instead of the full frame every time. Proxies are made in the background after the first viewing, named by the
 * source's path, size and modification time (a changed frame gets a new proxy), and written atomically. The
 * full-resolution file is always used when zoomed in.
 */
public final class FrameProxies {

    public static final int MAX_WIDTH = 1920;
    public static final int MAX_HEIGHT = 1080;
    private static final System.Logger LOG = System.getLogger(FrameProxies.class.getName());

    private final Path folder;
    private final ExecutorService maker = Executors.newSingleThreadExecutor(BackgroundTasks.named("onmodel-proxy"));
    private final Set<Path> queued = ConcurrentHashMap.newKeySet();

    /** @param folder where proxies are kept (created on first use) */
    public FrameProxies(Path folder) {
        this.folder = folder;
    }

    /** Whether frames of this size get a proxy: noticeably larger than the proxy size. */
    public static boolean worthAProxy(ImageHeader header) {
        return header.width() > MAX_WIDTH * 1.2 || header.height() > MAX_HEIGHT * 1.2;
    }

    /** The proxy of {@code file} if it was made for the file as it is now. Blocking file I/O. */
    public Optional<Path> find(Path file) throws IOException {
        Path proxy = proxyPath(file);
        return Files.isRegularFile(proxy) ? Optional.of(proxy) : Optional.empty();
    }

    /** Queues making the proxy of {@code file} (once); a failure is logged and the full frame keeps being used. */
    public void makeLater(Path file) {
        if (!queued.add(file)) {
            return;
        }
        maker.submit(() -> {
            try {
                make(file);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "no display proxy for " + file + ": " + e.getMessage(), e);
            } finally {
                queued.remove(file);
            }
        });
    }

    /** Makes the proxy now (blocking) and returns it. */
    public Path make(Path file) throws IOException {
        Path target = proxyPath(file);
        BufferedImage source = ImageIO.read(file.toFile());
        if (source == null) {
            throw new IOException(file + ": not a readable image");
        }
        BufferedImage scaled = Scalr.resize(source, Scalr.Method.QUALITY, Scalr.Mode.AUTOMATIC, MAX_WIDTH,
                MAX_HEIGHT);
        if (scaled.getWidth() > MAX_WIDTH || scaled.getHeight() > MAX_HEIGHT) {
            scaled = Scalr.resize(source, Scalr.Method.QUALITY, Scalr.Mode.FIT_TO_WIDTH, MAX_WIDTH, MAX_HEIGHT);
        }
        BufferedImage rgb = new BufferedImage(scaled.getWidth(), scaled.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "proxy", ".tmp");
        try {
            if (!ImageIO.write(rgb, "jpg", temp.toFile())) {
                throw new IOException("no JPEG writer available");
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** {@code <sha-1 of path, size, mtime>.jpg} in the proxy folder. */
    Path proxyPath(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String identity = file.toAbsolutePath().normalize() + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(identity.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest) + ".jpg");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    public void shutdown() {
        maker.shutdownNow();
    }
}
