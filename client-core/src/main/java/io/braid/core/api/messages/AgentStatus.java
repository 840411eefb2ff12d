package io.braid.core.api.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a user or script asks "how is my tunnel?" about, in one flat object: the local API's
 * {@code status} result, each {@code watch} event, and exactly what {@code braid status --json} prints,
 * whether an agent answered or the CLI read the state directory itself ({@code state} then says
 * {@code not_running} or {@code not_enrolled}).
 *
 * <p>Field names are a contract: new fields may be added, none renamed or removed. Absent values
 * (no tunnel, not enrolled) are left out of the JSON; counters are always present (0 when idle).
 *
 * @param server the manager this device is enrolled with (https URL)
 * @param routes the networks the headend reaches for this device (CIDR)
 * @param headend the headend the tunnel is connected to, {@code host:port}
 * @param uptimeSeconds seconds since {@code connectedSince}, as of when the status was taken
 * @param certificateWarning set 30, 7 and 1 days before the device certificate expires, and after
 * @param mode the bonding mode in use (for example {@code bond}, {@code redundant}, {@code failover})
 * @param killSwitch {@code off}, {@code on} or {@code lockdown}
 * @param paths one entry per WAN path; empty until multi-WAN bonding lands
 * @param stateDir the state directory the identity was read from
 */
public record AgentStatus(
        ConnectionState state,
        String deviceId,
        String name,
        String server,
        String overlayIpv4,
        String overlayIpv6,
        List<String> routes,
        String headend,
        Transport transport,
        Instant connectedSince,
        long uptimeSeconds,
        long bytesIn,
        long bytesOut,
        long packetsIn,
        long packetsOut,
        Instant certificateExpires,
        String certificateWarning,
        Instant tokenExpires,
        String lastError,
        String mode,
        String killSwitch,
        List<PathStatus> paths,
        String stateDir) {

    public AgentStatus {
        routes = routes == null ? List.of() : List.copyOf(routes);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /** A device with no identity in {@code stateDir}. */
    public static AgentStatus notEnrolled(String stateDir) {
        return new AgentStatus(ConnectionState.NOT_ENROLLED, null, null, null, null, null, List.of(), null, null, null, 0, 0, 0, 0, 0,
                null, null, null, null, null, null, List.of(), stateDir);
    }

    /** This device's identity with the tunnel's side filled in from {@code t}; uptime is counted to {@code now}. */
    public AgentStatus withTunnel(TunnelStatus t, Instant now) {
        long uptime = t.connectedSince() == null ? 0 : Math.max(0, Duration.between(t.connectedSince(), now).toSeconds());
        return new AgentStatus(t.state(), deviceId, name, server, overlayIpv4, overlayIpv6, routes, t.headend(), t.transport(),
                t.connectedSince(), uptime, t.bytesIn(), t.bytesOut(), t.packetsIn(), t.packetsOut(), certificateExpires,
                certificateWarning, tokenExpires, t.lastError(), t.mode(), t.killSwitch(), t.paths(), stateDir);
    }
}
