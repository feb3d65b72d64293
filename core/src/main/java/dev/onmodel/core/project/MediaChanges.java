package dev.onmodel.core.project;

import dev.onmodel.core.media.SequenceScanner;
import dev.onmodel.core.model.ImageSequence;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What changed on disk since a project's media were last imported: new variant or shot folders, frames added to or
 * missing from the imported sequences, movies gone. A project opens from its review store (no folder listing, for a
 * fast start), so the window checks this in the background afterwards and offers a rescan when something changed.
 *
 * <p>Only names are listed (one folder listing per variant, per shot and for the shots folder); no file is opened.
 * Frames whose content changed under the same name are the rescan's business (it compares size and time).
 *
 * @param newFolders    shot or variant folders holding media that the store does not know, as "sh070" or
 *                      "sh010/v004"
 * @param newFrames     frames on disk that the imported sequences do not have
 * @param missingFrames imported frames (or movies) no longer on disk
 * @param examples      a few of the changed files or folders, for the message
 */
public record MediaChanges(List<String> newFolders, long newFrames, long missingFrames, List<String> examples) {

    private static final int EXAMPLES = 5;

    public MediaChanges {
        newFolders = List.copyOf(newFolders);
        examples = List.copyOf(examples);
    }

    /** Whether anything changed. */
    public boolean any() {
        return !newFolders.isEmpty() || newFrames > 0 || missingFrames > 0;
    }

    /** One line for people, e.g. "1 new folder (sh010/v004), 48 new frames, 2 frames missing". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!newFolders.isEmpty()) {
            parts.add(newFolders.size() + (newFolders.size() == 1 ? " new folder (" : " new folders (")
                    + String.join(", ", newFolders.subList(0, Math.min(EXAMPLES, newFolders.size())))
                    + (newFolders.size() > EXAMPLES ? ", \u2026" : "") + ")");
        }
        if (newFrames > 0) {
            parts.add(newFrames + (newFrames == 1 ? " new frame" : " new frames"));
        }
        if (missingFrames > 0) {
            parts.add(missingFrames + (missingFrames == 1 ? " frame missing" : " frames missing"));
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    /**
     * Compares the imported structure of {@code stored} with the folders its media are in now.
     *
     * @throws IOException when a folder cannot be listed
     */
    public static MediaChanges since(Project stored) throws IOException {
        Set<Path> variantFolders = new LinkedHashSet<>();
        Set<Path> shotFolders = new LinkedHashSet<>();
        List<String> examples = new ArrayList<>();
        long added = 0;
        long missing = 0;
        for (Shot shot : stored.shots()) {
            for (Variant variant : shot.variants()) {
                if (variant.media() instanceof ImageSequence sequence) {
                    variantFolders.add(sequence.directory().toAbsolutePath().normalize());
                    List<Long> onDisk = framesOnDisk(sequence);
                    Set<Long> imported = sequence.files().keySet();
                    for (long frame : onDisk) {
                        if (!imported.contains(frame)) {
                            added++;
                            note(examples, variant.qualifiedName() + " frame " + frame + " (new)");
                        }
                    }
                    Set<Long> present = new LinkedHashSet<>(onDisk);
                    for (long frame : imported) {
                        if (!present.contains(frame)) {
                            missing++;
                            note(examples, variant.qualifiedName() + " frame " + frame + " (missing)");
                        }
                    }
                } else if (variant.media() instanceof MovieMedia movie) {
                    variantFolders.add(movie.file().toAbsolutePath().normalize().getParent());
                    if (!Files.isRegularFile(movie.file())) {
                        missing += movie.frameCount();
                        note(examples, movie.file() + " (missing)");
                    }
                }
            }
        }
        for (Path folder : variantFolders) {
            if (folder != null && folder.getParent() != null) {
                shotFolders.add(folder.getParent());
            }
        }
        List<String> newFolders = new ArrayList<>();
        for (Path shotFolder : shotFolders) {
            for (Path child : subfolders(shotFolder)) {
                if (!variantFolders.contains(child) && holdsMedia(child)) {
                    newFolders.add(shotFolder.getFileName() + "/" + child.getFileName());
                }
            }
        }
        Set<Path> shotsRoots = new LinkedHashSet<>();
        shotFolders.forEach(f -> {
            if (f.getParent() != null) {
                shotsRoots.add(f.getParent());
            }
        });
        for (Path shotsRoot : shotsRoots) {
            for (Path child : subfolders(shotsRoot)) {
                if (!shotFolders.contains(child) && subfolders(child).stream().anyMatch(MediaChanges::holdsMedia)) {
                    newFolders.add(String.valueOf(child.getFileName()));
                }
            }
        }
        newFolders.forEach(f -> note(examples, f + " (new folder)"));
        return new MediaChanges(newFolders, added, missing, examples);
    }

    private static List<Long> framesOnDisk(ImageSequence sequence) {
        if (!Files.isDirectory(sequence.directory())) {
            return List.of();
        }
        return SequenceScanner.scan(sequence.directory()).sequences().stream()
                .filter(s -> s.prefix().equals(sequence.prefix()) && s.separator().equals(sequence.separator())
                        && s.extension().equalsIgnoreCase(sequence.extension()))
                .flatMap(s -> s.files().keySet().stream())
                .toList();
    }

    private static boolean holdsMedia(Path folder) {
        SequenceScanner.FolderContents contents = SequenceScanner.scan(folder);
        return !contents.sequences().isEmpty() || !contents.movies().isEmpty();
    }

    private static List<Path> subfolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        }
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }
}
