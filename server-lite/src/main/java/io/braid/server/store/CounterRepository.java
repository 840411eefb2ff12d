package io.braid.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Monotonic counters and write-once settings, both read and changed inside the caller's transaction. */
public final class CounterRepository {
    /** Increments the counter and returns its new value. */
    public long next(Connection c, String name) throws SQLException {
        if (Jdbc.update(c, "UPDATE counters SET value = value + 1 WHERE name = ?", name) != 1) {
            throw new SQLException("no counter named " + name);
        }
        return Jdbc.queryOne(c, "SELECT value FROM counters WHERE name = ?", rs -> rs.getLong(1), name).orElseThrow();
    }

    public Optional<String> setting(Connection c, String name) throws SQLException {
        return Jdbc.queryOne(c, "SELECT value FROM settings WHERE name = ?", rs -> rs.getString(1), name);
    }

    /** Stores the setting unless one exists; returns the value in force afterwards. */
    public String settingIfAbsent(Connection c, String name, String value) throws SQLException {
        Optional<String> existing = setting(c, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        Jdbc.update(c, "INSERT INTO settings (name, value) VALUES (?, ?)", name, value);
        return value;
    }
}
