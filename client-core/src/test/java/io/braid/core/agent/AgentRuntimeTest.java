package io.braid.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.DownRequest;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.api.messages.Transport;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.netcfg.ReconcileReport;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import io.braid.core.testing.FakeTunnelEngines;
import io.braid.core.testing.MutableClock;
import io.braid.core.testing.TestCa;
import io.braid.core.testing.TestCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's service with a fake engine: what it reports, what it allows, and what it tells watchers. */
class AgentRuntimeTest {
    private static final TestCa CA = new TestCa("runtime");

    @TempDir
    Path tmp;

    private CredentialStore store;
    private MutableClock clock;
    private final FakeTunnelEngines engines = new FakeTunnelEngines();
    private final List<Path> leftoverRuns = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new CredentialStore(tmp.resolve("state"));
        clock = new MutableClock(Instant.now());
    }

    private AgentRuntime runtime(TunnelEngineFactory factory) {
        Leftovers recorded = dir -> {
            leftoverRuns.add(dir);
            return new ReconcileReport(3, 1, 0);
        };
        return new AgentRuntime(store, ManagerClients.standard(), factory, recorded, clock);
    }

    private DeviceCredentials enrolled(Duration lifetime) {
        DeviceCredentials c = TestCredentials.issue(CA, "dev00001", lifetime);
        store.save(c);
        return c;
    }

    @Test
    void aFreshDeviceIsNotEnrolledAndCannotComeUp() {
        AgentRuntime runtime = runtime(engines);
        AgentStatus s = runtime.status();
        assertThat(s.state()).isEqualTo(ConnectionState.NOT_ENROLLED);
        assertThat(s.stateDir()).isEqualTo(store.directory().toString());
        assertThatThrownBy(() -> runtime.up(UpRequest.defaults()))
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_ENROLLED));
        assertThat(engines.started()).isEmpty();
    }

    @Test
    void anEnrolledDeviceReportsItsIdentityAndExpiries() {
        DeviceCredentials c = enrolled(Duration.ofDays(90));
        AgentStatus s = runtime(engines).status();
        assertThat(s.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(s.deviceId()).isEqualTo("dev00001");
        assertThat(s.name()).isEqualTo("test-device");
        assertThat(s.server()).isEqualTo("https://198.18.0.1:8443/");
        assertThat(s.overlayIpv4()).isEqualTo("100.96.0.2");
        assertThat(s.routes()).containsExactly("198.18.10.0/24");
        assertThat(s.certificateExpires()).isEqualTo(c.certificate().getNotAfter().toInstant());
        assertThat(s.certificateWarning()).isNull();
        assertThat(s.tokenExpires()).isEqualTo(c.token().expiresAt());
        assertThat(s.paths()).isEmpty();
    }

    @Test
    void aCertificateCloseToExpiryCarriesAWarning() {
        enrolled(Duration.ofDays(5));
        assertThat(runtime(engines).status().certificateWarning()).isEqualTo("the device certificate expires within 7 days");
    }

    @Test
    void withoutAnEngineUpFailsClearlyAndTheStatusSaysWhy() {
        enrolled(Duration.ofDays(90));
        AgentRuntime runtime = runtime(new UnavailableEngine());
        assertThatThrownBy(() -> runtime.up(UpRequest.defaults()))
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_IMPLEMENTED))
                .hasMessage("the tunnel engine is not available in this build");
        AgentStatus s = runtime.status();
        assertThat(s.state()).isEqualTo(ConnectionState.ERROR);
        assertThat(s.lastError()).isEqualTo("the tunnel engine is not available in this build");
        assertThat(runtime.logs()).extracting(LogEntry::message).contains("the tunnel could not start: the tunnel engine is not available in this build");
        assertThat(runtime.down(new DownRequest(null)).state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(leftoverRuns).isEmpty();
    }

    @Test
    void theEnginesReportsReachWatchersJoinedWithTheIdentity() {
        enrolled(Duration.ofDays(90));
        AgentRuntime runtime = runtime(engines);
        List<AgentStatus> seen = new ArrayList<>();
        List<LogEntry> events = new ArrayList<>();
        runtime.subscribe(seen::add);
        runtime.subscribeLogs(events::add);
        assertThat(seen).extracting(AgentStatus::state).containsExactly(ConnectionState.DISCONNECTED);

        UpRequest request = new UpRequest("bond", List.of("eth0"), true, "on");
        assertThat(runtime.up(request).state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(engines.last().request).isEqualTo(request);
        Instant since = clock.instant();
        clock.advance(Duration.ofSeconds(42));
        engines.last().report(FakeTunnelEngines.connected(since));

        AgentStatus connected = seen.getLast();
        assertThat(connected.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(connected.deviceId()).isEqualTo("dev00001");
        assertThat(connected.headend()).isEqualTo("198.18.0.1:8444");
        assertThat(connected.transport()).isEqualTo(Transport.UDP);
        assertThat(connected.uptimeSeconds()).isEqualTo(42);
        assertThat(connected.bytesOut()).isEqualTo(2000);
        assertThat(connected.killSwitch()).isEqualTo("on");
        assertThat(seen).extracting(AgentStatus::state).containsSubsequence(ConnectionState.DISCONNECTED, ConnectionState.CONNECTING,
                ConnectionState.CONNECTED);
        assertThat(events).extracting(LogEntry::message).contains("bringing the tunnel up mode=bond wans=eth0 fullTunnel=true killSwitch=on",
                "tunnel connected");

        assertThat(runtime.up(request).state()).as("the same up again changes nothing").isEqualTo(ConnectionState.CONNECTED);
        assertThat(engines.started()).hasSize(1);
        assertThatThrownBy(() -> runtime.up(UpRequest.defaults()))
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> runtime.enroll(EnrollParams.ofLink("braid://x", null, true)))
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

        assertThat(runtime.down(new DownRequest(false)).state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(engines.last().closed()).isTrue();
        assertThat(seen.getLast().headend()).isNull();
    }

    @Test
    void downWithForceUndoesLeftoversAndSaysSo() {
        enrolled(Duration.ofDays(90));
        AgentRuntime runtime = runtime(engines);
        runtime.down(new DownRequest(true));
        assertThat(leftoverRuns).containsExactly(store.directory());
        assertThat(runtime.logs()).extracting(LogEntry::message).contains("undid 3 leftover network changes (1 steps were already gone)");
    }

    @Test
    void closingTheRuntimeTakesTheTunnelDown() {
        enrolled(Duration.ofDays(90));
        AgentRuntime runtime = runtime(engines);
        runtime.up(UpRequest.defaults());
        runtime.close();
        assertThat(engines.last().closed()).isTrue();
    }

    @Test
    void enrollRefusesBadInputBeforeContactingAnyone() {
        AgentRuntime runtime = runtime(engines);
        assertThatThrownBy(() -> runtime.enroll(EnrollParams.ofLink("braid://nowhere", null, false)))
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_LINK));
        assertThat(store.isEnrolled()).isFalse();
    }
}
