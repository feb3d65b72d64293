package dev.onmodel.core.media;

import dev.onmodel.core.model.ImageSequence;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises image sequences and movies among the files of one folder (not recursive), by name only.
 *
 * <p>A sequence file is {@code <prefix><. or _><digits>.<ext>}: {@code sh010_v002.1001.png},
 * {@code take_0001.jpg}, {@code a.7.tif}. Padding may be anything; numbers need not start at 1. Files with the
 * same prefix, separator and extension (case-insensitive) form one sequence. Two files that give the same frame
 * number ({@code x.0001.png} and {@code x.001.png}) are reported as duplicates; gaps are reported.
 * Reading headers and pixels is not this class's job.
 */
public final class SequenceScanner {

    /** Still-image extensions a sequence may use (lower case). */
    public static final Set<String> IMAGE_EXTENSIONS =
            Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif", "webp", "exr", "dpx");
    /** Movie extensions handed to ffmpeg (lower case). */
    public static final Set<String> MOVIE_EXTENSIONS = Set.of("mp4", "mov", "mkv", "m4v", "avi", "webm", "mxf");

    private static final Pattern NUMBERED = Pattern.compile("(.*?)([._])(\\d+)\\.([A-Za-z0-9]+)");

    /** What one folder holds. */
    public record FolderContents(List<ImageSequence> sequences, List<Path> movies, List<MediaProblem> problems) {
        public FolderContents {
            sequences = List.copyOf(sequences);
            movies = List.copyOf(movies);
            problems = List.copyOf(problems);
        }
    }

    private SequenceScanner() {
    }

    /** The extension of {@code file} in lower case, or "" when it has none. */
    public static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Scans {@code folder}; problems (unreadable folder, stray files, gaps, duplicates) are returned, not thrown. */
    public static FolderContents scan(Path folder) {
        // Names are taken once per entry: sorting 10,000 paths by getFileName().toString() in the comparator
        // rebuilt a string per comparison and dominated a scan.
        List<Map.Entry<String, Path>> named = new ArrayList<>();
        List<MediaProblem> problems = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // hidden files (.DS_Store, editor temp files) are not media
                }
                if (Files.isRegularFile(entry)) {
                    named.add(Map.entry(name, entry));
                } else if (Files.isSymbolicLink(entry)) {
                    linkProblem(entry).ifPresent(problems::add);
                }
            }
        } catch (IOException e) {
            problems.add(new MediaProblem(folder, "cannot list folder: " + e.getMessage(), MediaProblem.Kind.LAYOUT));
            return new FolderContents(List.of(), List.of(), problems);
        }
        named.sort(Map.Entry.comparingByKey());
        List<Path> files = new ArrayList<>(named.size());
        named.forEach(e -> files.add(e.getValue()));
        return group(folder, files, problems);
    }

    /**
     * Why a symbolic link that is not a regular file cannot be followed: a loop ({@code a -> b -> a}) or a missing
     * target. A link to a folder is not a problem (empty).
     */
    public static Optional<MediaProblem> linkProblem(Path link) {
        try {
            link.toRealPath();
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.of(new MediaProblem(link, "symbolic link to a missing file; ignored",
                    MediaProblem.Kind.BROKEN_LINK));
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "" : e.getReason();
            if (reason.toLowerCase(Locale.ROOT).contains("levels of symbolic links") || reason.contains("ELOOP")) {
                return Optional.of(new MediaProblem(link, "symbolic link loop; ignored", MediaProblem.Kind.SYMLINK_LOOP));
            }
            return Optional.of(new MediaProblem(link, "cannot follow symbolic link: " + reason + "; ignored",
                    MediaProblem.Kind.UNREADABLE));
        } catch (IOException e) {
            return Optional.of(new MediaProblem(link, "cannot follow symbolic link: " + e.getMessage() + "; ignored",
                    MediaProblem.Kind.UNREADABLE));
        }
    }

    /** Groups already-listed files of one folder (sorted by name) into sequences and movies. */
    public static FolderContents group(Path folder, List<Path> files, List<MediaProblem> problemsSoFar) {
        List<MediaProblem> problems = new ArrayList<>(problemsSoFar);
        List<Path> movies = new ArrayList<>();
        Map<String, Builder> builders = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (MOVIE_EXTENSIONS.contains(ext)) {
                movies.add(file);
                continue;
            }
            Matcher m = NUMBERED.matcher(name);
            if (!IMAGE_EXTENSIONS.contains(ext)) {
                problems.add(new MediaProblem(file, "not an image or movie file (extension '." + ext + "'); ignored",
                        MediaProblem.Kind.LAYOUT));
                continue;
            }
            if (!m.matches() || m.group(3).length() > 12) {
                problems.add(new MediaProblem(file, "image has no frame number (expected name.####.ext or name_####.ext); ignored",
                        MediaProblem.Kind.LAYOUT));
                continue;
            }
            String key = m.group(1) + "\u0000" + m.group(2) + "\u0000" + m.group(4).toLowerCase(Locale.ROOT);
            Builder b = builders.computeIfAbsent(key, k -> new Builder(m.group(1), m.group(2), m.group(4)));
            long frame = Long.parseLong(m.group(3));
            Path previous = b.files.putIfAbsent(frame, file);
            if (previous != null) {
                problems.add(new MediaProblem(file, "duplicate frame " + frame + " (also " + previous.getFileName() + "); ignored",
                        MediaProblem.Kind.DUPLICATE));
            } else {
                b.padding = Math.min(b.padding, m.group(3).length());
            }
        }
        List<ImageSequence> sequences = new ArrayList<>();
        for (Builder b : builders.values()) {
            ImageSequence sequence = new ImageSequence(folder, b.prefix, b.separator, b.padding, b.extension, b.files);
            sequences.add(sequence);
            sequence.gaps().forEach(gap -> problems.add(new MediaProblem(
                    folder.resolve(sequence.hashPattern()),
                    (gap.length() == 1 ? "frame " + gap.start() : "frames " + gap) + " missing", MediaProblem.Kind.GAP)));
        }
        return new FolderContents(sequences, movies, problems);
    }

    private static final class Builder {
        final String prefix;
        final String separator;
        final String extension;
        final TreeMap<Long, Path> files = new TreeMap<>();
        int padding = Integer.MAX_VALUE;

        Builder(String prefix, String separator, String extension) {
            this.prefix = prefix;
            this.separator = separator;
            this.extension = extension;
        }
    }
}
