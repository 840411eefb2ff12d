package io.braid.core.netcfg;

import java.util.List;

/** What a finished command did: its exit code and everything it printed. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {
    public CommandResult {
        command = List.copyOf(command);
    }

    /** The command line as a user would type it, for messages. */
    public String commandLine() {
        return String.join(" ", command);
    }
}
