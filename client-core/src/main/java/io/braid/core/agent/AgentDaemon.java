package io.braid.core.agent;

import io.braid.core.api.server.LocalApiServer;
import io.braid.core.os.ShutdownCloser;
import io.braid.core.store.CredentialStore;
import java.io.Closeable;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code braid agent}: the {@link AgentRuntime} behind a {@link LocalApiServer}, until stopped. On a
 * service stop or Ctrl-C the shutdown hook closes the server (removing the socket) and then the
 * runtime (taking the tunnel down), in that order.
 */
public final class AgentDaemon implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(AgentDaemon.class);

    private final AgentRuntime runtime;
    private final LocalApiServer server;

    private AgentDaemon(AgentRuntime runtime, LocalApiServer server) {
        this.runtime = runtime;
        this.server = server;
    }

    /** Starts serving; fails with a one-line {@link io.braid.core.BraidException} when the socket is another agent's. */
    public static AgentDaemon start(Path stateDir, Path socket) {
        AgentRuntime runtime = AgentRuntime.standard(new CredentialStore(stateDir));
        LocalApiServer server = LocalApiServer.start(socket, runtime, LocalApiServer.Options.defaults());
        AgentDaemon daemon = new AgentDaemon(runtime, server);
        ShutdownCloser.register(daemon);
        log.info("agent running: socket {}, state directory {}", socket, stateDir);
        return daemon;
    }

    public AgentRuntime runtime() {
        return runtime;
    }

    /** Blocks until the agent is stopped. */
    public void await() throws InterruptedException {
        server.awaitClosed();
    }

    @Override
    public void close() {
        ShutdownCloser.unregister(this);
        server.close();
        runtime.close();
    }
}
