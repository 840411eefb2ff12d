package io.braid.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.braid.core.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Column conversions shared by the repositories. */
final class Rows {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private Rows() {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Long ms = Jdbc.nullableLong(rs, column);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    static String json(List<String> values) {
        try {
            return Json.lenient().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        try {
            return List.copyOf(Json.lenient().readValue(rs.getString(column), STRINGS));
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt JSON in column " + column, e);
        }
    }
}
