package io.braid.core.api.client;

import io.braid.core.BraidException;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.LogEntry;

/** What a {@link Watch} delivers, on its own thread, one call at a time. */
public interface WatchListener {
    /** The first call is the full current status; each later one is the status after a change. */
    void status(AgentStatus status);

    /** A new event from the agent. */
    default void log(LogEntry entry) {}

    /** The stream ended: {@code cause} is null when the watch was closed on this side, else why it ended. */
    default void ended(BraidException cause) {}
}
