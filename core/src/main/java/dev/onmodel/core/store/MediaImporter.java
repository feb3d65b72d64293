package dev.onmodel.core.store;

import dev.onmodel.core.imaging.ImageHeader;
import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.media.ImageFileInspector;
import dev.onmodel.core.media.MediaProblem;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.media.SequenceScanner;
import dev.onmodel.core.model.CharacterSheet;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.SheetView;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectReader;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scans a project's {@code shots/} and {@code characters/} folders, reports everything odd
 * ({@link ImportReport}) and records the structure and each frame's identity in the {@link ReviewStore}.
 *
 * <p>A rescan compares each frame with what the store recorded: same path, size and modification time means
 * unchanged (no file is opened: a rescan of an unchanged project is metadata only); otherwise the file is
 * inspected and digested again, and a different digest, like a removed frame, drops that frame's cached
 * analyses and nothing else. A movie is compared the same way as one file (its size, time and digest are recorded
 * with its variant); a different digest drops the movie's stored scores. Decisions are never touched by an import.
 */
public final class MediaImporter {

    /** Import progress, called on the importing thread. */
    @FunctionalInterface
    public interface Progress {
        /** Called after each variant: frames looked at so far, of {@code total} frames found. */
        void update(long done, long total);

        Progress NONE = (done, total) -> { };
    }

    private final ReviewStore store;
    private final ImportOptions options;
    private final ImageFileInspector inspector;

    public MediaImporter(ReviewStore store, ImportOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        this.inspector = new ImageFileInspector(options.maxPixels());
    }

    /**
     * Imports (or rescans) the project into the store.
     *
     * @throws IOException    when the project or media folder cannot be read at all, or project.json is invalid
     * @throws StoreException when the structure cannot be recorded (read-only store, disk full...)
     */
    public ImportReport importProject() throws IOException, StoreException {
        return importFrom(store.mediaRoot(), Progress.NONE);
    }

    /**
     * As {@link #importProject()}, reporting progress; interrupting the calling thread cancels the import before
     * anything is recorded ({@link java.io.InterruptedIOException}).
     */
    public ImportReport importProject(Progress progress) throws IOException, StoreException {
        return importFrom(store.mediaRoot(), Objects.requireNonNull(progress, "progress"));
    }

    /**
     * Points the project at media moved to {@code newMediaRoot} (the folder now holding {@code shots/} and
     * {@code characters/}) and rescans there. Frames keep their relative paths, so decisions and cached analyses
     * of unchanged frames carry over.
     *
     * @throws StoreException INVALID_REQUEST when none of the recorded frames is found under the new root (nothing
     *                        is changed then)
     */
    public ImportReport relink(Path newMediaRoot) throws IOException, StoreException {
        return relink(newMediaRoot, Progress.NONE);
    }

    /**
     * As {@link #relink(Path)}, reporting the rescan's progress; interrupting the calling thread cancels it before
     * anything is recorded ({@link java.io.InterruptedIOException}).
     */
    public ImportReport relink(Path newMediaRoot, Progress progress) throws IOException, StoreException {
        Objects.requireNonNull(progress, "progress");
        Path media = newMediaRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(media)) {
            throw new StoreException(StoreException.Kind.INVALID_REQUEST, media + ": no such folder to relink to");
        }
        Map<VariantKey, NavigableMap<Long, StoredFrame>> recorded = store.storedFrames();
        long total = 0;
        long found = 0;
        for (NavigableMap<Long, StoredFrame> frames : recorded.values()) {
            for (StoredFrame frame : frames.values()) {
                total++;
                Path file = media.resolve(frame.identity().relativePath());
                if (Files.isRegularFile(file) && Files.size(file) == frame.identity().size()) {
                    found++;
                }
            }
        }
        if (total > 0 && found == 0) {
            throw new StoreException(StoreException.Kind.INVALID_REQUEST, media + ": none of the " + total
                    + " recorded frames is there (expected e.g. " + recorded.values().iterator().next().firstEntry()
                    .getValue().identity().relativePath() + "); the project was not relinked");
        }
        return importFrom(media, progress);
    }

    private ImportReport importFrom(Path mediaRoot, Progress progress) throws IOException, StoreException {
        Path root = store.projectRoot();
        ProjectReader.ReadResult read = new ProjectReader(options.movieProbe()).read(root, mediaRoot);
        Project project = MovieNumbering.keepRecorded(read.project(), store.movieFirstFrames(), mediaRoot);
        List<MediaProblem> problems = new ArrayList<>(read.problems());
        Map<VariantKey, NavigableMap<Long, StoredFrame>> before = store.storedFrames();
        Map<String, StoredFrame> beforeByPath = new HashMap<>();
        before.values().forEach(m -> m.values().forEach(f -> beforeByPath.put(f.identity().relativePath(), f)));
        Map<VariantKey, FileIdentity> moviesBefore = store.movieFiles();
        Map<String, FileIdentity> moviesBeforeByPath = new HashMap<>();
        moviesBefore.values().forEach(m -> moviesBeforeByPath.put(m.relativePath(), m));

        Map<VariantKey, NavigableMap<Long, StoredFrame>> after = new LinkedHashMap<>();
        Map<VariantKey, FileIdentity> moviesAfter = new LinkedHashMap<>();
        // Movies whose content differs from the last import: their scores (stored under the movie's path) go.
        List<String> changedMovies = new ArrayList<>();
        List<ImportReport.ImportedMedia> media = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        long frameCount = 0;
        long unusable = 0;
        long total = project.shots().stream().flatMap(sh -> sh.variants().stream())
                .filter(v -> v.media() instanceof ImageSequence)
                .mapToLong(v -> ((ImageSequence) v.media()).files().size()).sum();
        for (Shot shot : project.shots()) {
            for (Variant variant : shot.variants()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("import cancelled; nothing was recorded");
                }
                VariantKey key = new VariantKey(shot.name(), variant.name());
                if (variant.media() instanceof MovieMedia) {
                    MovieMedia movie = (MovieMedia) variant.media();
                    media.add(new ImportReport.ImportedMedia(key.toString(), movie.describe(), movie.frameCount()));
                    String rel = FileIdentity.relativize(mediaRoot, movie.file());
                    FileIdentity previous = moviesBeforeByPath.get(rel);
                    FileIdentity file = movieFile(movie.file(), rel, previous, problems);
                    if (file != null) {
                        moviesAfter.put(key, file);
                        if (previous != null && !sameContent(previous, file)) {
                            changedMovies.add(rel);
                        }
                    }
                    if (movie.variableFrameRate()) {
                        problems.add(new MediaProblem(movie.file(), "variable frame rate: frames are numbered in"
                                + " decode order and timing in the cut may differ from playback", MediaProblem.Kind.MOVIE));
                    }
                    continue;
                }
                ImageSequence sequence = (ImageSequence) variant.media();
                NavigableMap<Long, StoredFrame> frames = new TreeMap<>();
                String folder = FileIdentity.relativize(mediaRoot, sequence.directory());
                for (Map.Entry<Long, Path> e : sequence.files().entrySet()) {
                    // every file of a sequence sits in its folder: one relativize per folder, not per frame
                    String rel = folder + "/" + e.getValue().getFileName();
                    StoredFrame previous = beforeByPath.get(rel);
                    StoredFrame frame = frame(key, e.getKey(), e.getValue(), rel, previous, problems);
                    if (previous == null) {
                        added.add(rel);
                    } else if (!sameContent(previous.identity(), frame.identity())) {
                        changed.add(rel);
                    }
                    frames.put(e.getKey(), frame);
                    frameCount++;
                    if (!frame.usable()) {
                        unusable++;
                    }
                }
                reportMixedResolutions(mediaRoot, sequence, frames, problems);
                progress.update(frameCount, total);
                after.put(key, frames);
                media.add(new ImportReport.ImportedMedia(key.toString(), sequence.describe(), frames.size()));
            }
        }
        Map<String, FileIdentity> sheets = new HashMap<>();
        for (CharacterSheet character : project.characters()) {
            for (SheetView view : character.views()) {
                String rel = FileIdentity.relativize(mediaRoot, view.image());
                ImageFileInspector.Inspection inspection = options.inspectHeaders() ? inspector.inspect(view.image()) : null;
                if (inspection != null) {
                    problems.addAll(inspection.problems());
                }
                sheets.put(rel, identity(view.image(), rel, null, problems));
            }
        }
        Map<String, StoredFrame> afterByPath = new HashMap<>();
        after.values().forEach(m -> m.values().forEach(f -> afterByPath.put(f.identity().relativePath(), f)));
        List<String> removed = beforeByPath.keySet().stream().filter(p -> !afterByPath.containsKey(p)).sorted()
                .collect(Collectors.toList());
        List<String> invalidated = new ArrayList<>(changed);
        invalidated.addAll(removed);
        int dropped = countCached(invalidated);
        invalidated.addAll(changedMovies);
        String fingerprint = fingerprint(project, sheets, mediaRoot);
        boolean unchanged = after.equals(before) && moviesAfter.equals(moviesBefore) && invalidated.isEmpty()
                && store.metaValue(ReviewStore.STRUCTURE_FINGERPRINT).map(fingerprint::equals).orElse(false);
        if (!unchanged) {
            // An unchanged rescan writes nothing: it stays metadata-only and never waits for the write lock.
            store.replaceStructure(project, after, moviesAfter, sheets, invalidated, mediaRoot, fingerprint);
        }
        problems.sort(Comparator.comparing((MediaProblem p) -> p.path().toString()).thenComparing(MediaProblem::reason));
        return new ImportReport(mediaRoot, media, frameCount, unusable, problems,
                new ImportReport.FrameChanges(added, removed, changed), dropped);
    }

    /**
     * A digest of everything recorded about the structure except the frames (compared separately): names, order,
     * rates, cut lengths, casts, media parameters, sheet identities and the media root.
     */
    private static String fingerprint(Project project, Map<String, FileIdentity> sheets, Path mediaRoot) {
        StringBuilder text = new StringBuilder();
        text.append(project.name()).append('|').append(project.rate()).append('|').append(mediaRoot).append('\n');
        // An edited project.json is recorded even when nothing it says changed the structure, so that opening the
        // project does not find it newer than the import again and again.
        text.append("project.json ").append(ProjectLayout.settingsIdentity(project.root())).append('\n');
        for (CharacterSheet character : project.characters()) {
            text.append("character ").append(character.name()).append('\n');
            for (SheetView view : character.views()) {
                text.append(' ').append(view.name()).append(' ').append(view.image()).append('\n');
            }
        }
        new TreeMap<>(sheets).forEach((path, id) -> text.append(id).append('\n'));
        for (Shot shot : project.shots()) {
            text.append("shot ").append(shot.name()).append('|').append(shot.rate()).append('|')
                    .append(shot.cutLength()).append('|').append(shot.cast()).append('\n');
            for (Variant variant : shot.variants()) {
                if (variant.media() instanceof MovieMedia) {
                    text.append(' ').append(variant.name()).append(' ').append(variant.media()).append('\n');
                } else {
                    ImageSequence q = (ImageSequence) variant.media();
                    text.append(' ').append(variant.name()).append(' ').append(q.directory()).append('|')
                            .append(q.prefix()).append('|').append(q.separator()).append('|').append(q.padding())
                            .append('|').append(q.extension()).append('\n');
                }
            }
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private int countCached(List<String> paths) throws StoreException {
        if (paths.isEmpty()) {
            return 0;
        }
        return store.read("count cached analyses", c -> {
            int n = 0;
            try (var ps = c.prepareStatement("SELECT count(*) FROM analysis_cache WHERE path = ?")) {
                for (String path : paths) {
                    ps.setString(1, path);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getInt(1);
                    }
                }
            }
            return n;
        });
    }

    private static boolean sameContent(FileIdentity a, FileIdentity b) {
        if (!a.digest().isEmpty() && !b.digest().isEmpty()) {
            return a.digest().equals(b.digest()) && a.size() == b.size();
        }
        return a.size() == b.size() && a.mtimeMillis() == b.mtimeMillis();
    }

    /**
     * A movie file's identity: the previous import's when path, size and time match (a rescan of an unchanged
     * movie does not read it), else its size and time with a new digest. Null, with the problem reported, when the
     * file cannot be read; the movie then has no recorded identity and its scores never stand.
     */
    private FileIdentity movieFile(Path file, String rel, FileIdentity previous, List<MediaProblem> problems) {
        long size;
        long mtime;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            size = attributes.size();
            mtime = attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            problems.add(new MediaProblem(file, "cannot read file: " + e.getMessage(), MediaProblem.Kind.UNREADABLE));
            return null;
        }
        if (stillRecorded(previous, size, mtime)) {
            return previous;
        }
        try {
            return new FileIdentity(rel, size, mtime, options.contentDigests() ? FileIdentity.digest(file) : "");
        } catch (IOException e) {
            problems.add(new MediaProblem(file, "cannot read file: " + e.getMessage(), MediaProblem.Kind.UNREADABLE));
            return null;
        }
    }

    /**
     * Whether the previous import's record of a file still holds: same size and time, and a digest when this import
     * takes digests (a metadata-only import left none to trust).
     */
    private boolean stillRecorded(FileIdentity previous, long size, long mtime) {
        return previous != null && previous.size() == size && previous.mtimeMillis() == mtime
                && (!options.contentDigests() || !previous.digest().isEmpty());
    }

    /** One frame's record: reused from the previous import when path, size and time match, else inspected anew. */
    private StoredFrame frame(VariantKey key, long number, Path file, String rel, StoredFrame previous,
                              List<MediaProblem> problems) {
        long size;
        long mtime;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            size = attributes.size();
            mtime = attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            String reason = "cannot read file: " + e.getMessage();
            problems.add(new MediaProblem(file, reason, MediaProblem.Kind.UNREADABLE));
            return new StoredFrame(key, number, new FileIdentity(rel, 0, 0, ""), 0, 0, Optional.of(reason));
        }
        if (previous != null && stillRecorded(previous.identity(), size, mtime)) {
            previous.problem().ifPresent(reason -> problems.add(new MediaProblem(file, reason, kindOf(reason))));
            return new StoredFrame(key, number, previous.identity(), previous.width(), previous.height(),
                    previous.problem());
        }
        int width = 0;
        int height = 0;
        Optional<String> refusal = Optional.empty();
        if (options.inspectHeaders()) {
            ImageFileInspector.Inspection inspection = inspector.inspect(file);
            problems.addAll(inspection.problems());
            Optional<ImageHeader> header = inspection.header();
            width = header.map(ImageHeader::width).orElse(0);
            height = header.map(ImageHeader::height).orElse(0);
            refusal = inspection.refusal();
        } else if (size == 0) {
            refusal = Optional.of("zero-byte file");
            problems.add(new MediaProblem(file, "zero-byte file", MediaProblem.Kind.ZERO_BYTE));
        }
        FileIdentity identity = identity(file, rel, new long[]{size, mtime}, problems);
        return new StoredFrame(key, number, identity, width, height, refusal);
    }

    /** Kind of a stored refusal sentence, so a rescan reports unchanged bad frames as the first import did. */
    private static MediaProblem.Kind kindOf(String reason) {
        if (reason.startsWith("zero-byte")) {
            return MediaProblem.Kind.ZERO_BYTE;
        }
        if (reason.startsWith("truncated")) {
            return MediaProblem.Kind.TRUNCATED;
        }
        if (reason.startsWith("image too large")) {
            return MediaProblem.Kind.TOO_LARGE;
        }
        if (reason.contains("cannot decode them")) {
            return MediaProblem.Kind.UNSUPPORTED;
        }
        return MediaProblem.Kind.UNREADABLE;
    }

    private FileIdentity identity(Path file, String rel, long[] sizeAndTime, List<MediaProblem> problems) {
        try {
            long size = sizeAndTime != null ? sizeAndTime[0] : Files.size(file);
            long mtime = sizeAndTime != null ? sizeAndTime[1] : Files.getLastModifiedTime(file).toMillis();
            String digest = options.contentDigests() ? FileIdentity.digest(file) : "";
            return new FileIdentity(rel, size, mtime, digest);
        } catch (IOException e) {
            problems.add(new MediaProblem(file, "cannot read file: " + e.getMessage(), MediaProblem.Kind.UNREADABLE));
            return new FileIdentity(rel, 0, 0, "");
        }
    }

    /** One problem per sequence whose usable frames declare more than one size, naming the odd frames. */
    private static void reportMixedResolutions(Path mediaRoot, ImageSequence sequence,
                                               NavigableMap<Long, StoredFrame> frames, List<MediaProblem> problems) {
        Map<String, List<Long>> bySize = new LinkedHashMap<>();
        for (StoredFrame f : frames.values()) {
            if (f.usable() && f.width() > 0) {
                bySize.computeIfAbsent(f.width() + "x" + f.height(), k -> new ArrayList<>()).add(f.frame());
            }
        }
        if (bySize.size() < 2) {
            return;
        }
        String common = Collections.max(bySize.entrySet(), Comparator.comparingInt(e -> e.getValue().size())).getKey();
        StringBuilder odd = new StringBuilder();
        bySize.forEach((size, list) -> {
            if (!size.equals(common)) {
                String shown = list.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "));
                odd.append(odd.length() == 0 ? "" : "; ").append(size).append(" in frame")
                        .append(list.size() == 1 ? " " : "s ").append(shown).append(list.size() > 10 ? ", ..." : "");
            }
        });
        problems.add(new MediaProblem(sequence.directory().resolve(sequence.hashPattern()), "mixed resolutions: "
                + bySize.get(common).size() + " frames are " + common + ", but " + odd, MediaProblem.Kind.MIXED_RESOLUTION));
    }

    /**
     * Scans any folder (for example one dropped into the app) recursively without recording anything: sequences
     * and movies found, and every problem, including symbolic-link loops between folders.
     */
    public static ImportReport scanFolder(Path folder, ImportOptions options) throws IOException {
        Path top = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(top)) {
            throw new IOException(top + ": not a folder");
        }
        ImageFileInspector inspector = new ImageFileInspector(options.maxPixels());
        List<MediaProblem> problems = new ArrayList<>();
        List<ImportReport.ImportedMedia> media = new ArrayList<>();
        long[] counts = new long[2];
        Files.walkFileTree(top, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 32, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(top) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                SequenceScanner.FolderContents contents = SequenceScanner.scan(dir);
                problems.addAll(contents.problems());
                for (ImageSequence sequence : contents.sequences()) {
                    NavigableMap<Long, StoredFrame> frames = new TreeMap<>();
                    VariantKey key = new VariantKey(FileIdentity.relativize(top, dir), sequence.prefix());
                    for (Map.Entry<Long, Path> e : sequence.files().entrySet()) {
                        ImageFileInspector.Inspection inspection = options.inspectHeaders()
                                ? inspector.inspect(e.getValue()) : null;
                        int w = 0;
                        int h = 0;
                        Optional<String> refusal = Optional.empty();
                        if (inspection != null) {
                            problems.addAll(inspection.problems());
                            w = inspection.header().map(ImageHeader::width).orElse(0);
                            h = inspection.header().map(ImageHeader::height).orElse(0);
                            refusal = inspection.refusal();
                        }
                        frames.put(e.getKey(), new StoredFrame(key, e.getKey(), new FileIdentity(
                                FileIdentity.relativize(top, e.getValue()), 0, 0, ""), w, h, refusal));
                        counts[0]++;
                        if (refusal.isPresent()) {
                            counts[1]++;
                        }
                    }
                    reportMixedResolutions(top, sequence, frames, problems);
                    media.add(new ImportReport.ImportedMedia(FileIdentity.relativize(top, dir.resolve(
                            sequence.hashPattern())), sequence.describe(), frames.size()));
                }
                for (Path movie : contents.movies()) {
                    MovieProbe probe = options.movieProbe();
                    try {
                        MovieMedia m = probe.probe(movie);
                        media.add(new ImportReport.ImportedMedia(FileIdentity.relativize(top, movie), m.describe(),
                                m.frameCount()));
                        if (m.variableFrameRate()) {
                            problems.add(new MediaProblem(movie, "variable frame rate", MediaProblem.Kind.MOVIE));
                        }
                    } catch (IOException e) {
                        problems.add(new MediaProblem(movie, e.getMessage(), MediaProblem.Kind.MOVIE));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (e instanceof FileSystemLoopException) {
                    problems.add(new MediaProblem(file, "symbolic link loop (folder links back to "
                            + "a folder above it); not followed", MediaProblem.Kind.SYMLINK_LOOP));
                } else {
                    problems.add(new MediaProblem(file, "cannot read: " + e.getMessage(), MediaProblem.Kind.UNREADABLE));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        problems.sort(Comparator.comparing((MediaProblem p) -> p.path().toString()).thenComparing(MediaProblem::reason));
        return new ImportReport(top, media, counts[0], counts[1], problems,
                new ImportReport.FrameChanges(List.of(), List.of(), List.of()), 0);
    }
}
