package dev.onmodel.app.cli;

import dev.onmodel.core.store.StoreBackups;
import dev.onmodel.core.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code onmodel restore --project DIR [--from FILE]}: puts a backup (default: the newest one that passes an
 * integrity check) in place of the project's database. The replaced database is kept beside it, never deleted.
 * Refused while the project is open in OnModel.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the project's review database with a backup (default: the newest good one).",
                "The replaced file is kept as onmodel.db.replaced-<time>. Close OnModel on the project first."})
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--from", paramLabel = "FILE", description = "The backup to restore (see 'onmodel backup --list').")
    Path from;

    @Option(names = "--list", description = "List backups, newest first, and restore nothing.")
    boolean list;

    @Override
    public Integer call() throws StoreException {
        Path root = project.folder();
        if (list) {
            BackupCommand.printList(root);
            return 0;
        }
        Path backup = from;
        if (backup == null) {
            backup = StoreBackups.latestGood(root).map(StoreBackups.Backup::file).orElseThrow(() ->
                    new StoreException(StoreException.Kind.INVALID_REQUEST, root + ": no good backup to restore in "
                            + StoreBackups.backupsDir(root)));
        }
        Optional<Path> replaced = StoreBackups.restore(root, backup);
        System.out.println("restored " + backup.getFileName() + " into " + root.resolve("onmodel.db")
                + replaced.map(p -> "; the replaced database is kept as " + p.getFileName()).orElse(""));
        return 0;
    }
}
