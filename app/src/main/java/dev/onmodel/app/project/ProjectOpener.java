package dev.onmodel.app.project;

import dev.onmodel.core.media.FfmpegTools;
import dev.onmodel.core.media.MovieProbe;
import dev.onmodel.core.project.ProjectLayout;
import dev.onmodel.core.project.ProjectReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Opens a project folder for the window or the CLI: generates the sample project on first use, then reads the
 * folder. Runs on a background thread; reports progress and honours cancellation.
 */
public final class ProjectOpener {

    /** Progress as a sentence plus a fraction. */
    @FunctionalInterface
    public interface Progress {
        void update(String message, long done, long total);
    }

    private ProjectOpener() {
    }

    /**
     * @param folder       the project folder
     * @param isSample     whether {@code folder} is the sample location (generated when missing)
     * @throws IOException naming the folder when it is not a project
     */
    public static ProjectReader.ReadResult open(Path folder, boolean isSample, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        if (isSample && !ProjectLayout.looksLikeProject(folder)) {
            SampleProjects.generate(folder, progress, cancelled);
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder");
        }
        if (!ProjectLayout.looksLikeProject(folder)) {
            throw new IOException(folder + " is not an OnModel project (it has no shots/ or characters/ folder)");
        }
        progress.update("Reading " + folder.getFileName() + "\u2026", 0, 1);
        ProjectReader.ReadResult result = new ProjectReader(movieProbe()).read(folder);
        progress.update("Opened " + result.project().name(), 1, 1);
        return result;
    }

    /** ffprobe when installed; otherwise every movie is reported with how to install it. */
    static MovieProbe movieProbe() {
        return FfmpegTools.probeOrExplain();
    }
}
