package io.braid.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Enrollment keys: stored hashed, counted atomically as they are used. */
public final class EnrollmentKeyRepository {
    private static final String COLUMNS =
            "id, secret_hash, name, groups_json, reusable, max_uses, uses, expires_at, revoked_at, created_at, created_by";

    /** A key with the hash of its secret, for verification only. */
    public record Stored(EnrollmentKey key, String secretHash) {}

    public void insert(Connection c, EnrollmentKey k, String secretHash) throws SQLException {
        Jdbc.update(c, "INSERT INTO enrollment_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                k.id(), secretHash, k.name(), Rows.json(k.groups()), k.reusable(), k.maxUses(), k.uses(),
                Rows.millis(k.expiresAt()), Rows.millis(k.revokedAt()), Rows.millis(k.createdAt()), k.createdBy());
    }

    public Optional<Stored> find(Connection c, String id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM enrollment_keys WHERE id = ?",
                rs -> new Stored(map(rs), rs.getString("secret_hash")), id);
    }

    public List<EnrollmentKey> list(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM enrollment_keys ORDER BY created_at, id", EnrollmentKeyRepository::map);
    }

    /** Marks the key revoked; false if it does not exist or was already revoked. */
    public boolean revoke(Connection c, String id, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE enrollment_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at.toEpochMilli(), id) == 1;
    }

    /**
     * Counts one use if the key is still usable at {@code now}; false if it is not (revoked, expired or
     * used up). One conditional UPDATE, so two concurrent enrollments can never both take the last use.
     */
    public boolean consumeUse(Connection c, String id, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE enrollment_keys SET uses = uses + 1 WHERE id = ? AND revoked_at IS NULL"
                + " AND (expires_at IS NULL OR expires_at > ?) AND (max_uses IS NULL OR uses < max_uses)",
                id, now.toEpochMilli()) == 1;
    }

    private static EnrollmentKey map(ResultSet rs) throws SQLException {
        return new EnrollmentKey(rs.getString("id"), rs.getString("name"), Rows.strings(rs, "groups_json"),
                rs.getBoolean("reusable"), Jdbc.nullableInt(rs, "max_uses"), rs.getInt("uses"),
                Rows.instant(rs, "expires_at"), Rows.instant(rs, "revoked_at"), Rows.instant(rs, "created_at"),
                rs.getString("created_by"));
    }
}
