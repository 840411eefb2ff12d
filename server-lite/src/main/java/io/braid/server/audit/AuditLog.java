package io.braid.server.audit;

import io.braid.server.store.AuditEntry;
import io.braid.server.store.AuditRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records who did what. Entries are written in the same transaction as the change they describe, so
 * the log and the data cannot disagree; ids sort by time (millisecond prefix, then a sequence).
 */
public final class AuditLog {
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    private final AuditRepository repository;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextLong(1 << 20));

    public AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Who acted, from where: an admin, a device, or an anonymous enrollment attempt. */
    public record Actor(String name, String source) {}

    public void record(Connection c, Actor actor, String action, String target, String outcome, String details) throws SQLException {
        Instant now = clock.instant();
        String id = String.format("%013d-%s", now.toEpochMilli(),
                HexFormat.of().toHexDigits(sequence.incrementAndGet() & 0xFFFFFFFFL, 8));
        repository.append(c, new AuditEntry(id, now, actor.name(), action, target, actor.source(), outcome, details));
    }
}
