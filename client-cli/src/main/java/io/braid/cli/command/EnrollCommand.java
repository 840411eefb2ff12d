package io.braid.cli.command;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.client.LocalApiClient;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.EnrollResult;
import io.braid.core.enroll.EnrollmentKeys;
import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.ManagerClients;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "enroll", description = {
        "Enroll this device with a Braid server: makes a key pair here, sends a certificate request with the enrollment key,",
        "and trusts the server only through the pinned CA fingerprint. A running agent enrolls into its own state",
        "directory; without one, this process enrolls into --state-dir.",
        "Usage: braid enroll LINK  |  braid enroll --server URL --key KEY --ca-fingerprint sha256:HEX"})
public final class EnrollCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LINK", description = "A braid://HOST:PORT/enroll?key=...&ca=sha256:... link.")
    String link;

    @Option(names = "--server", paramLabel = "URL", description = "Manager address, like https://vpn.example.com:8443.")
    String server;

    @Option(names = "--key", paramLabel = "KEY", description = "Enrollment key, or file:PATH to read it; default $BRAID_ENROLL_KEY.")
    String key;

    @Option(names = "--ca-fingerprint", paramLabel = "sha256:HEX", description = "Fingerprint of the server's CA to pin.")
    String caFingerprint;

    @Option(names = "--name", paramLabel = "NAME", description = "Name for this device (default: the host name).")
    String name;

    @Option(names = "--force", description = "Enroll again even if this state directory already holds an identity.")
    boolean force;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        EnrollParams params = params();
        params.target(); // every input mistake is reported here, before an agent or a server is asked anything
        LocalApiClient agent = global.agent();
        EnrollResult result;
        if (agent.agentRunning()) {
            requireAgentStateDir(agent);
            result = agent.enroll(params);
        } else {
            result = new Enrollment(global.store(), ManagerClients.standard(), Clock.systemUTC()).enroll(params);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, result);
        } else {
            out.println("enrolled as " + result.deviceId() + " (" + result.name() + ") with " + result.server());
            out.println("overlay address " + result.overlayIpv4() + ", certificate valid until " + result.certificateExpires());
            out.flush();
        }
        return 0;
    }

    /** The key is read here ({@code file:}, $BRAID_ENROLL_KEY) so only its value travels to the agent. */
    private EnrollParams params() {
        boolean parts = link == null && server != null && caFingerprint != null;
        String keyValue = parts ? EnrollmentKeys.resolve(key, System.getenv()) : key;
        return new EnrollParams(link, server, keyValue, caFingerprint, name, force ? Boolean.TRUE : null);
    }

    /** An explicit --state-dir that is not the agent's would enroll somewhere the user did not ask for. */
    private void requireAgentStateDir(LocalApiClient agent) {
        if (!global.stateDirChosen()) {
            return;
        }
        String agentDir = agent.status().stateDir();
        if (agentDir != null && !normal(Path.of(agentDir)).equals(normal(global.stateDir()))) {
            throw new BraidException(ErrorCode.CONFLICT, "the agent on " + global.socket() + " keeps its identity in " + agentDir + ", not "
                    + global.stateDir() + "; leave out --state-dir, or stop the agent to enroll into another directory");
        }
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
