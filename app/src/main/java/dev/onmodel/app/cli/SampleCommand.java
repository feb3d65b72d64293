package dev.onmodel.app.cli;

import dev.onmodel.core.sample.InjectedDefect;
import dev.onmodel.core.sample.ProgressListener;
import dev.onmodel.core.sample.SampleOptions;
import dev.onmodel.core.sample.SampleProjectGenerator;
import dev.onmodel.core.sample.SampleSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code onmodel sample DIR}: writes the sample project (three characters, six shots, injected defects and their
 * ground truth) into DIR. Exit 0 when written; 1 when DIR holds something that is not a sample, or writing fails;
 * 2 on a usage error.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Write the sample project (with injected defects and their ground truth) into DIR.",
                "3 characters with sheets, 6 shots at 1280x720/24 fps with 2-3 variants each; the defects are listed "
                        + "in DIR/ground-truth.json.",
                "DIR must be new, empty or a previous sample (its generated files are replaced, onmodel.db is kept)."})
public final class SampleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write the sample project into.")
    Path directory;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generation (default: ${DEFAULT-VALUE}); "
            + "the same seed gives byte-identical files.")
    long seed = SampleOptions.DEFAULT_SEED;

    @Option(names = "--frames", paramLabel = "FRACTION", description = "Render only this fraction (0-1] of each "
            + "variant's frames, for a quick check (default: ${DEFAULT-VALUE}).")
    double frameFraction = 1.0;

    @Option(names = "--picture-scale", paramLabel = "FRACTION", hidden = true,
            description = "Frame size relative to 1280x720 (tests only).")
    double pictureScale = 1.0;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(frameFraction > 0 && frameFraction <= 1)) {
            // IllegalArgumentException is reported by the root command as a usage error (exit 2).
            throw new IllegalArgumentException("--frames must be a fraction in (0, 1], got " + frameFraction);
        }
        SampleOptions options = SampleOptions.defaults().withSeed(seed).withFrameScale(frameFraction)
                .withPictureScale(pictureScale);
        long start = System.nanoTime();
        SampleSummary summary;
        try {
            summary = SampleProjectGenerator.generate(directory, options, progressLine(err));
        } catch (SampleProjectGenerator.NotASampleFolderException e) {
            err.println("onmodel sample: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println();
            err.println("onmodel sample: interrupted; nothing was written");
            return 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println("Sample project written to " + summary.root());
        out.println("  characters: " + String.join(", ", summary.characters()) + " (front, side, back, front_smile)");
        out.printf(Locale.ROOT, "  shots: %d, variants: %d, frames: %d (%dx%d, 24 fps, numbered from 1001)%n",
                summary.shots(), summary.variants(), summary.frames(), options.frameWidth(), options.frameHeight());
        out.println("  defects: " + summary.defects().size() + " injected (see ground-truth.json)");
        for (InjectedDefect d : summary.defects()) {
            out.printf(Locale.ROOT, "    %s %s  %-16s %-5s %d-%d%n", d.shot(), d.variant(), d.kind().label(),
                    d.character(), d.first(), d.last());
        }
        out.printf(Locale.ROOT, "  generated in %.1f s%n", seconds);
        out.flush();
        return 0;
    }

    /**
     * One progress line on stderr: rewritten in place on a terminal, else a percentage every quarter, so logs of
     * scripted runs stay short.
     */
    private static ProgressListener progressLine(PrintWriter err) {
        boolean terminal = System.console() != null;
        int[] lastShown = {-1};
        return (done, total) -> {
            if (lastShown[0] < 0) {
                err.print("Generating sample project:");
                lastShown[0] = 0;
            }
            int percent = (int) (100L * done / total);
            if (terminal && percent != lastShown[0]) {
                err.print("\rGenerating sample project: " + percent + "% (" + done + "/" + total + " files)");
                lastShown[0] = percent;
            } else if (!terminal && percent / 25 > lastShown[0] / 25) {
                err.print(" " + percent + "%");
                lastShown[0] = percent;
            }
            if (done == total) {
                err.println();
            }
            err.flush();
        };
    }
}
