package io.braid.cli.command;

import io.braid.core.BraidException;
import io.braid.core.agent.DeviceStatus;
import io.braid.core.agent.Leftovers;
import io.braid.core.api.client.LocalApiClient;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.DownRequest;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "down", description = {
        "Take the tunnel down and undo its network changes. --force also undoes what a crashed run left behind",
        "(routes, DNS, firewall rules, a lockdown kill switch); with no agent running, this process does that itself."})
public final class DownCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Option(names = "--force", description = "Also undo leftovers of a crashed run, the lockdown kill switch included.")
    boolean force;

    @Option(names = "--json", description = "Print JSON: the status afterwards.")
    boolean json;

    @Override
    public Integer call() {
        LocalApiClient agent = global.agent();
        PrintWriter out = spec.commandLine().getOut();
        String said;
        AgentStatus after;
        if (agent.agentRunning()) {
            after = agent.down(new DownRequest(force ? Boolean.TRUE : null));
            said = "tunnel down";
        } else if (force) {
            said = Leftovers.undoAndDescribe(Leftovers.system(), global.stateDir());
            after = DeviceStatus.withoutAgent(global.store(), Instant.now());
        } else {
            BraidException none = io.braid.core.api.client.AgentUnavailable.noAgent(global.socket());
            throw new BraidException(none.code(), none.getMessage() + "; to undo what a crashed agent left behind: braid down --force");
        }
        if (json) {
            Json.print(out, after);
        } else {
            out.println(said);
            out.flush();
        }
        return 0;
    }
}
