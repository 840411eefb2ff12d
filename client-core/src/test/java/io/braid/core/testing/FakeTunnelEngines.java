package io.braid.core.testing;

import io.braid.core.agent.TunnelEngine;
import io.braid.core.agent.TunnelEngineFactory;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.store.DeviceCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TunnelEngineFactory} whose engines move no packets: each starts "connecting", and the test
 * moves it along with {@link #report}. Records what was started and whether it was closed.
 */
public final class FakeTunnelEngines implements TunnelEngineFactory {
    /** One started engine. */
    public static final class Engine implements TunnelEngine {
        public final UpRequest request;
        private final Consumer<TunnelStatus> listener;
        private volatile TunnelStatus status = TunnelStatus.only(ConnectionState.CONNECTING, null);
        private volatile boolean closed;

        Engine(UpRequest request, Consumer<TunnelStatus> listener) {
            this.request = request;
            this.listener = listener;
        }

        @Override
        public TunnelStatus status() {
            return status;
        }

        /** The engine's own report of a change, as a real one makes from its threads. */
        public void report(TunnelStatus next) {
            status = next;
            listener.accept(next);
        }

        public boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<Engine> started = new ArrayList<>();

    @Override
    public synchronized TunnelEngine start(DeviceCredentials device, Path stateDir, UpRequest request, Consumer<TunnelStatus> listener) {
        Engine e = new Engine(request, listener);
        started.add(e);
        return e;
    }

    public synchronized List<Engine> started() {
        return List.copyOf(started);
    }

    public synchronized Engine last() {
        return started.getLast();
    }

    /** A connected tunnel's status with some traffic, for tests that look at the numbers. */
    public static TunnelStatus connected(java.time.Instant since) {
        return new TunnelStatus(ConnectionState.CONNECTED, "198.18.0.1:8444", io.braid.core.api.messages.Transport.UDP, since, 1000, 2000, 10,
                20, null, "bond", "on", List.of());
    }
}
