package io.braid.core.netcfg;

import io.braid.core.store.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out {@link Step}s: commands through the {@link CommandRunner}, file steps directly. */
final class StepExecutor {
    private static final Logger log = LoggerFactory.getLogger(StepExecutor.class);
    private final CommandRunner runner;

    StepExecutor(CommandRunner runner) {
        this.runner = runner;
    }

    void apply(Step step) throws IOException {
        switch (step) {
            case Step.Run run -> runner.run(run.command(), run.stdin());
            case Step.TryRun run -> runner.execute(run.command(), null);
            case Step.WriteFile write -> AtomicFiles.write(Path.of(write.path()), write.content().getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
            case Step.BackupFile backup -> backup(Path.of(backup.path()), Path.of(backup.backup()));
            case Step.RestoreFile restore -> restore(restore);
        }
    }

    /**
     * Undoes as much as possible: each step is tried, and one that fails (typically because what it
     * removes is already gone, e.g. a route on a device that died with the crashed process) is
     * logged and skipped. Returns how many steps failed.
     */
    int undo(List<Step> steps) {
        int failed = 0;
        for (Step step : steps) {
            try {
                apply(step);
            } catch (IOException e) {
                failed++;
                log.debug("undo step '{}' did not apply (already undone?): {}", step, e.getMessage());
            }
        }
        return failed;
    }

    private static void backup(Path original, Path backup) throws IOException {
        if (!Files.exists(original, LinkOption.NOFOLLOW_LINKS)) return;
        Files.copy(original, backup, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        if (Files.isRegularFile(backup, LinkOption.NOFOLLOW_LINKS)) {
            try (FileChannel ch = FileChannel.open(backup, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        AtomicFiles.syncDirectory(backup.toAbsolutePath().getParent());
    }

    private static void restore(Step.RestoreFile restore) throws IOException {
        Path target = Path.of(restore.path());
        Path backup = Path.of(restore.backup());
        if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Backup and target on different file systems: copy next to the target, then rename.
                Path temp = target.resolveSibling("." + target.getFileName() + ".braid-restore");
                Files.copy(backup, temp, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(backup);
            }
            AtomicFiles.syncDirectory(target.toAbsolutePath().getParent());
        } else if (!restore.originalExisted()) {
            Files.deleteIfExists(target);
        }
        // Backup missing but an original existed: the crash came before the backup, so before any write.
    }
}
