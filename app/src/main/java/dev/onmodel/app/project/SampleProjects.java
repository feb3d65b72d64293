package dev.onmodel.app.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Generates the sample project where a bare {@code ./onmodel} expects it. */
final class SampleProjects {

    private SampleProjects() {
    }

    static void generate(Path folder, ProjectOpener.Progress progress, BooleanSupplier cancelled) throws IOException {
        throw new IOException("the sample project generator is not part of this build yet; open a project folder with "
                + "'onmodel open DIR'");
    }
}
