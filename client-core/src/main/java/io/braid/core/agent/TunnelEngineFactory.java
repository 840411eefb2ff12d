package io.braid.core.agent;

import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.store.DeviceCredentials;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Starts the tunnel engine: the one seam between the agent (and {@code braid up --foreground}) and the
 * data plane. A build that has an engine lists its factory in
 * {@code META-INF/services/io.braid.core.agent.TunnelEngineFactory}; {@link #discover()} finds it, and
 * without one every start fails with {@code not_implemented}, so the rest of the agent works regardless.
 */
public interface TunnelEngineFactory {
    /**
     * Starts a tunnel for {@code device} with the user's choices in {@code request}, keeping its
     * crash journal under {@code stateDir}. Returns once the engine runs (it may still be connecting).
     * The engine reports every change of its status to {@code listener} from its own threads; the
     * listener never blocks.
     *
     * @throws io.braid.core.BraidException when the tunnel cannot start, with a code and words a user can act on
     */
    TunnelEngine start(DeviceCredentials device, Path stateDir, UpRequest request, Consumer<TunnelStatus> listener);

    /** The build's engine (the first one {@link ServiceLoader} finds), or {@link UnavailableEngine} when there is none. */
    static TunnelEngineFactory discover() {
        return ServiceLoader.load(TunnelEngineFactory.class).findFirst().orElseGet(UnavailableEngine::new);
    }
}
