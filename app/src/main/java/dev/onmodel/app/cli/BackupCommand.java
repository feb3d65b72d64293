package dev.onmodel.app.cli;

import dev.onmodel.core.store.ReviewStore;
import dev.onmodel.core.store.StoreBackups;
import dev.onmodel.core.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code onmodel backup --project DIR}: takes a checked copy of the project's database now (kept until deleted by
 * hand); {@code --list} shows every backup, newest first.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the project's review database to .onmodel/backups/ now (checked before it is kept),",
                "or list the backups with --list. Restore one with 'onmodel restore'."})
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--list", description = "List backups, newest first, instead of taking one.")
    boolean list;

    @Override
    public Integer call() throws StoreException {
        Path root = project.folder();
        if (list) {
            printList(root);
            return 0;
        }
        try (ReviewStore store = ReviewStore.open(root)) {
            if (store.isReadOnly()) {
                throw new StoreException(StoreException.Kind.READ_ONLY, root + ": cannot write a backup: "
                        + store.readOnlyReason().orElse("read-only"));
            }
            Path backup = store.backupNow();
            System.out.println("backed up to " + backup);
        }
        return 0;
    }

    static void printList(Path root) {
        List<StoreBackups.Backup> backups = StoreBackups.list(root);
        if (backups.isEmpty()) {
            System.out.println("no backups in " + StoreBackups.backupsDir(root));
            return;
        }
        for (StoreBackups.Backup b : backups) {
            System.out.println(b.takenAt() + "  " + String.format("%-16s", b.reason()) + String.format("%10d bytes  ",
                    b.sizeBytes()) + b.file());
        }
    }
}
