package io.braid.core.testing;

import io.braid.core.agent.EventLog;
import io.braid.core.agent.StatusBroadcaster;
import io.braid.core.api.AgentService;
import io.braid.core.api.Subscription;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.DownRequest;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.EnrollResult;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.UpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An {@link AgentService} that a test scripts: it records every call with its parameters, answers
 * with the status the test set ({@link #publish}), pushes scripted changes and log entries to
 * watchers, and fails a method on demand ({@link #failNext}). Shared with the CLI and desktop-app
 * tests through client-core's test-jar.
 */
public final class FakeAgentService implements AgentService {
    /** One call as the service received it: the method's wire name and its decoded parameters (null for none). */
    public record Call(String method, Object params) {}

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final StatusBroadcaster broadcaster = new StatusBroadcaster(sample(ConnectionState.DISCONNECTED));
    private final EventLog events = new EventLog(100, Clock.systemUTC());
    private EnrollResult enrollResult = new EnrollResult("dev-fake", "fake", "https://198.18.0.1:8443/", "100.96.0.2", "fd00::2",
            Instant.parse("2030-01-01T00:00:00Z"), "/fake/state");

    /** An enrolled device ("dev-fake") in {@code state}, tunnel fields empty. */
    public static AgentStatus sample(ConnectionState state) {
        AgentStatus identity = new AgentStatus(ConnectionState.DISCONNECTED, "dev-fake", "fake", "https://198.18.0.1:8443/", "100.96.0.2",
                "fd00::2", List.of("198.18.10.0/24"), null, null, null, 0, 0, 0, 0, 0, Instant.parse("2030-01-01T00:00:00Z"), null,
                null, null, null, null, List.of(), "/fake/state");
        return identity.withTunnel(TunnelStatus.only(state, null), Instant.now());
    }

    /** Makes {@code status} current; watchers get it as a change. */
    public void publish(AgentStatus status) {
        broadcaster.publish(status);
    }

    /** Adds a log entry; watchers get it live, {@code logs} returns it. */
    public void log(LogEntry.Level level, String message) {
        events.add(level, message);
    }

    /** The next call of {@code method} (wire name) throws {@code failure}. */
    public synchronized void failNext(String method, RuntimeException failure) {
        failures.put(method, failure);
    }

    public synchronized void enrollAnswer(EnrollResult result) {
        enrollResult = result;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The parameters of the last call of {@code method}, or null if it was not called. */
    public synchronized Object lastParams(String method) {
        return calls.reversed().stream().filter(c -> c.method().equals(method)).map(Call::params).findFirst().orElse(null);
    }

    /** How many watchers are subscribed now. */
    public int watchers() {
        return broadcaster.subscribers();
    }

    private synchronized void record(String method, Object params) {
        calls.add(new Call(method, params));
        RuntimeException failure = failures.remove(method);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public AgentStatus status() {
        record("status", null);
        return broadcaster.current();
    }

    @Override
    public AgentStatus up(UpRequest request) {
        record("up", request);
        publish(sample(ConnectionState.CONNECTING));
        return broadcaster.current();
    }

    @Override
    public AgentStatus down(DownRequest request) {
        record("down", request);
        publish(sample(ConnectionState.DISCONNECTED));
        return broadcaster.current();
    }

    @Override
    public EnrollResult enroll(EnrollParams params) {
        record("enroll", params);
        synchronized (this) {
            return enrollResult;
        }
    }

    @Override
    public List<LogEntry> logs() {
        record("logs", null);
        return events.recent();
    }

    @Override
    public Subscription subscribe(Consumer<AgentStatus> listener) {
        record("watch", null);
        return broadcaster.subscribe(listener);
    }

    @Override
    public Subscription subscribeLogs(Consumer<LogEntry> listener) {
        return events.subscribe(listener);
    }
}
