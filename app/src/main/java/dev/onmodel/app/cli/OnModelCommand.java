package dev.onmodel.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code onmodel}: with no command, opens the workstation on the sample project; the subcommands are the
 * headless interface pipelines depend on (their options and exit codes are a contract, see README).
 */
@Command(name = "onmodel",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Frame-by-frame character-consistency review for AI-generated animation.",
                "With no command, opens the workstation on the sample project (generated on first run)."},
        subcommands = {
                OpenCommand.class,
                SampleCommand.class,
                ExportCommand.class,
                ImportCommand.class, DecideCommand.class, DecisionsCommand.class, BackupCommand.class, RestoreCommand.class,
                ScoreCommand.class, ScoreWorkerCommand.class, BenchCacheCommand.class,
                EvalCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class OnModelCommand implements Callable<Integer> {

    /** Exit code for usage errors, shared by every command. */
    public static final int EXIT_USAGE = 2;

    @Override
    public Integer call() {
        return OpenCommand.openWindow(null);
    }

    /** Runs the command line and returns the process exit code (0 ok, 1 partial failure, 2 usage). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new OnModelCommand());
        cli.setExitCodeExceptionMapper(e -> 1);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("onmodel: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'onmodel " + commandPath(ex.getCommandLine()) + "--help'.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A failure a user can act on gets one line, not a stack trace.
            commandLine.getErr().println("onmodel " + commandLine.getCommandName() + ": " + describe(ex));
            if (System.getenv("ONMODEL_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ex instanceof IllegalArgumentException ? EXIT_USAGE : 1;
        });
        return cli.execute(args);
    }

    private static String commandPath(CommandLine commandLine) {
        String path = commandLine.getCommandSpec().qualifiedName(" ");
        path = path.startsWith("onmodel") ? path.substring("onmodel".length()).trim() : path;
        return path.isEmpty() ? "" : path + " ";
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
