package io.braid.core.api.messages;

import java.time.Instant;
import java.util.List;

/**
 * The tunnel engine's half of {@link AgentStatus}: what only the running tunnel knows. The agent joins
 * it with the device's identity ({@link AgentStatus#withTunnel}); the engine never needs to know
 * about certificates or the state directory.
 */
public record TunnelStatus(
        ConnectionState state,
        String headend,
        Transport transport,
        Instant connectedSince,
        long bytesIn,
        long bytesOut,
        long packetsIn,
        long packetsOut,
        String lastError,
        String mode,
        String killSwitch,
        List<PathStatus> paths) {

    public TunnelStatus {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /** No tunnel: what the agent reports between {@code down} and the next {@code up}. */
    public static TunnelStatus idle() {
        return only(ConnectionState.DISCONNECTED, null);
    }

    /** A state with nothing else to say yet: {@code connecting}, an {@code error} with its reason, {@code not_running}. */
    public static TunnelStatus only(ConnectionState state, String lastError) {
        return new TunnelStatus(state, null, null, null, 0, 0, 0, 0, lastError, null, null, List.of());
    }
}
