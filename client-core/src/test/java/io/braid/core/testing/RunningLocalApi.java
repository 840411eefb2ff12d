package io.braid.core.testing;

import io.braid.core.api.client.LocalApiClient;
import io.braid.core.api.server.LocalApiServer;
import java.nio.file.Path;

/** A real {@link LocalApiServer} on a socket in a test's directory, backed by a {@link FakeAgentService}. */
public final class RunningLocalApi implements AutoCloseable {
    public final FakeAgentService agent = new FakeAgentService();
    public final Path socket;
    public final LocalApiServer server;

    public RunningLocalApi(Path dir) {
        this(dir, LocalApiServer.Options.defaults());
    }

    public RunningLocalApi(Path dir, LocalApiServer.Options options) {
        this.socket = dir.resolve("agent.sock");
        this.server = LocalApiServer.start(socket, agent, options);
    }

    public LocalApiClient client() {
        return new LocalApiClient(socket);
    }

    /** A connection that sends and reads raw lines, for what a well-behaved client never sends. */
    public RawLines raw() {
        return RawLines.connect(socket);
    }

    @Override
    public void close() {
        server.close();
    }
}
