package io.braid.core.agent;

import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The identity half of {@link AgentStatus}, read from the state directory: who this device is, where
 * it is enrolled, when its certificate and token expire. The agent adds the tunnel's half; the CLI
 * shows it alone when no agent runs, so both print the same fields.
 */
public final class DeviceStatus {
    private DeviceStatus() {}

    /** The device in {@code store}, disconnected, or {@code not_enrolled}. */
    public static AgentStatus read(CredentialStore store, Instant now) {
        String dir = store.directory().toString();
        return store.load().map(c -> of(c, dir, now)).orElseGet(() -> AgentStatus.notEnrolled(dir));
    }

    /** What {@code braid status} shows when no agent answers: the enrollment, in state {@code not_running}. */
    public static AgentStatus withoutAgent(CredentialStore store, Instant now) {
        AgentStatus device = read(store, now);
        return device.state() == ConnectionState.NOT_ENROLLED ? device : device.withTunnel(TunnelStatus.only(ConnectionState.NOT_RUNNING, null), now);
    }

    public static AgentStatus of(DeviceCredentials c, String stateDir, Instant now) {
        Instant certificateExpires = c.certificate().getNotAfter().toInstant();
        return new AgentStatus(ConnectionState.DISCONNECTED, c.deviceId(), c.name(), c.server().toString(), c.settings().overlayIpv4(),
                c.settings().overlayIpv6(), c.settings().routes(), null, null, null, 0, 0, 0, 0, 0, certificateExpires,
                expiryWarning(certificateExpires, now), c.token() == null ? null : c.token().expiresAt(), null, null, null, List.of(),
                stateDir);
    }

    /** Warnings 30, 7 and 1 days before expiry, as users of other VPNs expect, and once expired. */
    static String expiryWarning(Instant notAfter, Instant now) {
        long daysLeft = Duration.between(now, notAfter).toDays();
        if (notAfter.isBefore(now)) {
            return "the device certificate has expired; run braid cert renew or enroll again";
        }
        for (long threshold : new long[] {1, 7, 30}) {
            if (daysLeft < threshold) {
                return "the device certificate expires within " + threshold + (threshold == 1 ? " day" : " days");
            }
        }
        return null;
    }
}
