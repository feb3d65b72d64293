package dev.onmodel.core.project;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.onmodel.core.model.VariantMedia;
import dev.onmodel.core.time.FrameRate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads a project folder ({@link ProjectLayout}) into a {@link Project}, by file names only (no pixels are
 * decoded). Anything odd is collected as a {@link MediaProblem} and the rest is still read.
 */
public final class ProjectReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MovieProbe movieProbe;

    /** The result: the project and what was wrong with its files. */
    public record ReadResult(Project project, List<MediaProblem> problems) {
        public ReadResult {
            problems = List.copyOf(problems);
        }
    }

    public ProjectReader(MovieProbe movieProbe) {
        this.movieProbe = movieProbe;
    }

    /**
     * @throws IOException when {@code root} is not a readable folder or its project.json is not valid JSON
     */
    public ReadResult read(Path root) throws IOException {
        return read(root, root);
    }

    /**
     * Reads the project whose settings live in {@code root} and whose {@code characters/} and {@code shots/}
     * folders live under {@code mediaRoot} (the same folder, unless the media were moved to another disk and
     * relinked).
     *
     * @throws IOException when a folder is not readable or project.json is not valid JSON
     */
    public ReadResult read(Path root, Path mediaRoot) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a project folder");
        }
        if (!Files.isDirectory(mediaRoot)) {
            throw new NoSuchFileException(mediaRoot.toString(), null, "media folder not found");
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absoluteMedia = mediaRoot.toAbsolutePath().normalize();
        List<MediaProblem> problems = new ArrayList<>();
        ProjectSettings settings = readSettings(absoluteRoot);
        FrameRate projectRate = settings.frameRate() == null ? FrameRate.FPS_24 : FrameRate.parse(settings.frameRate());
        String name = settings.name() == null ? absoluteRoot.getFileName().toString() : settings.name();

        List<CharacterSheet> characters = readCharacters(ProjectLayout.charactersDir(absoluteMedia), problems);
        List<Shot> shots = readShots(ProjectLayout.shotsDir(absoluteMedia), settings, projectRate, problems);
        return new ReadResult(new Project(name, absoluteRoot, projectRate, characters, shots), problems);
    }

    /**
     * The project's {@code project.json} (every field empty when there is none), its thresholds checked.
     *
     * @throws IOException naming the file when it is not valid JSON or its thresholds are not valid
     */
    public static ProjectSettings readSettings(Path root) throws IOException {
        Path file = ProjectLayout.projectFile(root);
        if (!Files.isRegularFile(file)) {
            return new ProjectSettings(null, null, List.of());
        }
        ProjectSettings s;
        try {
            s = JSON.readValue(file.toFile(), ProjectSettings.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a valid project file: " + e.getMessage(), e);
        }
        if (s == null) {
            return new ProjectSettings(null, null, List.of());
        }
        if (s.thresholds() != null) {
            try {
                s.thresholds().resolve(100, 0);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": not a valid project file: " + e.getMessage(), e);
            }
        }
        return new ProjectSettings(s.name(), s.frameRate(), s.shots() == null ? List.of() : s.shots(),
                s.thresholds());
    }

    private static List<Path> subfolders(Path dir, List<MediaProblem> problems) {
        List<Path> folders = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return folders;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    folders.add(entry);
                }
            }
        } catch (IOException e) {
            problems.add(new MediaProblem(dir, "cannot list folder: " + e.getMessage(), MediaProblem.Kind.LAYOUT));
        }
        folders.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return folders;
    }

    private static List<CharacterSheet> readCharacters(Path dir, List<MediaProblem> problems) {
        List<CharacterSheet> characters = new ArrayList<>();
        for (Path characterDir : subfolders(dir, problems)) {
            List<SheetView> views = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(characterDir, Files::isRegularFile)) {
                for (Path file : files) {
                    String fileName = file.getFileName().toString();
                    if (fileName.startsWith(".")) {
                        continue;
                    }
                    if (SequenceScanner.IMAGE_EXTENSIONS.contains(SequenceScanner.extensionOf(file))) {
                        views.add(new SheetView(fileName.substring(0, fileName.lastIndexOf('.')), file));
                    } else {
                        problems.add(new MediaProblem(file, "not a sheet image; ignored", MediaProblem.Kind.LAYOUT));
                    }
                }
            } catch (IOException e) {
                problems.add(new MediaProblem(characterDir, "cannot list folder: " + e.getMessage(), MediaProblem.Kind.LAYOUT));
            }
            views.sort(Comparator.comparing(SheetView::name));
            if (views.isEmpty()) {
                problems.add(new MediaProblem(characterDir, "character has no sheet images; ignored", MediaProblem.Kind.LAYOUT));
            } else {
                characters.add(new CharacterSheet(characterDir.getFileName().toString(), views));
            }
        }
        return characters;
    }

    private List<Shot> readShots(Path dir, ProjectSettings settings, FrameRate projectRate, List<MediaProblem> problems) {
        Map<String, Path> onDisk = new LinkedHashMap<>();
        for (Path shotDir : subfolders(dir, problems)) {
            onDisk.put(shotDir.getFileName().toString(), shotDir);
        }
        List<ProjectSettings.ShotSettings> order = new ArrayList<>();
        for (ProjectSettings.ShotSettings listed : settings.shots()) {
            if (listed.name() == null) {
                continue;
            }
            if (onDisk.containsKey(listed.name())) {
                order.add(listed);
            } else {
                problems.add(new MediaProblem(dir.resolve(listed.name()), "shot is listed in project.json but has no folder", MediaProblem.Kind.LAYOUT));
            }
        }
        for (String name : onDisk.keySet()) {
            if (order.stream().noneMatch(s -> s.name().equals(name))) {
                order.add(new ProjectSettings.ShotSettings(name, null, null, null));
            }
        }
        List<Shot> shots = new ArrayList<>();
        for (ProjectSettings.ShotSettings s : order) {
            FrameRate rate = s.frameRate() == null ? projectRate : FrameRate.parse(s.frameRate());
            List<Variant> variants = readVariants(s.name(), onDisk.get(s.name()), problems);
            long cutLength = s.cutLength() != null ? s.cutLength()
                    : variants.stream().mapToLong(v -> v.media().range().length()).max().orElse(0);
            shots.add(new Shot(s.name(), rate, cutLength, s.cast() == null ? List.of() : s.cast(), variants));
        }
        return shots;
    }

    private List<Variant> readVariants(String shot, Path shotDir, List<MediaProblem> problems) {
        List<Variant> variants = new ArrayList<>();
        for (Path variantDir : subfolders(shotDir, problems)) {
            SequenceScanner.FolderContents contents = SequenceScanner.scan(variantDir);
            problems.addAll(contents.problems());
            String variantName = variantDir.getFileName().toString();
            VariantMedia media = null;
            if (!contents.sequences().isEmpty()) {
                ImageSequence longest = contents.sequences().stream()
                        .max(Comparator.comparingInt((ImageSequence q) -> q.files().size())).orElseThrow();
                media = longest;
                contents.sequences().stream().filter(q -> q != longest).forEach(q -> problems.add(new MediaProblem(
                        variantDir.resolve(q.hashPattern()), "second image sequence in variant folder; using "
                        + longest.hashPattern(), MediaProblem.Kind.LAYOUT)));
                contents.movies().forEach(m -> problems.add(new MediaProblem(m, "movie beside an image sequence; ignored", MediaProblem.Kind.LAYOUT)));
            } else if (!contents.movies().isEmpty()) {
                Path movie = contents.movies().get(0);
                contents.movies().stream().skip(1).forEach(m -> problems.add(new MediaProblem(m,
                        "second movie in variant folder; using " + movie.getFileName(), MediaProblem.Kind.LAYOUT)));
                try {
                    media = movieProbe.probe(movie);
                } catch (IOException e) {
                    problems.add(new MediaProblem(movie, e.getMessage(), MediaProblem.Kind.MOVIE));
                }
            } else {
                problems.add(new MediaProblem(variantDir, "variant folder holds no frames or movie", MediaProblem.Kind.LAYOUT));
            }
            if (media != null) {
                variants.add(new Variant(shot, variantName, media));
            }
        }
        return numberMoviesLikeTheSequences(variants);
    }

    /**
     * Numbers the shot's movie takes from the first frame of its image-sequence takes (the earliest, 1001 in most
     * pipelines), so that every take of the shot shares its frame numbers: the timeline lines the takes up and A | B
     * compares the same moment of both. A shot of movies only keeps the probe's numbering (from 1).
     */
    private static List<Variant> numberMoviesLikeTheSequences(List<Variant> variants) {
        OptionalLong first = variants.stream().map(Variant::media).filter(m -> m instanceof ImageSequence)
                .mapToLong(m -> m.range().start()).min();
        if (first.isEmpty()) {
            return variants;
        }
        return variants.stream().map(v -> v.media() instanceof MovieMedia movie
                ? new Variant(v.shot(), v.name(), movie.withFirstFrame(first.getAsLong())) : v).toList();
    }
}
