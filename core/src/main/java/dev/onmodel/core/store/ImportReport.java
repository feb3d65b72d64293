package dev.onmodel.core.store;

import dev.onmodel.core.media.MediaProblem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an import or rescan found: the media recognised, every problem by path with its reason (gaps, duplicates,
 * mixed resolutions, zero-byte, truncated, wrong-extension, too-large, unreadable, symlink-loop files...), and
 * what changed since the previous import.
 *
 * @param mediaRoot            the folder scanned
 * @param media                one line per recognised sequence or movie
 * @param frames               frame files recorded (usable or not)
 * @param unusableFrames       frame files recorded as present but not decodable
 * @param problems             everything wrong, by path
 * @param changes              frames added, removed and changed since the previous import (project-relative
 *                             paths; all frames are "added" on a first import)
 * @param invalidatedAnalyses  cached analyses dropped because their frame changed or disappeared
 */
public record ImportReport(Path mediaRoot, List<ImportedMedia> media, long frames, long unusableFrames,
                           List<MediaProblem> problems, FrameChanges changes, int invalidatedAnalyses) {

    public ImportReport {
        Objects.requireNonNull(mediaRoot, "mediaRoot");
        media = List.copyOf(media);
        problems = List.copyOf(problems);
        Objects.requireNonNull(changes, "changes");
    }

    /** One recognised sequence or movie. */
    public record ImportedMedia(String name, String description, long frames) {
    }

    /** Frame files that appeared, disappeared or changed content, as project-relative paths. */
    public record FrameChanges(List<String> added, List<String> removed, List<String> changed) {
        public FrameChanges {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Problem count per kind word ("gap" -> 2), for summaries. */
    public Map<String, Integer> problemCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        problems.forEach(p -> counts.merge(p.kind().word(), 1, Integer::sum));
        return counts;
    }
}
