package io.braid.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Console sessions, keyed by the SHA-256 of their cookie. */
public final class ConsoleSessionRepository {
    private static final String COLUMNS =
            "token_hash, csrf_hash, account_id, principal, role, source, created_at, last_seen_at, expires_at";

    public void insert(Connection c, ConsoleSession s) throws SQLException {
        Jdbc.update(c, "INSERT INTO console_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.tokenHash(), s.csrfHash(), s.accountId(), s.principal(), s.role(), s.source(), Rows.millis(s.createdAt()),
                Rows.millis(s.lastSeenAt()), Rows.millis(s.expiresAt()));
    }

    public Optional<ConsoleSession> find(Connection c, String tokenHash) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM console_sessions WHERE token_hash = ?", ConsoleSessionRepository::map,
                tokenHash);
    }

    public void touch(Connection c, String tokenHash, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?", at.toEpochMilli(), tokenHash);
    }

    public boolean delete(Connection c, String tokenHash) throws SQLException {
        return Jdbc.update(c, "DELETE FROM console_sessions WHERE token_hash = ?", tokenHash) == 1;
    }

    public int deleteOfAccount(Connection c, String accountId) throws SQLException {
        return Jdbc.update(c, "DELETE FROM console_sessions WHERE account_id = ?", accountId);
    }

    /** Removes sessions past their absolute expiry or idle since before {@code idleCutoff}. */
    public int deleteStale(Connection c, Instant now, Instant idleCutoff) throws SQLException {
        return Jdbc.update(c, "DELETE FROM console_sessions WHERE expires_at <= ? OR last_seen_at < ?", now.toEpochMilli(),
                idleCutoff.toEpochMilli());
    }

    private static ConsoleSession map(ResultSet rs) throws SQLException {
        return new ConsoleSession(rs.getString("token_hash"), rs.getString("csrf_hash"), rs.getString("account_id"),
                rs.getString("principal"), rs.getString("role"), rs.getString("source"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_seen_at"), Rows.instant(rs, "expires_at"));
    }
}
