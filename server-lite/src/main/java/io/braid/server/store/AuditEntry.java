package io.braid.server.store;

import java.time.Instant;

/** One line of the append-only audit log: who did what to which target, when, from where, and how it ended. */
public record AuditEntry(
        String id, Instant at, String actor, String action, String target, String source, String outcome, String details) {}
