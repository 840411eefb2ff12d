package io.braid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.store.CredentialStore;
import io.braid.server.events.HeadendChanged;
import io.braid.server.events.ManagerEvents;
import io.braid.server.events.SessionChanged;
import io.braid.server.events.SessionStats;
import io.braid.server.events.WanChanged;
import io.braid.server.fleet.Headend;
import io.braid.server.fleet.Session;
import io.braid.server.fleet.WanStatus;
import io.braid.server.testing.ConsoleClient;
import io.braid.server.testing.RunningManager;
import io.braid.server.testing.SseReader;
import io.braid.server.testing.SseReader.Frame;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live feed: a snapshot first, then every change as it happens, heartbeats when idle, and an end when the caller's session ends. */
class EventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private RunningManager manager;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        manager = new RunningManager(Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    private ConsoleClient cli() {
        ConsoleClient c = new ConsoleClient(manager);
        c.origin = null;
        c.extraHeaders.put("Authorization", "Bearer " + manager.adminToken());
        return c;
    }

    private String enroll(String name) {
        return new Enrollment(new CredentialStore(tmp.resolve(name)), new ManagerClients(Duration.ofSeconds(10)), Clock.systemUTC())
                .enroll(manager.singleUseKey(), name, "linux", false).deviceId();
    }

    @Test
    void snapshotThenDeviceChangesAsTheyHappen() throws Exception {
        try (SseReader sse = new SseReader(cli(), AdminApi.EVENTS)) {
            assertThat(sse.status).isEqualTo(200);
            assertThat(sse.contentType).startsWith("text/event-stream");
            Frame snapshot = sse.expect("snapshot", WAIT);
            assertThat(snapshot.data().get("overview").get("devices").get("total").asInt()).isZero();
            assertThat(snapshot.data().get("overview").has("live")).as("no headend: live figures unknown, not 0").isFalse();
            assertThat(snapshot.data().get("headends")).isEmpty();
            assertThat(snapshot.data().get("sessions")).isEmpty();

            String device = enroll("laptop");
            Frame enrolled = sse.expect("device.enrolled", WAIT);
            assertThat(enrolled.data().get("type").asText()).isEqualTo("device.enrolled");
            assertThat(enrolled.data().get("data").get("deviceId").asText()).isEqualTo(device);
            assertThat(enrolled.data().get("data").get("device").get("name").asText()).isEqualTo("laptop");
            assertThat(Long.parseLong(enrolled.id())).isGreaterThan(Long.parseLong(snapshot.id()));

            assertThat(cli().post(AdminApi.path(AdminApi.DEVICE_ACTION, device).replace("{action}", "revoke"), Map.of()).status())
                    .isEqualTo(200);
            assertThat(sse.expect("device.revoked", WAIT).data().get("data").get("device").get("status").asText()).isEqualTo("revoked");
        }
    }

    @Test
    void headendSessionAndWanEventsReachTheStreamAndTheOverview() throws Exception {
        ManagerEvents events = manager.server().services().events();
        try (SseReader sse = new SseReader(cli(), AdminApi.EVENTS)) {
            sse.expect("snapshot", WAIT);
            Headend edge = new Headend("h1", "edge-1", "198.18.0.1:8444", "0.1.0", Instant.now());
            WanStatus fiber = new WanStatus("fiber", WanStatus.UP, 3.5, 0.0, 40_000_000L, 2_000_000L);
            WanStatus lte = new WanStatus("lte", WanStatus.UP, 48.0, 0.5, 1_000_000L, 500_000L);
            events.publish(new HeadendChanged(true, edge));
            events.publish(new SessionChanged(true, new Session("s1", "d1", "h1", "100.96.0.2", Instant.now(), 0, 0, List.of(fiber, lte)), null));
            events.publish(new WanChanged("s1", "d1", lte.withState(WanStatus.DOWN)));
            events.publish(new SessionStats("s1", 41_000_000, 2_500_000, List.of()));
            assertThat(sse.expect("headend.up", WAIT).data().get("data").get("headend").get("name").asText()).isEqualTo("edge-1");
            assertThat(sse.expect("session.up", WAIT).data().get("data").get("session").get("deviceId").asText()).isEqualTo("d1");
            assertThat(sse.expect("wan.down", WAIT).data().get("data").get("wan").get("name").asText()).isEqualTo("lte");
            sse.expect("session.stats", WAIT);
        }
        var overview = cli().get(AdminApi.OVERVIEW).json();
        assertThat(overview.get("headends").asInt()).isEqualTo(1);
        assertThat(overview.get("live").get("sessions").asInt()).isEqualTo(1);
        assertThat(overview.get("live").get("devicesOnline").asInt()).isEqualTo(1);
        assertThat(overview.get("live").get("throughput").get("rxBitsPerSecond").asLong()).isEqualTo(41_000_000);
        assertThat(overview.get("live").get("wans").get("up").asInt()).isEqualTo(1);
        assertThat(overview.get("live").get("wans").get("down").asInt()).isEqualTo(1);
        assertThat(cli().get(AdminApi.HEADENDS).json()).hasSize(1);
        assertThat(cli().get(AdminApi.SESSIONS + "?device=d1").json()).hasSize(1);
        assertThat(cli().get(AdminApi.SESSIONS + "?device=d2").json()).isEmpty();

        // A new stream starts from a snapshot that already holds the live state.
        try (SseReader again = new SseReader(cli(), AdminApi.EVENTS)) {
            Frame snapshot = again.expect("snapshot", WAIT);
            assertThat(snapshot.data().get("sessions").get(0).get("wans").get(1).get("state").asText()).isEqualTo("down");
        }
    }

    @Test
    void idleStreamsGetHeartbeatsAndEndWhenTheirSessionEnds() throws Exception {
        ConsoleClient browser = new ConsoleClient(manager);
        browser.signInWithToken();
        try (SseReader sse = new SseReader(browser, AdminApi.EVENTS)) {
            sse.expect("snapshot", WAIT);
            Frame beat = sse.next(WAIT);
            assertThat(beat.comment()).isEqualTo("heartbeat");
            assertThat(browser.delete(AdminApi.SESSION).status()).isEqualTo(200);
            Frame last;
            do {
                last = sse.next(WAIT);
            } while (last != null && last.event() == null && !last.end());
            assertThat(last.event()).isEqualTo("signed-out");
            assertThat(sse.next(WAIT).end()).isTrue();
        }
        try (SseReader anonymous = new SseReader(new ConsoleClient(manager), AdminApi.EVENTS)) {
            assertThat(anonymous.status).isEqualTo(401);
        }
    }

    @Test
    void anOpenStreamDoesNotKeepAnIdleSessionAlive() throws Exception {
        ConsoleClient browser = new ConsoleClient(manager);
        browser.signInWithToken();
        try (SseReader sse = new SseReader(browser, AdminApi.EVENTS)) {
            sse.expect("snapshot", WAIT);
            manager.clock.advance(Duration.ofMinutes(20));
            assertThat(sse.next(WAIT).comment()).isEqualTo("heartbeat"); // re-checked 20 minutes later: still signed in
            manager.clock.advance(Duration.ofMinutes(11));
            Frame last;
            do {
                last = sse.next(WAIT);
            } while (last != null && last.event() == null && !last.end());
            assertThat(last.event()).as("31 minutes without a request").isEqualTo("signed-out");
        }
        assertThat(browser.get(AdminApi.SESSION).status()).isEqualTo(401);
    }

    @Test
    void stoppingTheServerEndsOpenStreamsPromptly() throws Exception {
        SseReader sse = new SseReader(cli(), AdminApi.EVENTS);
        sse.expect("snapshot", WAIT);
        long t0 = System.nanoTime();
        manager.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        Frame f;
        do {
            f = sse.next(WAIT);
        } while (f != null && !f.end());
        assertThat(f).isNotNull();
        sse.close();
        manager.start(); // for the common tear-down
    }
}
