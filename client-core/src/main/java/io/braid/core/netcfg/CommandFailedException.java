package io.braid.core.netcfg;

import java.io.IOException;

/** A command exited with a non-zero code; the message names the command, the code and its stderr. */
public class CommandFailedException extends IOException {
    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        super("'" + result.commandLine() + "' exited with " + result.exitCode()
                + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }

    public int exitCode() {
        return result.exitCode();
    }
}
