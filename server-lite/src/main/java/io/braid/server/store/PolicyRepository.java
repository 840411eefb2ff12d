package io.braid.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Access policy rules. */
public final class PolicyRepository {
    private static final String COLUMNS =
            "id, group_name, destination, protocol, port_from, port_to, description, created_at, created_by, updated_at";

    public void insert(Connection c, PolicyRule r) throws SQLException {
        Jdbc.update(c, "INSERT INTO policy_rules (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.group(), r.destination(), r.protocol(), r.portFrom(), r.portTo(), r.description(),
                Rows.millis(r.createdAt()), r.createdBy(), Rows.millis(r.updatedAt()));
    }

    public boolean update(Connection c, PolicyRule r) throws SQLException {
        return Jdbc.update(c, "UPDATE policy_rules SET group_name = ?, destination = ?, protocol = ?, port_from = ?, port_to = ?,"
                + " description = ?, updated_at = ? WHERE id = ?", r.group(), r.destination(), r.protocol(), r.portFrom(), r.portTo(),
                r.description(), Rows.millis(r.updatedAt()), r.id()) == 1;
    }

    public boolean delete(Connection c, String id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM policy_rules WHERE id = ?", id) == 1;
    }

    public Optional<PolicyRule> find(Connection c, String id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM policy_rules WHERE id = ?", PolicyRepository::map, id);
    }

    public List<PolicyRule> list(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM policy_rules ORDER BY group_name, destination, protocol, port_from, id",
                PolicyRepository::map);
    }

    private static PolicyRule map(ResultSet rs) throws SQLException {
        return new PolicyRule(rs.getString("id"), rs.getString("group_name"), rs.getString("destination"), rs.getString("protocol"),
                Jdbc.nullableInt(rs, "port_from"), Jdbc.nullableInt(rs, "port_to"), rs.getString("description"),
                Rows.instant(rs, "created_at"), rs.getString("created_by"), Rows.instant(rs, "updated_at"));
    }
}
