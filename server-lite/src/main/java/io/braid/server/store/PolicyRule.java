package io.braid.server.store;

import java.time.Instant;

/**
 * One access rule: devices in {@code group} ({@code *} for every device) may reach {@code destination}
 * (a CIDR) over {@code protocol} (tcp, udp, icmp or any), limited to ports {@code portFrom..portTo}
 * when those are set (tcp and udp only). Rules only allow; what no rule allows is refused.
 */
public record PolicyRule(
        String id,
        String group,
        String destination,
        String protocol,
        Integer portFrom,
        Integer portTo,
        String description,
        Instant createdAt,
        String createdBy,
        Instant updatedAt) {
    public static final String EVERY_GROUP = "*";
}
