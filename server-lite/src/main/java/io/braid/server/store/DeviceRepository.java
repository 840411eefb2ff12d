package io.braid.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Enrolled devices. */
public final class DeviceRepository {
    private static final String COLUMNS = "id, name, os, groups_json, status, enrollment_key_id, overlay_ipv4, overlay_ipv6,"
            + " enrolled_from, created_at, last_seen_at";

    public void insert(Connection c, Device d) throws SQLException {
        Jdbc.update(c, "INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.name(), d.os(), Rows.json(d.groups()), d.status(), d.enrollmentKeyId(), d.overlayIpv4(),
                d.overlayIpv6(), d.enrolledFrom(), Rows.millis(d.createdAt()), Rows.millis(d.lastSeenAt()));
    }

    public Optional<Device> find(Connection c, String id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM devices WHERE id = ?", DeviceRepository::map, id);
    }

    public List<Device> list(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM devices ORDER BY created_at, id", DeviceRepository::map);
    }

    /** How many devices have each status (statuses with none are absent). */
    public Map<String, Long> countByStatus(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (var row : Jdbc.query(c, "SELECT status, COUNT(*) AS n FROM devices GROUP BY status",
                rs -> Map.entry(rs.getString("status"), rs.getLong("n")))) {
            counts.put(row.getKey(), row.getValue());
        }
        return counts;
    }

    public boolean overlayIpv4Taken(Connection c, String address) throws SQLException {
        return Jdbc.queryOne(c, "SELECT 1 FROM devices WHERE overlay_ipv4 = ?", rs -> 1, address).isPresent();
    }

    public boolean setStatus(Connection c, String id, String status) throws SQLException {
        return Jdbc.update(c, "UPDATE devices SET status = ? WHERE id = ?", status, id) == 1;
    }

    public void touch(Connection c, String id, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE devices SET last_seen_at = ? WHERE id = ?", at.toEpochMilli(), id);
    }

    public boolean delete(Connection c, String id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM devices WHERE id = ?", id) == 1;
    }

    private static Device map(ResultSet rs) throws SQLException {
        return new Device(rs.getString("id"), rs.getString("name"), rs.getString("os"), Rows.strings(rs, "groups_json"),
                rs.getString("status"), rs.getString("enrollment_key_id"), rs.getString("overlay_ipv4"),
                rs.getString("overlay_ipv6"), rs.getString("enrolled_from"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_seen_at"));
    }
}
