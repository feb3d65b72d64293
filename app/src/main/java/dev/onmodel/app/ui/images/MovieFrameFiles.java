package dev.onmodel.app.ui.images;

import dev.onmodel.core.editorial.AtomicFiles;
import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.MovieFrameDecoder;
import dev.onmodel.core.model.MovieMedia;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A movie's frames as image files, so that the viewer shows a movie variant's frames as it shows an image sequence's
 * (the frame cache, prefetching, compare modes and the character box all work on files).
 *
 * <p>{@link #pathFor} names a frame without touching the disk (the FX thread asks); {@link #readable}, called by the
 * decoding threads, decodes the frame frame-accurately with ffmpeg ({@link MovieFrameDecoder}) the first time it is
 * needed and writes it as a PNG (lossless: what the reviewer judges is the movie's frame) under the data folder,
 * named by the movie's path, size and modification time (a re-rendered take gets new files) and the frame number.
 * Later viewings, in this session or the next, read the PNG.
 *
 * <p>The folder is kept under a budget: a 1080p frame is a few megabytes, and a reviewer who steps through a few long
 * takes would otherwise fill the disk. Once the frames written push it over the budget, the least recently written
 * files are deleted until it holds three quarters of it (a deleted frame is decoded again when next shown).
 */
public final class MovieFrameFiles {

    private final Path folder;
    private final Optional<MovieFrameDecoder> decoder;
    private final Map<Path, MovieFrame> named = new ConcurrentHashMap<>();
    private final long budgetBytes;
    /** Bytes in the folder as last counted plus those written since; -1 until first counted. */
    private long usedBytes = -1;

    private record MovieFrame(MovieMedia movie, long frame) {
    }

    /**
     * @param folder      where frame files are kept (created on first use)
     * @param tools       ffmpeg, or empty: then no movie frame can be shown
     * @param maxPixels   movies with larger frames are not decoded
     * @param budgetBytes how much the folder may hold
     */
    public MovieFrameFiles(Path folder, Optional<FfmpegTools> tools, long maxPixels, long budgetBytes) {
        this.folder = folder;
        this.decoder = tools.map(t -> new MovieFrameDecoder(t, maxPixels));
        this.budgetBytes = budgetBytes;
    }

    /** Whether movie frames can be shown at all (ffmpeg was found). */
    public boolean available() {
        return decoder.isPresent();
    }

    /**
     * The name under which frame {@code frame} of {@code movie} is shown; empty when ffmpeg is missing or the
     * frame is outside the movie. No disk access.
     */
    public Optional<Path> pathFor(MovieMedia movie, long frame) {
        if (decoder.isEmpty() || !movie.range().contains(frame)) {
            return Optional.empty();
        }
        Path name = folder.resolve(sha1(movie.file().toAbsolutePath().normalize().toString()))
                .resolve(frame + ".frame");
        named.putIfAbsent(name, new MovieFrame(movie, frame));
        return Optional.of(name);
    }

    /**
     * The file to read for {@code file}: itself, unless it is a name from {@link #pathFor}, in which case the frame's
     * PNG, decoded and written first when it is not there yet. Blocking (ffmpeg); never call it on the FX thread.
     *
     * @throws IOException naming the movie and frame when ffmpeg cannot decode it
     */
    public Path readable(Path file) throws IOException {
        MovieFrame wanted = named.get(file);
        if (wanted == null || decoder.isEmpty()) {
            return file;
        }
        Path movie = wanted.movie().file();
        BasicFileAttributes attributes = Files.readAttributes(movie, BasicFileAttributes.class);
        String identity = movie.toAbsolutePath().normalize() + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis();
        Path target = file.getParent().resolve(sha1(identity).substring(0, 16) + "-" + wanted.frame() + ".png");
        if (Files.isRegularFile(target)) {
            return target;
        }
        BufferedImage image = decoder.get().decode(wanted.movie(), wanted.frame());
        Files.createDirectories(target.getParent());
        // Whole or not at all: a decoding thread of another viewer may read the file the moment it exists.
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
        written(target);
        return target;
    }

    /** Counts a new file against the budget and trims the folder when it is over. */
    private synchronized void written(Path file) throws IOException {
        if (usedBytes < 0) {
            usedBytes = frameFiles().stream().mapToLong(f -> f.size).sum();
        } else {
            usedBytes += Files.size(file);
        }
        if (usedBytes <= budgetBytes) {
            return;
        }
        List<FrameFile> files = new ArrayList<>(frameFiles());
        files.sort(Comparator.comparingLong(f -> f.written));
        long kept = files.stream().mapToLong(f -> f.size).sum();
        for (FrameFile f : files) {
            if (kept <= budgetBytes * 3 / 4) {
                break;
            }
            if (!f.path.equals(file) && Files.deleteIfExists(f.path)) {
                kept -= f.size;
            }
        }
        usedBytes = kept;
    }

    private record FrameFile(Path path, long size, long written) {
    }

    /** The frame files in the folder, with their sizes and modification times. */
    private List<FrameFile> frameFiles() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<FrameFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(p -> p.getFileName().toString().endsWith(".png")).toList()) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    files.add(new FrameFile(p, a.size(), a.lastModifiedTime().toMillis()));
                } catch (NoSuchFileException gone) {
                    // deleted meanwhile (another window trimming the same folder): nothing to count
                }
            }
        }
        return files;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
