package io.braid.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Console accounts with their credentials. */
public final class AccountRepository {
    private static final String COLUMNS =
            "id, username, role, status, password_hash, totp_secret, totp_last_step, created_at, created_by, last_login_at";

    /** An account with what checks its sign-in: the password hash, the TOTP secret and the last step used. */
    public record Stored(Account account, String passwordHash, String totpSecret, long totpLastStep) {}

    public void insert(Connection c, Account a, String passwordHash, String totpSecret) throws SQLException {
        Jdbc.update(c, "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.username(), a.role(), a.status(), passwordHash, totpSecret, 0L, Rows.millis(a.createdAt()),
                a.createdBy(), Rows.millis(a.lastLoginAt()));
    }

    public Optional<Stored> find(Connection c, String id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM accounts WHERE id = ?", AccountRepository::stored, id);
    }

    public Optional<Stored> findByUsername(Connection c, String username) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM accounts WHERE username = ?", AccountRepository::stored, username);
    }

    public List<Account> list(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM accounts ORDER BY created_at, id", rs -> stored(rs).account());
    }

    public long count(Connection c) throws SQLException {
        return Jdbc.queryOne(c, "SELECT COUNT(*) FROM accounts", rs -> rs.getLong(1)).orElse(0L);
    }

    public boolean setStatus(Connection c, String id, String status) throws SQLException {
        return Jdbc.update(c, "UPDATE accounts SET status = ? WHERE id = ?", status, id) == 1;
    }

    public boolean setTotpSecret(Connection c, String id, String secret) throws SQLException {
        return Jdbc.update(c, "UPDATE accounts SET totp_secret = ?, totp_last_step = 0 WHERE id = ?", secret, id) == 1;
    }

    public boolean setPasswordHash(Connection c, String id, String hash) throws SQLException {
        return Jdbc.update(c, "UPDATE accounts SET password_hash = ? WHERE id = ?", hash, id) == 1;
    }

    /**
     * Records a successful sign-in whose code was for {@code step}; false if that step (or a later one)
     * was already used. One conditional UPDATE, so a code replayed concurrently succeeds only once.
     */
    public boolean recordLogin(Connection c, String id, long step, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE accounts SET totp_last_step = ?, last_login_at = ? WHERE id = ? AND totp_last_step < ?",
                step, at.toEpochMilli(), id, step) == 1;
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Account a = new Account(rs.getString("id"), rs.getString("username"), rs.getString("role"), rs.getString("status"),
                Rows.instant(rs, "created_at"), rs.getString("created_by"), Rows.instant(rs, "last_login_at"));
        return new Stored(a, rs.getString("password_hash"), rs.getString("totp_secret"), rs.getLong("totp_last_step"));
    }
}
