package io.braid.cli.command;

import io.braid.cli.output.StatusText;
import io.braid.core.BraidException;
import io.braid.core.agent.DeviceStatus;
import io.braid.core.api.client.LocalApiClient;
import io.braid.core.api.client.Watch;
import io.braid.core.api.client.WatchListener;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.enroll.CertificateRenewal;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", description = {
        "Show the tunnel and this device's enrollment. The agent answers when it runs; otherwise the state",
        "directory is read here and the state is not_running (or not_enrolled). --json prints the same fields either way."})
public final class StatusCommand implements Callable<Integer> {
    /** Clears a terminal and puts the cursor home, so --watch redraws in place. */
    private static final String CLEAR = "\033[H\033[2J";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Option(names = "--json", description = "Print JSON (with --watch: one status object per line).")
    boolean json;

    @Option(names = "--watch", description = "Keep printing the status on every change until Ctrl-C (needs a running agent).")
    boolean watch;

    @Override
    public Integer call() {
        LocalApiClient agent = global.agent();
        if (watch) {
            watch(agent);
            return 0;
        }
        AgentStatus status = agent.agentRunning() ? agent.status() : withoutAgent();
        if (json) {
            Json.print(spec.commandLine().getOut(), status);
        } else {
            StatusText.print(status, spec.commandLine().getOut(), Instant.now());
        }
        return 0;
    }

    /** The enrollment alone; renews the certificate when due, as the agent would, since nobody else will. */
    private AgentStatus withoutAgent() {
        CredentialStore store = global.store();
        Optional<DeviceCredentials> loaded = store.load();
        if (loaded.isPresent() && CertificateRenewal.isDue(loaded.get().certificate(), Instant.now())) {
            try {
                new CertificateRenewal(store, ManagerClients.standard(), Clock.systemUTC()).renew(loaded.get());
            } catch (BraidException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("warning: automatic certificate renewal failed: " + e.getMessage());
                err.flush();
            }
        }
        return DeviceStatus.withoutAgent(store, Instant.now());
    }

    private void watch(LocalApiClient agent) {
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = System.console() != null && System.console().isTerminal();
        WatchListener listener = new WatchListener() {
            private boolean first = true;

            @Override
            public void status(AgentStatus status) {
                if (json) {
                    Json.printLine(out, status);
                    return;
                }
                // A terminal is redrawn in place; a pipe or file gets one block per change, separated by a blank line.
                out.print(terminal ? CLEAR : first ? "" : System.lineSeparator());
                first = false;
                StatusText.print(status, out, Instant.now());
            }

            @Override
            public void log(LogEntry entry) {
                if (!json) {
                    out.println(entry.time() + " " + entry.level().wire() + " " + entry.message());
                    out.flush();
                }
            }
        };
        try (Watch w = agent.watch(listener)) {
            w.await(); // until Ctrl-C, or the agent stops (an error)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // asked to stop: a normal end
        }
    }
}
