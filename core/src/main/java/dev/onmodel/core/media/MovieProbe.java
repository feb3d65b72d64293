package dev.onmodel.core.media;

import dev.onmodel.core.model.MovieMedia;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a movie's frame count, rate and size (ffprobe in production) without decoding it. */
@FunctionalInterface
public interface MovieProbe {

    /**
     * @throws IOException with a sentence a reviewer understands when the movie cannot be read or no probe tool
     *                     is installed
     */
    MovieMedia probe(Path movie) throws IOException;

    /** A probe for machines without ffmpeg: every movie is reported with how to install it. */
    static MovieProbe unavailable(String howToInstall) {
        return movie -> {
            throw new IOException("movies need ffmpeg/ffprobe on the PATH, which was not found; " + howToInstall);
        };
    }
}
