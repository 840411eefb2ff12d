package io.braid.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.store.CredentialStore;
import io.braid.core.testing.FakeTunnelEngines;
import io.braid.core.testing.TestCa;
import io.braid.core.testing.TestCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code braid up --foreground}'s loop: report every change, stop on interrupt, fail when the tunnel does. */
class ForegroundTunnelTest {
    @TempDir
    Path tmp;

    private CredentialStore store;
    private final FakeTunnelEngines engines = new FakeTunnelEngines();
    private final BlockingQueue<AgentStatus> reports = new LinkedBlockingQueue<>();

    @BeforeEach
    void enroll() {
        store = new CredentialStore(tmp);
        store.save(TestCredentials.issue(new TestCa("fg"), "dev0000f", Duration.ofDays(90)));
    }

    private CompletableFuture<Void> runInBackground(Thread[] thread) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        thread[0] = Thread.ofVirtual().start(() -> {
            try {
                ForegroundTunnel.run(engines, store, UpRequest.defaults(), Clock.systemUTC(), reports::add);
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private AgentStatus nextReport() throws InterruptedException {
        AgentStatus s = reports.poll(10, TimeUnit.SECONDS);
        assertThat(s).as("a report within 10 s").isNotNull();
        return s;
    }

    @Test
    void reportsChangesUntilInterruptedThenTakesTheTunnelDown() throws Exception {
        Thread[] thread = new Thread[1];
        CompletableFuture<Void> done = runInBackground(thread);
        assertThat(nextReport().state()).isEqualTo(ConnectionState.CONNECTING);
        engines.last().report(FakeTunnelEngines.connected(Instant.now()));
        AgentStatus connected = nextReport();
        assertThat(connected.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(connected.deviceId()).isEqualTo("dev0000f");
        thread[0].interrupt();
        done.get(10, TimeUnit.SECONDS);
        assertThat(engines.last().closed()).isTrue();
    }

    @Test
    void aTunnelThatFailsEndsTheRunWithItsReason() throws Exception {
        Thread[] thread = new Thread[1];
        CompletableFuture<Void> done = runInBackground(thread);
        nextReport();
        engines.last().report(TunnelStatus.only(ConnectionState.ERROR, "the headend refused the token"));
        assertThatThrownBy(() -> done.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("the headend refused the token");
        assertThat(engines.last().closed()).isTrue();
    }

    @Test
    void withoutAnEngineItFailsBeforeDoingAnything() {
        assertThatThrownBy(() -> ForegroundTunnel.run(new UnavailableEngine(), store, UpRequest.defaults(), Clock.systemUTC(), reports::add))
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_IMPLEMENTED));
        assertThat(reports).isEmpty();
    }
}
