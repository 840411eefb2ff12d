package io.braid.cli;

import io.braid.cli.command.AgentCommand;
import io.braid.cli.command.CertCommand;
import io.braid.cli.command.DownCommand;
import io.braid.cli.command.EnrollCommand;
import io.braid.cli.command.LogsCommand;
import io.braid.cli.command.StatusCommand;
import io.braid.cli.command.UpCommand;
import io.braid.cli.command.VersionCommand;
import io.braid.core.BraidVersion;
import io.braid.core.cli.CliErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code braid}: the command-line client. */
@Command(name = "braid",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = BraidMain.Version.class,
        description = "Braid bonds every internet link of this machine into one encrypted tunnel.",
        subcommands = {EnrollCommand.class, UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, CertCommand.class,
                AgentCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class})
public final class BraidMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests with their own writers. */
    public static CommandLine commandLine() {
        return CliErrors.install(new CommandLine(new BraidMain()));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"braid " + BraidVersion.current()};
        }
    }
}
