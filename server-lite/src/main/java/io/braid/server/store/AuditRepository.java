package io.braid.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The append-only audit log: this class can add and read entries, and offers no way to change or delete one. */
public final class AuditRepository {
    private static final String COLUMNS = "id, at, actor, action, target, source, outcome, details";

    public void append(Connection c, AuditEntry e) throws SQLException {
        Jdbc.update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.at().toEpochMilli(), e.actor(), e.action(), e.target(), e.source(), e.outcome(), e.details());
    }

    /** The most recent entries, oldest first. */
    public List<AuditEntry> recent(Connection c, int limit) throws SQLException {
        List<AuditEntry> newestFirst = Jdbc.query(c, "SELECT " + COLUMNS + " FROM audit_log ORDER BY at DESC, id DESC LIMIT ?",
                rs -> new AuditEntry(rs.getString("id"), Rows.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("source"), rs.getString("outcome"), rs.getString("details")),
                limit);
        return newestFirst.reversed();
    }
}
