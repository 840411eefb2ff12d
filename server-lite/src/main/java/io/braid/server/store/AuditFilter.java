package io.braid.server.store;

import java.time.Instant;

/**
 * Which audit entries to read; null fields match everything. {@code action} ending in a dot matches a
 * family ({@code device.} is every device action); {@code text} is a case-insensitive substring of the
 * actor, action, target or details.
 */
public record AuditFilter(String actor, String action, String target, String outcome, Instant since, Instant until, String text) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);
}
