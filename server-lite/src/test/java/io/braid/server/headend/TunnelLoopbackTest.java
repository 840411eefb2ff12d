package io.braid.server.headend;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.enroll.CertificateRenewal;
import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.engine.ClientEnvironment;
import io.braid.core.engine.TunnelClient;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.TunnelStatus;
import io.braid.core.api.messages.Transport;
import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.TunnelRoutes;
import io.braid.core.netcfg.WanLink;
import io.braid.core.store.CredentialStore;
import io.braid.core.testing.InMemoryTun;
import io.braid.core.testing.Ipv4Packets;
import io.braid.core.testing.RecordingNetwork;
import io.braid.core.tun.TunDevice;
import io.braid.server.audit.AuditLog;
import io.braid.server.testing.RunningManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole tunnel in one process over loopback: a real manager and headend (TLS control, UDP
 * data, admission, policy), a real client engine, and in-memory TUNs standing in for the OS on
 * both ends, so the test can put packets in and see what comes out without root.
 */
class TunnelLoopbackTest {
    private static final InetAddress LAN_HOST = io.braid.core.netcfg.IpPrefix.literal("198.18.10.5");
    private static final InetAddress OUTSIDE = io.braid.core.netcfg.IpPrefix.literal("198.18.99.9");

    private RunningManager manager;
    private InMemoryTun headendTun;
    private Headend headend;
    private HeadendConfig headendConfig;
    private InMemoryTun clientTun;
    private RecordingNetwork clientNetwork;
    private TunnelClient client;
    private volatile boolean blockUdp;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        manager = new RunningManager();
        var s = manager.server().services();
        headendConfig = new HeadendConfig("127.0.0.1", manager.headendPort, "test0", s.config().overlayPool(), s.overlay().headendIpv4(),
                s.overlay().ulaPrefix(), s.overlay().headendIpv6(), 1380, s.config().routes(), List.of(), List.of(),
                Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofSeconds(45), false, tmp.resolve("he"));
        startHeadend();
    }

    private void startHeadend() throws Exception {
        headendTun = new InMemoryTun("test0", 1380);
        headend = HeadendRuntime.create(manager.server().services(), headendConfig, manager.clock, headendTun);
        headend.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        headend.close();
        manager.close();
    }

    private TunnelClient.Options options = TunnelClient.Options.defaults();

    private TunnelClient connect() throws Exception {
        CredentialStore store = new CredentialStore(tmp.resolve("client"));
        new Enrollment(store, ManagerClients.standard(), Clock.systemUTC()).enroll(manager.singleUseKey(), "laptop", "linux", false);
        clientTun = new InMemoryTun("braid0", 1380);
        clientNetwork = new RecordingNetwork();
        client = new TunnelClient(store, new CertificateRenewal(store, ManagerClients.standard(), Clock.systemUTC()), new ClientEnvironment() {
            @Override
            public TunDevice openTun(String name, int mtu) {
                return clientTun;
            }

            @Override
            public NetworkConfigurator network() {
                return clientNetwork;
            }

            @Override
            public List<WanLink> wans() {
                return List.of();
            }

            @Override
            public DatagramChannel openPath(InetSocketAddress target) throws java.io.IOException {
                DatagramChannel c = DatagramChannel.open();
                // "UDP blocked": the datagrams go to a port where nobody listens.
                c.connect(blockUdp ? new InetSocketAddress(target.getAddress(), 9) : target);
                return c;
            }
        }, options);
        client.start();
        awaitState(ConnectionState.CONNECTED, 10_000);
        return client;
    }

    private void awaitState(ConnectionState state, long millis) throws InterruptedException {
        await(() -> state == client.status().state(), millis, "state " + state + " (is " + client.status() + ")");
    }

    private static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private InetAddress overlay() {
        return io.braid.core.netcfg.IpPrefix.literal(client.device().settings().overlayIpv4());
    }

    private static byte[] udp(InetAddress src, int sport, InetAddress dst, int dport, String text) {
        ByteBuffer b = ByteBuffer.allocate(1500);
        Ipv4Packets.udp(b, src, sport, dst, dport, text.getBytes());
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Sends from the client's OS side and returns what reached the headend's OS side (null if nothing). */
    private byte[] clientToLan(byte[] packet) throws InterruptedException {
        clientTun.inject(packet);
        return headendTun.takeWritten(1500);
    }

    @Test
    void packetsCrossTheTunnelBothWaysAndTheClientConfiguredItsNetwork() throws Exception {
        connect();
        assertThat(client.device().settings().overlayIpv4()).isEqualTo("100.96.0.2");
        assertThat(clientNetwork.applied).anySatisfy(a -> assertThat(a).isInstanceOf(InterfaceSettings.class));
        assertThat(clientNetwork.applied).filteredOn(TunnelRoutes.class::isInstance).singleElement()
                .satisfies(r -> assertThat(((TunnelRoutes) r).routes()).extracting(Object::toString).containsExactly("198.18.10.0/24"));

        byte[] query = udp(overlay(), 40000, LAN_HOST, 53, "question");
        assertThat(clientToLan(query)).isEqualTo(query);
        byte[] answer = udp(LAN_HOST, 53, overlay(), 40000, "answer");
        headendTun.inject(answer);
        assertThat(clientTun.takeWritten(1500)).isEqualTo(answer);

        TunnelStatus status = client.status();
        assertThat(status.transport()).isEqualTo(Transport.UDP);
        assertThat(status.packetsOut()).isEqualTo(1);
        assertThat(status.packetsIn()).isEqualTo(1);
        assertThat(headend.sessions()).singleElement().satisfies(s -> assertThat(s.bytesIn()).isEqualTo(query.length));
    }

    @Test
    void policyDeniesWhatNoRuleAllowsAndOnlyRepliesComeBack() throws Exception {
        connect();
        assertThat(clientToLan(udp(overlay(), 40000, OUTSIDE, 53, "not a route"))).isNull();
        assertThat(clientToLan(udp(io.braid.core.netcfg.IpPrefix.literal("100.96.0.77"), 40000, LAN_HOST, 53, "spoofed"))).isNull();
        headendTun.inject(udp(LAN_HOST, 53, overlay(), 40001, "unsolicited"));
        assertThat(clientTun.takeWritten(500)).isNull();
        assertThat(headend.policy().counters()[1]).isEqualTo(1); // one denial from the device; the spoofed one never reached policy
    }

    @Test
    void aPolicyChangeReachesTheRunningHeadend() throws Exception {
        connect();
        assertThat(clientToLan(udp(overlay(), 40000, OUTSIDE, 53, "before"))).isNull();
        manager.server().services().policies().create(new io.braid.server.policy.RuleValidator.RuleRequest("staff", "198.18.99.0/24",
                "udp", 53, null, "test"), new AuditLog.Actor("admin", "test"));
        byte[] after = udp(overlay(), 40000, OUTSIDE, 53, "after");
        assertThat(clientToLan(after)).isEqualTo(after);
        assertThat(clientToLan(udp(overlay(), 40000, OUTSIDE, 54, "other port"))).isNull();
    }

    @Test
    void aRevokedDeviceIsCutOffWithinTheCrlInterval() throws Exception {
        connect();
        manager.server().services().devices().revoke(client.device().deviceId(), new AuditLog.Actor("admin", "test"));
        await(() -> client.status().state() != ConnectionState.CONNECTED, 3_000, "the session to end after revocation");
        assertThat(headend.sessions()).isEmpty();
        assertThat(client.status().lastError()).contains("revoked");
        assertThat(clientToLan(udp(overlay(), 40000, LAN_HOST, 53, "after revocation"))).isNull();
    }

    @Test
    void aDisabledDeviceIsCutOffAndComesBackWhenEnabled() throws Exception {
        connect();
        String id = client.device().deviceId();
        manager.server().services().devices().disable(id, new AuditLog.Actor("admin", "test"));
        await(() -> headend.sessions().isEmpty(), 3_000, "the session to end after disabling");
        manager.server().services().devices().enable(id, new AuditLog.Actor("admin", "test"));
        awaitState(ConnectionState.CONNECTED, 40_000);
    }

    @Test
    void whenUdpIsBlockedDataFlowsInsideTheControlConnection() throws Exception {
        blockUdp = true;
        connect();
        await(() -> client.status().transport() == Transport.TCP, 6_000, "fallback to tcp");
        byte[] query = udp(overlay(), 40000, LAN_HOST, 53, "over tcp");
        assertThat(clientToLan(query)).isEqualTo(query);
        byte[] answer = udp(LAN_HOST, 53, overlay(), 40000, "back over tcp");
        headendTun.inject(answer);
        assertThat(clientTun.takeWritten(1500)).isEqualTo(answer);
    }

    @Test
    void keysRotateWhileTrafficFlows() throws Exception {
        // Rekey every 300 ms; the old epoch stays accepted for a second after each switch.
        options = options.withRekey(new io.braid.core.protocol.RekeyPolicy(1L << 28, 1L << 30, 300_000_000L, 60_000_000_000L, 1_000_000_000L));
        connect();
        int[] epoch = new int[1];
        for (int i = 0; i < 15; i++) {
            byte[] q = udp(overlay(), 40000 + i, LAN_HOST, 53, "epoch test " + i);
            assertThat(clientToLan(q)).as("packet %d", i).isEqualTo(q);
            Thread.sleep(100);
        }
        headend.sessions(); // still one session: rekeying never reconnected
        assertThat(headend.sessions()).hasSize(1);
        assertThat(headend.counters()[0]).isEqualTo(1);
    }

    @Test
    void aSessionWhoseTokenIsNotRenewedIsClosedAndTheClientRecovers() throws Exception {
        connect();
        int first = headend.sessions().getFirst().sessionId();
        // The manager's (and headend's) time moves past the token's expiry; the client's refresh timer has not fired.
        manager.clock.advance(Duration.ofMinutes(20));
        await(() -> headend.sessions().stream().noneMatch(s -> s.sessionId() == first), 5_000, "the expired session to be closed");
        await(() -> headend.sessions().stream().anyMatch(s -> s.sessionId() != first), 15_000, "a new session with a fresh token");
        awaitState(ConnectionState.CONNECTED, 5_000);
        byte[] query = udp(overlay(), 40000, LAN_HOST, 53, "with a fresh token");
        assertThat(clientToLan(query)).isEqualTo(query);
    }

    @Test
    void sessionsAndPolicyDecisionsAreOnMetrics() throws Exception {
        HeadendMetrics.register(manager.server().services().metrics().registry(), headend);
        connect();
        clientToLan(udp(overlay(), 40000, OUTSIDE, 53, "denied"));
        String metrics = new String(manager.server().services().metrics().scrape());
        assertThat(metrics).contains("braid_headend_sessions 1.0")
                .contains("braid_policy_decisions_total{decision=\"deny\",direction=\"from_device\"} 1.0")
                .contains("braid_session_bytes_total{device=\"" + client.device().deviceId() + "\"");
    }

    @Test
    void theClientComesBackByItselfAfterAHeadendRestart() throws Exception {
        connect();
        headend.close();
        await(() -> client.status().state() != ConnectionState.CONNECTED, 5_000, "the client to notice");
        long restarted = System.nanoTime();
        startHeadend();
        awaitState(ConnectionState.CONNECTED, 5_000);
        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(5));
        byte[] query = udp(overlay(), 40000, LAN_HOST, 53, "after restart");
        await(() -> {
            try {
                return clientToLan(query) != null;
            } catch (InterruptedException e) {
                return false;
            }
        }, 3_000, "traffic after the restart");
    }
}
