package io.braid.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The append-only audit log: this class can add and read entries, and offers no way to change or delete one. */
public final class AuditRepository {
    private static final String COLUMNS = "id, at, actor, action, target, source, outcome, details";

    public void append(Connection c, AuditEntry e) throws SQLException {
        Jdbc.update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.at().toEpochMilli(), e.actor(), e.action(), e.target(), e.source(), e.outcome(), e.details());
    }

    /** The most recent entries, oldest first. */
    public List<AuditEntry> recent(Connection c, int limit) throws SQLException {
        return search(c, AuditFilter.ALL, limit);
    }

    /** The most recent {@code limit} entries matching the filter, oldest first. */
    public List<AuditEntry> search(Connection c, AuditFilter f, int limit) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(where, params, "actor = ?", f.actor());
        if (f.action() != null && f.action().endsWith(".")) {
            condition(where, params, "action LIKE ? ESCAPE '\\'", like(f.action()) + "%");
        } else {
            condition(where, params, "action = ?", f.action());
        }
        condition(where, params, "target = ?", f.target());
        condition(where, params, "outcome = ?", f.outcome());
        condition(where, params, "at >= ?", Rows.millis(f.since()));
        condition(where, params, "at < ?", Rows.millis(f.until()));
        if (f.text() != null) {
            String pattern = "%" + like(f.text().toLowerCase(Locale.ROOT)) + "%";
            where.append(" AND (LOWER(actor) LIKE ? ESCAPE '\\' OR LOWER(action) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(COALESCE(target, '')) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(details, '')) LIKE ? ESCAPE '\\')");
            params.addAll(List.of(pattern, pattern, pattern, pattern));
        }
        params.add(limit);
        List<AuditEntry> newestFirst = Jdbc.query(c, "SELECT " + COLUMNS + " FROM audit_log" + where + " ORDER BY at DESC, id DESC LIMIT ?",
                rs -> new AuditEntry(rs.getString("id"), Rows.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("source"), rs.getString("outcome"), rs.getString("details")),
                params.toArray());
        return newestFirst.reversed();
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.add(value);
        }
    }

    /** The text as a literal inside a LIKE pattern. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
