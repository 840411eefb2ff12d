package io.braid.core.agent;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.os.ShutdownCloser;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import java.io.Closeable;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * {@code braid up --foreground}: the tunnel engine in this process, with no agent and no local API,
 * until the user interrupts it (Ctrl-C runs the shutdown hook, which takes the tunnel down) or the
 * tunnel fails for good. Every status change goes to {@code report}.
 */
public final class ForegroundTunnel {
    private ForegroundTunnel() {}

    /** Runs the tunnel; returns when the calling thread is interrupted, throws when the tunnel fails. */
    public static void run(TunnelEngineFactory engines, CredentialStore store, UpRequest request, Clock clock,
            Consumer<AgentStatus> report) {
        DeviceCredentials credentials = store.require();
        AgentStatus device = DeviceStatus.of(credentials, store.directory().toString(), clock.instant());
        CompletableFuture<String> failure = new CompletableFuture<>();
        Consumer<TunnelStatus> listener = t -> {
            report.accept(device.withTunnel(t, clock.instant()));
            if (t.state() == ConnectionState.ERROR) {
                failure.complete(t.lastError());
            }
        };
        try (TunnelEngine engine = engines.start(credentials, store.directory(), request, listener)) {
            Closeable onShutdown = engine::close;
            ShutdownCloser.register(onShutdown);
            try {
                report.accept(device.withTunnel(engine.status(), clock.instant()));
                String error = failure.get();
                throw new BraidException(ErrorCode.INTERNAL, "the tunnel failed: " + error);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } finally {
                ShutdownCloser.unregister(onShutdown);
            }
        }
    }
}
