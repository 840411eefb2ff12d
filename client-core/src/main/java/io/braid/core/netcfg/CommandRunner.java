package io.braid.core.netcfg;

import java.io.IOException;
import java.util.List;

/**
 * Runs an OS command (ip, nft, ifconfig, route, scutil, pfctl, netsh...). All network
 * configuration goes through this one seam, so the macOS and Windows code is unit-tested on any
 * OS against recorded output, and a test can run the Linux code inside a namespace.
 */
public interface CommandRunner {

    /**
     * Runs {@code command} with {@code stdin} (null for none) and returns what it did, whatever its
     * exit code. Throws only if it could not be started or ran past the runner's timeout.
     */
    CommandResult execute(List<String> command, String stdin) throws IOException;

    /** Runs the command and fails with {@link CommandFailedException} on a non-zero exit code. */
    default CommandResult run(List<String> command, String stdin) throws IOException {
        CommandResult result = execute(command, stdin);
        if (result.exitCode() != 0) throw new CommandFailedException(result);
        return result;
    }

    default CommandResult run(List<String> command) throws IOException {
        return run(command, null);
    }

    default CommandResult run(String... command) throws IOException {
        return run(List.of(command), null);
    }
}
