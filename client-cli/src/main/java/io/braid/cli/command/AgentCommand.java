package io.braid.cli.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.braid.core.agent.AgentDaemon;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "agent", description = {
        "Run the Braid agent: it owns the tunnel and serves the local API (braid status/up/down, the desktop app)",
        "on --socket until stopped. The system service runs this; it exits with an error if another agent holds the socket."})
public final class AgentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Option(names = "--foreground-log", description = "Log the agent's events at info level on stderr (default: warnings only, or $BRAID_LOG_LEVEL).")
    boolean foregroundLog;

    @Override
    public Integer call() {
        if (foregroundLog && LoggerFactory.getLogger("io.braid") instanceof Logger braid) {
            braid.setLevel(Level.INFO);
        }
        try (AgentDaemon daemon = AgentDaemon.start(global.stateDir(), global.socket())) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("braid agent: serving " + global.socket() + " with state in " + global.stateDir() + "; stop with Ctrl-C");
            err.flush();
            daemon.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped from inside this JVM (tests, an embedding app): a clean exit
        }
        return 0;
    }
}
