package io.braid.core.api.messages;

/** One line of a {@code watch} stream: {@code {"event": "status", "data": AgentStatus}} or {@code {"event": "log", "data": LogEntry}}. */
public record Event(String event, Object data) {
    public static final String STATUS = "status";
    public static final String LOG = "log";

    public static Event status(AgentStatus status) {
        return new Event(STATUS, status);
    }

    public static Event log(LogEntry entry) {
        return new Event(LOG, entry);
    }
}
