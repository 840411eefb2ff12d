package io.braid.server.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** An enrollment key as the manager keeps it: never the secret, only its hash (in the repository). */
public record EnrollmentKey(
        String id,
        String name,
        List<String> groups,
        boolean reusable,
        Integer maxUses,
        int uses,
        Instant expiresAt,
        Instant revokedAt,
        Instant createdAt,
        String createdBy) {

    /** Why the key cannot enroll a device now, or null when it can. */
    public String unusableReason(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return "expired";
        }
        if (maxUses != null && uses >= maxUses) {
            return "used_up";
        }
        return null;
    }

    @JsonProperty("state")
    public String state() {
        String reason = unusableReason(Instant.now());
        return reason == null ? "active" : reason;
    }
}
