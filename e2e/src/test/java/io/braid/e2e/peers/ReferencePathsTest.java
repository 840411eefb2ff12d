package io.braid.e2e.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.braid.core.testing.RootOnly;
import io.braid.e2e.measure.Iperf3;
import io.braid.e2e.measure.Ping;
import io.braid.e2e.testbed.Addresses;
import io.braid.e2e.testbed.LinkSpec;
import io.braid.e2e.testbed.NsProcess;
import io.braid.e2e.testbed.Testbed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every reference path comes up on one testbed (2 × 50 Mbit/s WANs), carries a ping and a short
 * iperf3 run to its target, and goes away leaving the LAN private again.
 */
class ReferencePathsTest {
    private static Testbed testbed;

    @BeforeAll
    static void build() throws Exception {
        RootOnly.assumeLinuxRoot();
        assumeTrue(Tools.missing("iperf3", "ping").isEmpty(), "needs iperf3 and ping (apt-get install iperf3 iputils-ping)");
        testbed = Testbed.builder().wan(LinkSpec.plain().rate(50)).wan(LinkSpec.plain().rate(50)).build();
    }

    @AfterAll
    static void close() {
        if (testbed != null) testbed.close();
    }

    private static void needs(String... tools) {
        List<String> missing = Tools.missing(tools);
        assumeTrue(missing.isEmpty(), "needs " + missing + " (Debian packages, installed by .ci/run)");
    }

    /** Pings the target, moves data for 2 s, and returns the rate. */
    private static double carry(ReferencePath path) throws Exception {
        Ping.Result ping = Ping.run(testbed.client(), path.target(), 5, Duration.ofMillis(50));
        assertThat(ping.received()).as("pings through %s", path.label()).isEqualTo(5);
        try (NsProcess server = Iperf3.server(testbed, path.serverSide(), path.target(), path.wrapper().toArray(String[]::new))) {
            return Iperf3.client(testbed.client(), path.target(), Iperf3.Options.tcp(2, 1).wrappedIn(path.wrapper().toArray(String[]::new))).receivedMbit();
        }
    }

    private static void assertLanPrivateAgain() throws Exception {
        assertThat(Ping.run(testbed.client(), Addresses.LAN_HOST, 2, Duration.ofMillis(50)).received()).isZero();
    }

    @Test
    void noTunnel() throws Exception {
        try (ReferencePath path = NoTunnel.open(testbed)) {
            assertThat(carry(path)).isBetween(40.0, 51.0);
        }
        assertLanPrivateAgain();
    }

    @Test
    void wireguardGo() throws Exception {
        needs("wireguard-go", "wg");
        try (ReferencePath path = WireGuardGo.open(testbed)) {
            assertThat(carry(path)).isBetween(35.0, 51.0);
        }
        assertLanPrivateAgain();
    }

    @Test
    void openVpnWithEachCipher() throws Exception {
        needs("openvpn", "openssl");
        for (OpenVpn.Cipher cipher : OpenVpn.Cipher.values()) {
            try (OpenVpn path = OpenVpn.udp(testbed, cipher)) {
                assertThat(path.negotiatedCipherLine()).contains(cipher.openVpnName);
                assertThat(carry(path)).as(path.label()).isBetween(35.0, 51.0);
            }
        }
        assertLanPrivateAgain();
    }

    @Test
    void mptcpBondsBothWans() throws Exception {
        needs("mptcpize");
        try (ReferencePath path = Mptcp.open(testbed)) {
            assertThat(carry(path)).as("2 × 50 Mbit/s bonded").isGreaterThan(75.0);
        }
        assertThat(testbed.client().exec("ip", "mptcp", "endpoint", "show")).isBlank();
    }

    @Test
    void openVpnOverMptcpBondsBothWans() throws Exception {
        needs("mptcpize", "openvpn", "openssl");
        try (ReferencePath path = OpenVpn.overMptcp(testbed, OpenVpn.Cipher.AES_256_GCM)) {
            assertThat(carry(path)).as("2 × 50 Mbit/s bonded, TCP inside MPTCP").isGreaterThan(60.0);
        }
        assertLanPrivateAgain();
    }
}
