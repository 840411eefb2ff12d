package io.braid.cli.command;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.agent.ForegroundTunnel;
import io.braid.core.agent.TunnelEngineFactory;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.UpRequest;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "up", description = {
        "Bring the tunnel up. The agent does it and keeps it up; with --foreground this process runs the tunnel",
        "itself until Ctrl-C (no agent may be running)."})
public final class UpCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Option(names = "--mode", paramLabel = "MODE", description = "Bonding mode: bond, redundant, failover, per-flow, round-robin, weighted, lowest-latency, adaptive.")
    String mode;

    @Option(names = "--wan", paramLabel = "IF", description = "Use this WAN interface (repeat for several; default: every usable one).")
    List<String> wans = new ArrayList<>();

    @Option(names = "--full-tunnel", description = "Send all traffic through the tunnel, not only the pushed routes.")
    boolean fullTunnel;

    @Option(names = "--kill-switch", paramLabel = "off|on|lockdown", description = "Block traffic outside the tunnel: off, on (while connected), lockdown (also while the agent is stopped).")
    String killSwitch;

    @Option(names = "--foreground", description = "Run the tunnel in this process until Ctrl-C instead of asking the agent.")
    boolean foreground;

    @Option(names = "--json", description = "Print JSON (with --foreground: one status object per line).")
    boolean json;

    @Override
    public Integer call() {
        UpRequest request = new UpRequest(mode, wans, fullTunnel ? Boolean.TRUE : null, killSwitch);
        if (foreground) {
            runInForeground(request);
            return 0;
        }
        AgentStatus status = global.agent().up(request);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, status);
        } else {
            out.println(describe(status));
            out.flush();
        }
        return 0;
    }

    private void runInForeground(UpRequest request) {
        if (global.agent().agentRunning()) {
            throw new BraidException(ErrorCode.CONFLICT, "an agent is running on " + global.socket()
                    + " and owns the tunnel; use braid up without --foreground, or stop the agent first");
        }
        PrintWriter out = spec.commandLine().getOut();
        AtomicReference<ConnectionState> shown = new AtomicReference<>();
        ForegroundTunnel.run(TunnelEngineFactory.discover(), global.store(), request, Clock.systemUTC(), status -> {
            if (json) {
                Json.printLine(out, status);
            } else if (shown.getAndSet(status.state()) != status.state()) {
                out.println(describe(status)); // people get state changes, not every counter tick
                out.flush();
            }
        });
    }

    static String describe(AgentStatus s) {
        String where = s.headend() == null ? "" : " to " + s.headend() + (s.transport() == null ? "" : " over " + s.transport().wire());
        String why = s.lastError() == null ? "" : ": " + s.lastError();
        return "tunnel " + s.state().wire() + where + why;
    }
}
