package io.braid.core.api.messages;

import java.util.List;

/** {@code logs}: the agent's recent events, oldest first. */
public record LogsResult(List<LogEntry> entries) {
    public LogsResult {
        entries = List.copyOf(entries);
    }
}
