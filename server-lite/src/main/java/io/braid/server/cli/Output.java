package io.braid.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import io.braid.core.json.Json;
import java.io.PrintWriter;
import java.util.List;

/** Writes command results: pretty JSON for --json, and the type helpers for reading API answers. */
final class Output {
    private Output() {}

    static void json(PrintWriter out, Object value) {
        try {
            out.println(Json.lenient().writerWithDefaultPrettyPrinter().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JavaType listOf(Class<?> element) {
        return Json.lenient().getTypeFactory().constructCollectionType(List.class, element);
    }

    static JavaType type(Class<?> type) {
        return Json.lenient().constructType(type);
    }
}
