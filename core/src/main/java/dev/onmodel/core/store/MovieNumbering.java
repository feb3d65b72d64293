package dev.onmodel.core.store;

import dev.onmodel.core.media.FileIdentity;
import dev.onmodel.core.model.MovieMedia;
import dev.onmodel.core.model.Project;
import dev.onmodel.core.model.Shot;
import dev.onmodel.core.model.Variant;
import dev.onmodel.core.project.ProjectLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Movie takes keep the frame numbers they were imported with. Decisions and scores are recorded by frame number, so a
 * take whose numbers moved would leave them on frames it no longer has: an image-sequence take added to a shot (new
 * movie takes are numbered like the shot's sequences, {@code ProjectReader}), or a project imported by a build that
 * numbered every movie from 1. A movie take imported for the first time, or from another file, is numbered as read.
 */
public final class MovieNumbering {

    private MovieNumbering() {
    }

    /**
     * {@code project} with each movie take that {@code recorded} holds under the same file path numbered from the
     * recorded first frame.
     *
     * @param recorded  {@link ReviewStore#movieFirstFrames()}
     * @param mediaRoot what the recorded paths are relative to
     */
    public static Project keepRecorded(Project project, Map<VariantKey, Map.Entry<String, Long>> recorded,
                                       Path mediaRoot) {
        if (recorded.isEmpty()) {
            return project;
        }
        List<Shot> shots = new ArrayList<>();
        for (Shot shot : project.shots()) {
            List<Variant> variants = new ArrayList<>();
            for (Variant variant : shot.variants()) {
                Map.Entry<String, Long> before = recorded.get(new VariantKey(shot.name(), variant.name()));
                boolean renumber = variant.media() instanceof MovieMedia movie && before != null
                        && before.getKey().equals(FileIdentity.relativize(mediaRoot, movie.file()))
                        && before.getValue() != movie.firstFrame();
                variants.add(renumber ? new Variant(variant.shot(), variant.name(),
                        ((MovieMedia) variant.media()).withFirstFrame(before.getValue())) : variant);
            }
            shots.add(new Shot(shot.name(), shot.rate(), shot.cutLength(), shot.cast(), variants));
        }
        return new Project(project.name(), project.root(), project.rate(), project.characters(), shots);
    }

    /**
     * {@code project}, read from its folder, with its movie takes numbered as its review store recorded them (as is
     * when it has no store): what reads the folder instead of the store ({@code onmodel export}) must name a movie's
     * frames as the decisions do.
     *
     * @throws IOException naming the store when it exists but cannot be read
     */
    public static Project asRecorded(Project project) throws IOException {
        if (!Files.isRegularFile(ProjectLayout.database(project.root()))) {
            return project;
        }
        try (ReviewStore store = ReviewStore.open(project.root())) {
            return keepRecorded(project, store.movieFirstFrames(), store.mediaRoot());
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
