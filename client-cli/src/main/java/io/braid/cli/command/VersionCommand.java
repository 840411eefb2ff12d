package io.braid.cli.command;

import io.braid.core.BraidVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("braid " + BraidVersion.current());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
