package io.braid.core.api;

import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.DownRequest;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.EnrollResult;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.api.messages.UpRequest;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the agent does, as the local API server sees it: the server authenticates the caller, decodes
 * the request and calls one of these; the answer or the {@link io.braid.core.BraidException} thrown
 * goes back on the wire. The agent's runtime implements it for real; tests use a fake.
 *
 * <p>Methods may be called from many threads at once. Failures the caller can act on are
 * {@code BraidException}s with a specific {@link io.braid.core.ErrorCode}; anything else is reported
 * to the caller as an internal error.
 */
public interface AgentService {
    AgentStatus status();

    /** Brings the tunnel up; returns the status once the attempt has started (it may still be connecting). */
    AgentStatus up(UpRequest request);

    /** Takes the tunnel down and undoes its changes; returns the status after. */
    AgentStatus down(DownRequest request);

    EnrollResult enroll(EnrollParams params);

    /** Recent events, oldest first, bounded in number. */
    List<LogEntry> logs();

    /**
     * Calls {@code listener} with the current status before returning, then with every change until
     * the returned handle is closed. Calls to one listener never overlap, and a listener must not
     * block: it runs on whichever thread made the change.
     */
    Subscription subscribe(Consumer<AgentStatus> listener);

    /** Calls {@code listener} with each new log entry (not the past ones) until the handle is closed; same rules as {@link #subscribe}. */
    Subscription subscribeLogs(Consumer<LogEntry> listener);
}
