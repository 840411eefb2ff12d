package io.braid.core.netcfg;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One primitive OS action, as plain data, so it can be written to the crash journal and replayed
 * by a later process: a command to run or a file to write, back up or restore.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "step")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Step.Run.class, name = "run"),
    @JsonSubTypes.Type(value = Step.TryRun.class, name = "try-run"),
    @JsonSubTypes.Type(value = Step.WriteFile.class, name = "write-file"),
    @JsonSubTypes.Type(value = Step.BackupFile.class, name = "backup-file"),
    @JsonSubTypes.Type(value = Step.RestoreFile.class, name = "restore-file"),
})
public sealed interface Step {

    /** Runs a command (with {@code stdin}, or null). */
    record Run(List<String> command, String stdin) implements Step {
        public Run {
            command = List.copyOf(command);
        }

        public static Run of(String... command) {
            return new Run(List.of(command), null);
        }

        @Override
        public String toString() {
            return String.join(" ", command);
        }
    }

    /** Runs a command whose failure is expected and harmless (e.g. removing rules that may not exist). */
    record TryRun(List<String> command) implements Step {
        public TryRun {
            command = List.copyOf(command);
        }

        @Override
        public String toString() {
            return String.join(" ", command);
        }
    }

    /** Replaces a file's content atomically (temp file, fsync, rename). */
    record WriteFile(String path, String content) implements Step {}

    /** Copies {@code path} (itself, even when a symbolic link) to {@code backup}, if it exists. */
    record BackupFile(String path, String backup) implements Step {}

    /**
     * Puts {@code path} back as it was: moves {@code backup} over it; if the original did not exist,
     * deletes it. If the backup is missing, the original was never touched, so nothing is done.
     */
    record RestoreFile(String path, String backup, boolean originalExisted) implements Step {}
}
