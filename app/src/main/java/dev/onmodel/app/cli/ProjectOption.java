package dev.onmodel.app.cli;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --project DIR} option the store commands share. */
final class ProjectOption {

    @Option(names = {"-p", "--project"}, required = true, paramLabel = "DIR",
            description = "Project folder (holds shots/, characters/ and onmodel.db).")
    Path project;

    /** The folder, or a usage error naming it when it is not a folder. */
    Path folder() {
        if (!Files.isDirectory(project)) {
            throw new IllegalArgumentException(project + ": not a project folder");
        }
        return project.toAbsolutePath().normalize();
    }
}
