package io.braid.core.engine;

import java.time.Instant;

/**
 * A snapshot of the client's tunnel for status output and the local API. {@code state} is one of
 * {@code disconnected, connecting, connected, reconnecting, error}.
 */
public record TunnelStatus(
        String state,
        String headend,
        String transport,
        String overlayIpv4,
        String overlayIpv6,
        Instant connectedSince,
        long bytesIn,
        long bytesOut,
        long packetsIn,
        long packetsOut,
        int pathMtu,
        double rttMillis,
        String lastError) {

    public static final String DISCONNECTED = "disconnected";
    public static final String CONNECTING = "connecting";
    public static final String CONNECTED = "connected";
    public static final String RECONNECTING = "reconnecting";
    public static final String ERROR = "error";

    public static TunnelStatus disconnected(String lastError) {
        return new TunnelStatus(DISCONNECTED, null, null, null, null, null, 0, 0, 0, 0, 0, Double.NaN, lastError);
    }
}
