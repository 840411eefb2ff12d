package io.braid.server.store;

import java.time.Instant;
import java.util.List;

/** A device the manager enrolled. {@code status} is enabled, disabled or revoked. */
public record Device(
        String id,
        String name,
        String os,
        List<String> groups,
        String status,
        String enrollmentKeyId,
        String overlayIpv4,
        String overlayIpv6,
        String enrolledFrom,
        Instant createdAt,
        Instant lastSeenAt) {
    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
    public static final String REVOKED = "revoked";

    public boolean isEnabled() {
        return ENABLED.equals(status);
    }
}
