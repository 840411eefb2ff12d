package io.braid.core.api.messages;

import com.fasterxml.jackson.databind.JsonNode;

/** One request line: {@code {"id": 7, "method": "status", "params": {...}}}; {@code params} may be left out. */
public record Request(Long id, String method, JsonNode params) {
    @Override
    public String toString() {
        // Parameters can carry secrets (an enrollment key): only the method is ever printed.
        return "Request[id=" + id + ", method=" + method + "]";
    }
}
