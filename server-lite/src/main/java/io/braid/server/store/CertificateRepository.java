package io.braid.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every certificate issued to a device, kept after revocation so the CRL can list it until it expires. */
public final class CertificateRepository {
    private static final String COLUMNS = "serial, device_id, fingerprint, not_before, not_after, revoked_at, revocation_reason";

    public void insert(Connection c, IssuedCertificate cert, Instant createdAt) throws SQLException {
        Jdbc.update(c, "INSERT INTO certificates (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                cert.serial(), cert.deviceId(), cert.fingerprint(), Rows.millis(cert.notBefore()), Rows.millis(cert.notAfter()),
                Rows.millis(cert.revokedAt()), cert.revocationReason(), createdAt.toEpochMilli());
    }

    public Optional<IssuedCertificate> find(Connection c, String serial) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM certificates WHERE serial = ?", CertificateRepository::map, serial);
    }

    public List<IssuedCertificate> forDevice(Connection c, String deviceId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM certificates WHERE device_id = ? ORDER BY not_before",
                CertificateRepository::map, deviceId);
    }

    /** Revokes every unrevoked certificate of the device; returns how many. */
    public int revokeAllOf(Connection c, String deviceId, Instant at, String reason) throws SQLException {
        return Jdbc.update(c, "UPDATE certificates SET revoked_at = ?, revocation_reason = ? WHERE device_id = ? AND revoked_at IS NULL",
                at.toEpochMilli(), reason, deviceId);
    }

    /** Revokes one certificate (superseded by a renewal, say); false if it was already revoked. */
    public boolean revoke(Connection c, String serial, Instant at, String reason) throws SQLException {
        return Jdbc.update(c, "UPDATE certificates SET revoked_at = ?, revocation_reason = ? WHERE serial = ? AND revoked_at IS NULL",
                at.toEpochMilli(), reason, serial) == 1;
    }

    /** Revoked certificates that have not yet expired: what the CRL must list. */
    public List<IssuedCertificate> revokedUnexpired(Connection c, Instant now) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM certificates WHERE revoked_at IS NOT NULL AND not_after > ? ORDER BY serial",
                CertificateRepository::map, now.toEpochMilli());
    }

    private static IssuedCertificate map(ResultSet rs) throws SQLException {
        return new IssuedCertificate(rs.getString("serial"), rs.getString("device_id"), rs.getString("fingerprint"),
                Rows.instant(rs, "not_before"), Rows.instant(rs, "not_after"), Rows.instant(rs, "revoked_at"),
                rs.getString("revocation_reason"));
    }
}
