package io.braid.server.store;

import java.time.Instant;

/** A console account: never its password hash or TOTP secret (those stay in the repository). */
public record Account(
        String id,
        String username,
        String role,
        String status,
        Instant createdAt,
        String createdBy,
        Instant lastLoginAt) {
    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";

    public boolean isEnabled() {
        return ENABLED.equals(status);
    }
}
