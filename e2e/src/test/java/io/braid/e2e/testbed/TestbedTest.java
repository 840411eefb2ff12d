package io.braid.e2e.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.testing.Netns;
import io.braid.core.testing.RootOnly;
import io.braid.e2e.measure.Iperf3;
import io.braid.e2e.measure.Ping;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The testbed's network as a tunnel will find it: who reaches whom, rate, loss, cuts, and clean-up. */
class TestbedTest {
    private static Testbed testbed;

    @BeforeAll
    static void build() throws Exception {
        RootOnly.assumeLinuxRoot();
        testbed = Testbed.builder().wan(LinkSpec.plain()).wan(LinkSpec.plain().rate(50)).build();
    }

    @AfterAll
    static void close() {
        if (testbed != null) testbed.close();
    }

    private static Ping.Result pingFrom(Netns ns, String target, String... options) throws Exception {
        return Ping.run(ns, target, 5, Duration.ofMillis(20), options);
    }

    @Test
    void everyWanReachesTheHeadendsOnePublicAddressButNotTheLan() throws Exception {
        for (Wan wan : testbed.wans()) {
            assertThat(pingFrom(testbed.client(), Addresses.HEADEND_PUBLIC, "-I", wan.clientInterface()).received()).as("%s", wan).isEqualTo(5);
        }
        assertThat(pingFrom(testbed.headend(), Addresses.LAN_HOST).received()).isEqualTo(5);
        assertThat(pingFrom(testbed.headend(), Addresses.wanClient(2)).received()).isEqualTo(5);
        assertThat(pingFrom(testbed.client(), Addresses.LAN_HOST).received()).as("the LAN is private without a tunnel").isZero();
    }

    @Test
    void tbfHoldsAWanToItsRate() throws Exception {
        Iperf3.server(testbed, testbed.headend(), null);
        Wan wan2 = testbed.wan(2);
        String[] via = {"--bind-dev", wan2.clientInterface()};
        double up = Iperf3.client(testbed.client(), Addresses.HEADEND_PUBLIC, Iperf3.Options.tcp(3, 1).withExtra(via)).receivedMbit();
        double down = Iperf3.client(testbed.client(), Addresses.HEADEND_PUBLIC, Iperf3.Options.tcp(3, 1).withExtra(via).reverse(1)).receivedMbit();
        assertThat(up).as("client to headend over a 50 Mbit/s WAN").isBetween(44.0, 51.0);
        assertThat(down).as("headend to client over a 50 Mbit/s WAN").isBetween(44.0, 51.0);
    }

    @Test
    void lossDropsThatShareEachWay() throws Exception {
        Wan wan1 = testbed.wan(1);
        wan1.loss(20);
        try {
            Ping.Result lossy = Ping.run(testbed.client(), Addresses.HEADEND_PUBLIC, 200, Duration.ofMillis(5), "-I", wan1.clientInterface());
            // 20 % each way: 1 - 0.8 × 0.8 = 36 % of round trips lost; 200 samples put 99.9 % of runs in 24..48.
            assertThat(lossy.lossPercent()).isBetween(24.0, 48.0);
        } finally {
            wan1.loss(0);
        }
        assertThat(pingFrom(testbed.client(), Addresses.HEADEND_PUBLIC, "-I", wan1.clientInterface()).received()).isEqualTo(5);
    }

    @Test
    void aLinkDownCutIsSeenByTheClientAndRestoredWithItsRoute() throws Exception {
        Wan wan1 = testbed.wan(1);
        wan1.cut(Cut.LINK_DOWN);
        try {
            assertThat(testbed.client().exec("ip", "-br", "link", "show", "wan1")).contains("DOWN");
            assertThat(testbed.client().exec("ip", "route", "show", "default")).doesNotContain("wan1").contains("wan2");
        } finally {
            wan1.restore();
        }
        assertThat(testbed.client().exec("ip", "route", "show", "default")).contains("dev wan1 metric 100");
        assertThat(pingFrom(testbed.client(), Addresses.HEADEND_PUBLIC, "-I", "wan1").received()).isEqualTo(5);
    }

    @Test
    void aBlackholeKeepsTheLinkAndItsGatewayButNothingBeyond() throws Exception {
        Wan wan1 = testbed.wan(1);
        wan1.cut(Cut.BLACKHOLE);
        try {
            assertThat(testbed.client().exec("ip", "-br", "link", "show", "wan1")).contains("UP");
            assertThat(pingFrom(testbed.client(), wan1.gateway(), "-I", "wan1").received()).as("first hop").isEqualTo(5);
            assertThat(pingFrom(testbed.client(), Addresses.HEADEND_PUBLIC, "-I", "wan1").received()).as("beyond").isZero();
            assertThat(pingFrom(testbed.client(), Addresses.ROUTER_PUBLIC, "-I", "wan1").received()).as("the router's far side").isZero();
            assertThat(pingFrom(testbed.client(), Addresses.HEADEND_PUBLIC, "-I", "wan2").received()).as("the other WAN").isEqualTo(5);
        } finally {
            wan1.restore();
        }
        assertThat(pingFrom(testbed.client(), Addresses.HEADEND_PUBLIC, "-I", "wan1").received()).isEqualTo(5);
    }

    @Test
    void closingRemovesNamespacesAndEndsProcessesByPid() throws Exception {
        Testbed other = Testbed.builder().wan(LinkSpec.plain().emulated()).build();
        List<String> names = List.of(other.client().name(), other.router().name(), other.headend().name(), other.lan().name());
        NsProcess sleeper = other.start(other.lan(), "sleep", "600");
        assertThat(sleeper.isAlive()).isTrue();
        assertThat(testbed.client().name()).as("unique names").isNotEqualTo(other.client().name());

        other.close();

        assertThat(ProcessHandle.of(sleeper.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        String left = Netns.HOST.run("ip", "netns", "list").stdout();
        for (String name : names) assertThat(left).doesNotContain(name);
        assertThat(other.workDir()).doesNotExist();
    }
}
