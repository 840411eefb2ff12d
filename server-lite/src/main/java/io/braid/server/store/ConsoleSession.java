package io.braid.server.store;

import java.time.Instant;

/**
 * A signed-in browser, found by the hash of its cookie. {@code accountId} is null for a session opened
 * with the admin token; {@code role} is the role it was opened with.
 */
public record ConsoleSession(
        String tokenHash,
        String csrfHash,
        String accountId,
        String principal,
        String role,
        String source,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt) {}
