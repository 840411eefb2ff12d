package io.braid.server.cli;

import io.braid.core.BraidVersion;
import io.braid.core.cli.CliErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code braid-server}: the manager and headend, and the admin commands that talk to a running one. */
@Command(name = "braid-server",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = BraidServerMain.Version.class,
        description = "Braid's server: enrollment, certificate authority, tokens and policy (manager) and tunnel termination (headend).",
        subcommands = {ServeCommand.class, KeysCommand.class, DevicesCommand.class, PolicyCommand.class, AccountsCommand.class,
                AuditCommand.class, VersionCommand.class, CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class})
public final class BraidServerMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests (with their own output writers). */
    public static CommandLine commandLine() {
        return CliErrors.install(new CommandLine(new BraidServerMain()));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"braid-server " + BraidVersion.current()};
        }
    }
}
