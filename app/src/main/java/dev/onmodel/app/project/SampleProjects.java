package dev.onmodel.app.project;

import dev.onmodel.core.sample.SampleProjectGenerator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Generates the sample project where a bare {@code ./onmodel} expects it. */
final class SampleProjects {

    private SampleProjects() {
    }

    /**
     * Generates the sample into {@code folder}. Cancelling interrupts the generator, which leaves nothing behind.
     */
    static void generate(Path folder, ProjectOpener.Progress progress, BooleanSupplier cancelled) throws IOException {
        progress.update("Generating the sample project (first run)\u2026", 0, 1);
        try {
            SampleProjectGenerator.generate(folder, (done, total) -> {
                if (cancelled.getAsBoolean()) {
                    Thread.currentThread().interrupt();
                }
                progress.update("Generating the sample project (first run): frame " + done + " of " + total, done, total);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("sample generation cancelled");
        }
    }
}
