package dev.onmodel.core.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a generation wrote.
 *
 * @param root       the project folder
 * @param seed       the seed used
 * @param characters character names, in sheet order
 * @param shots      number of shots
 * @param variants   number of variants over all shots
 * @param frames     number of frame images over all variants
 * @param defects    the injected defects (also in ground-truth.json)
 */
public record SampleSummary(Path root, long seed, List<String> characters, int shots, int variants, int frames,
                            List<InjectedDefect> defects) {

    public SampleSummary {
        Objects.requireNonNull(root, "root");
        characters = List.copyOf(characters);
        defects = List.copyOf(defects);
    }
}
