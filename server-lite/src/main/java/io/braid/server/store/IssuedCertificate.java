package io.braid.server.store;

import java.time.Instant;

/** A certificate the CA issued to a device, and whether it was revoked. Serial in lowercase hex. */
public record IssuedCertificate(
        String serial,
        String deviceId,
        String fingerprint,
        Instant notBefore,
        Instant notAfter,
        Instant revokedAt,
        String revocationReason) {}
