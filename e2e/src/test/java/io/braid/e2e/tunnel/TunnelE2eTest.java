package io.braid.e2e.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.braid.core.testing.RootOnly;
import io.braid.e2e.peers.BraidTunnel;
import io.braid.e2e.peers.Tools;
import io.braid.e2e.measure.Iperf3;
import io.braid.e2e.measure.Ping;
import io.braid.e2e.testbed.Addresses;
import io.braid.e2e.testbed.LinkSpec;
import io.braid.e2e.testbed.NsProcess;
import io.braid.e2e.testbed.Testbed;
import io.braid.e2e.testbed.Waits;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tunnel as users run it, on a real network of namespaces: braid-server (manager + headend) in
 * the headend namespace, braid enroll / braid up --foreground in the client namespace, real TUN
 * devices at both ends, traffic to the protected LAN host.
 */
class TunnelE2eTest {
    private Testbed testbed;
    private BraidTunnel braid;

    @BeforeAll
    static void needs() {
        RootOnly.assumeLinuxRoot();
        assumeTrue(Tools.missing("iperf3", "ping").isEmpty(), "needs iperf3 and ping (apt-get install iperf3 iputils-ping)");
        assumeTrue(java.nio.file.Files.exists(BraidTunnel.SERVER_JAR) && java.nio.file.Files.exists(BraidTunnel.CLIENT_JAR),
                "needs the packaged jars (mvn package)");
    }

    @BeforeEach
    void build() throws Exception {
        testbed = Testbed.builder().wan(LinkSpec.plain()).build();
    }

    @AfterEach
    void close() {
        if (braid != null) braid.close();
        testbed.close();
    }

    @Test
    void pingAndTcpReachTheLanThroughTheTunnel() throws Exception {
        assertThat(Ping.run(testbed.client(), Addresses.LAN_HOST, 1, Duration.ofMillis(100)).received()).as("no tunnel, no LAN").isZero();
        braid = BraidTunnel.open(testbed);
        Ping.Result ping = Ping.run(testbed.client(), Addresses.LAN_HOST, 10, Duration.ofMillis(50));
        assertThat(ping.received()).isEqualTo(10);
        try (NsProcess server = Iperf3.server(testbed, testbed.lan(), Addresses.LAN_HOST)) {
            double mbit = Iperf3.client(testbed.client(), Addresses.LAN_HOST, Iperf3.Options.tcp(3, 1)).receivedMbit();
            assertThat(mbit).as("TCP through the tunnel").isGreaterThan(50);
        }
        // The headend's interface and the client's tunnel carry the overlay addresses.
        assertThat(testbed.client().exec("ip", "-4", "addr", "show", "dev", "braid0")).contains("100.96.0.2/16");
        assertThat(testbed.headend().exec("ip", "-4", "addr", "show", "dev", "braid0")).contains("100.96.0.1/16");
    }
}
