package io.braid.core.api.messages;

import java.time.Instant;

/** One event from the agent's recent history (state changes, requests refused, failures), for {@code logs} and {@code watch}. */
public record LogEntry(Instant time, Level level, String message) {
    public enum Level implements WireValue {
        INFO("info"),
        WARN("warn"),
        ERROR("error");

        private final String wire;

        Level(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }
}
