package io.braid.core.netcfg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every command behind a fixed prefix, e.g. {@code ip netns exec NS}, so a configurator works
 * inside a network namespace without knowing it. Crash journals record the commands without the
 * prefix, so the same prefix must be used to reconcile them.
 */
public final class PrefixedCommandRunner implements CommandRunner {
    private final CommandRunner delegate;
    private final List<String> prefix;

    public PrefixedCommandRunner(CommandRunner delegate, List<String> prefix) {
        this.delegate = delegate;
        this.prefix = List.copyOf(prefix);
    }

    /** A runner whose commands run in network namespace {@code namespace}. */
    public static PrefixedCommandRunner inNetns(CommandRunner delegate, String namespace) {
        return new PrefixedCommandRunner(delegate, List.of("ip", "netns", "exec", namespace));
    }

    @Override
    public CommandResult execute(List<String> command, String stdin) throws IOException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        return delegate.execute(full, stdin);
    }
}
