package io.braid.core.netcfg.linux;

import static io.braid.core.testing.TwoWanTestbed.HEADEND;
import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.KillSwitchLevel;
import io.braid.core.netcfg.KillSwitchPolicy;
import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.NetworkConfigurators;
import io.braid.core.netcfg.RouteMode;
import io.braid.core.netcfg.TunnelRoutes;
import io.braid.core.testing.RootOnly;
import io.braid.core.testing.TwoWanTestbed;
import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux configurator for real, in the client namespace of a two-WAN testbed with a TUN:
 * what a user would check (where `ip route get` sends a packet, whether a datagram may leave,
 * what the resolver file says), then that closing it restores the namespace exactly.
 */
class LinuxNetworkConfiguratorTest {
    static final String TUN = "braid0";
    static final String ORIGINAL_RESOLV_CONF = "# the user's own\nnameserver 198.18.1.1\n";

    @TempDir Path stateDir;
    @TempDir Path etc;
    TwoWanTestbed bed;
    TunDevice tun;
    Path resolvConf;
    String before;

    @BeforeEach
    void build() throws IOException {
        RootOnly.assumeLinuxRoot();
        bed = TwoWanTestbed.create();
        tun = bed.client.call(() -> io.braid.core.tun.linux.LinuxTun.open(TUN, 1400));
        resolvConf = etc.resolve("resolv.conf");
        Files.writeString(resolvConf, ORIGINAL_RESOLV_CONF);
        before = bed.client.networkSnapshot();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (tun != null) tun.close();
        if (bed != null) bed.close();
    }

    @Test
    void fullTunnelSendsEverythingIntoTheTunnelExceptTheHeadendWhichKeepsEachWansGateway() throws Exception {
        try (NetworkConfigurator config = open()) {
            config.configureInterface(new InterfaceSettings(TUN, List.of(IpPrefix.parse("100.96.0.2/16")), 1380));
            config.pinWans(bed.wans());
            config.applyRoutes(new TunnelRoutes(TUN, RouteMode.FULL, List.of(), List.of(HEADEND), bed.wans(), false));

            assertThat(routeGet("198.18.99.1")).contains("dev braid0");
            assertThat(routeGet("100.96.7.7")).contains("dev braid0");
            assertThat(routeGet("198.18.3.2")).contains("via 198.18.1.1 dev wan1");
            assertThat(routeGet("198.18.3.2", "from", "198.18.2.2")).contains("via 198.18.2.1 dev wan2");
            assertThat(bed.client.exec("ip", "address", "show", "dev", TUN)).contains("inet 100.96.0.2/16").contains("mtu 1380").contains("UP");
        }
        assertThat(bed.client.networkSnapshot()).isEqualTo(before);
    }

    @Test
    void splitTunnelSendsOnlyThePushedRoutesIntoTheTunnel() throws Exception {
        try (NetworkConfigurator config = open()) {
            config.configureInterface(new InterfaceSettings(TUN, List.of(IpPrefix.parse("100.96.0.2/16")), 1400));
            config.applyRoutes(new TunnelRoutes(TUN, RouteMode.SPLIT, List.of(IpPrefix.parse("198.18.100.0/24")), List.of(HEADEND), bed.wans(), false));

            assertThat(routeGet("198.18.100.9")).contains("dev braid0");
            assertThat(routeGet("198.18.99.1")).contains("dev wan1");
        }
        assertThat(bed.client.networkSnapshot()).isEqualTo(before);
    }

    @Test
    void pushedDnsReplacesTheResolverFileAndInFullTunnelDnsCannotLeaveOutsideTheTunnel() throws Exception {
        try (NetworkConfigurator config = open()) {
            config.configureInterface(new InterfaceSettings(TUN, List.of(IpPrefix.parse("100.96.0.2/16")), 1400));
            config.applyRoutes(new TunnelRoutes(TUN, RouteMode.FULL, List.of(), List.of(HEADEND), bed.wans(), false));
            config.applyDns(new DnsSettings(TUN, List.of(IpPrefix.literal("100.96.0.53")), List.of("corp.example"), true));

            assertThat(Files.readString(resolvConf)).contains("nameserver 100.96.0.53\n").contains("search corp.example\n").doesNotContain("198.18.1.1");
            assertThat(udp("198.18.1.1", 53)).as("the WAN's resolver, outside the tunnel").isFalse();
            assertThat(udp("198.18.1.1", 5353)).as("other traffic is not touched").isTrue();
            assertThat(udp("100.96.0.53", 53)).as("the pushed resolver through the tunnel").isTrue();
        }
        assertThat(Files.readString(resolvConf)).isEqualTo(ORIGINAL_RESOLV_CONF);
        assertThat(udp("198.18.1.1", 53)).isTrue();
        assertThat(bed.client.networkSnapshot()).isEqualTo(before);
    }

    @Test
    void killSwitchOnLetsOutOnlyTheTunnelTheHeadendAndTheAllowedLanUntilTheAgentStops() throws Exception {
        try (NetworkConfigurator config = open()) {
            config.applyKillSwitch(policy(KillSwitchLevel.ON));

            assertThat(udp("198.18.3.2", 4000)).as("headend").isTrue();
            assertThat(udp("198.18.3.1", 4000)).as("elsewhere on the internet").isFalse();
            assertThat(udp("198.18.1.1", 4000)).as("the allowed LAN").isTrue();
            config.configureInterface(new InterfaceSettings(TUN, List.of(IpPrefix.parse("100.96.0.2/16")), 1400));
            assertThat(udp("100.96.0.1", 4000)).as("through the tunnel").isTrue();
        }
        assertThat(udp("198.18.3.1", 4000)).as("after a clean stop").isTrue();
        assertThat(bed.client.networkSnapshot()).isEqualTo(before);
    }

    @Test
    void lockdownStaysAfterStopAndRestartUntilLiftedExplicitly() throws Exception {
        try (NetworkConfigurator config = open()) {
            config.applyKillSwitch(policy(KillSwitchLevel.LOCKDOWN));
        }
        assertThat(udp("198.18.3.1", 4000)).as("agent stopped: still fail-closed").isFalse();

        try (NetworkConfigurator restarted = open()) {
            assertThat(udp("198.18.3.1", 4000)).as("a restart reconciles but keeps lockdown").isFalse();
            assertThat(udp("198.18.3.2", 4000)).isTrue();
            restarted.liftKillSwitch();
            assertThat(udp("198.18.3.1", 4000)).isTrue();
        }
        assertThat(bed.client.networkSnapshot()).isEqualTo(before);
    }

    private KillSwitchPolicy policy(KillSwitchLevel level) {
        return new KillSwitchPolicy(level, TUN, List.of(HEADEND), List.of(IpPrefix.parse("198.18.1.0/24")));
    }

    private NetworkConfigurator open() throws IOException {
        LinuxPlanner planner = new LinuxPlanner(bed.client.runner(), LinuxOptions.defaults(stateDir).withResolvConf(resolvConf));
        return NetworkConfigurators.open(stateDir, planner, bed.client.runner());
    }

    private String routeGet(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("ip", "route", "get"));
        command.addAll(List.of(args));
        return bed.client.exec(command.toArray(String[]::new));
    }

    private boolean udp(String address, int port) throws IOException {
        return bed.client.udpSendAllowed(new InetSocketAddress(IpPrefix.literal(address), port));
    }

}
