package io.braid.core.netcfg.macos;

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
import io.braid.core.netcfg.WanLink;
import io.braid.core.testing.RecordingCommandRunner;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** macOS commands, applied and undone through the journal, against recorded ifconfig/pfctl output. */
class MacPlannerTest {
    static final WanLink EN0 = new WanLink("en0", IpPrefix.literal("192.0.2.10"), IpPrefix.literal("192.0.2.1"));
    static final WanLink EN1 = new WanLink("en1", IpPrefix.literal("198.51.100.10"), IpPrefix.literal("198.51.100.1"));

    @TempDir java.nio.file.Path stateDir;
    final RecordingCommandRunner runner = new RecordingCommandRunner()
            .answer("ifconfig utun3", "utun3: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1500\n")
            .answer("pfctl -s info", "Status: Disabled for 0 days 00:00:00           Debug: Urgent\n");

    @Test
    void theTunnelGetsItsAddressesSubnetRouteAndMtuAndGivesThemBack() throws IOException {
        try (NetworkConfigurator config = open()) {
            config.configureInterface(new InterfaceSettings("utun3", List.of(IpPrefix.parse("100.96.0.2/16"), IpPrefix.parse("fd00:b::2/64")), 1380));
            assertThat(runner.commands()).containsSubsequence(
                    "ifconfig utun3 inet 100.96.0.2 100.96.0.2 netmask 255.255.0.0 alias",
                    "route -q -n add -inet 100.96.0.0/16 -interface utun3",
                    "ifconfig utun3 inet6 fd00:b:0:0:0:0:0:2 prefixlen 64 alias",
                    "ifconfig utun3 mtu 1380",
                    "ifconfig utun3 up");
            runner.clear();
        }
        assertThat(runner.commands()).containsExactly(
                "ifconfig utun3 down",
                "ifconfig utun3 mtu 1500",
                "ifconfig utun3 inet6 fd00:b:0:0:0:0:0:2 -alias",
                "route -q -n delete -inet 100.96.0.0/16 -interface utun3",
                "ifconfig utun3 inet 100.96.0.2 -alias");
    }

    @Test
    void fullTunnelKeepsTheHeadendOnEveryWanWithScopedRoutesAndBlocksIpv6WhenTheTunnelHasNone() throws IOException {
        try (NetworkConfigurator config = open()) {
            config.applyRoutes(new TunnelRoutes("utun3", RouteMode.FULL, List.of(), List.of(IpPrefix.literal("203.0.113.5")), List.of(EN0, EN1), false));
            assertThat(runner.commands()).containsExactly(
                    "route -q -n add -inet 203.0.113.5/32 192.0.2.1",
                    "route -q -n add -inet 203.0.113.5/32 192.0.2.1 -ifscope en0",
                    "route -q -n add -inet 203.0.113.5/32 198.51.100.1 -ifscope en1",
                    "route -q -n add -inet 0.0.0.0/1 -interface utun3",
                    "route -q -n add -inet 128.0.0.0/1 -interface utun3",
                    "route -q -n add -inet6 0:0:0:0:0:0:0:0/1 ::1 -blackhole",
                    "route -q -n add -inet6 8000:0:0:0:0:0:0:0/1 ::1 -blackhole");
        }
    }

    @Test
    void dnsIsAServiceEntryInTheDynamicStoreAndFullTunnelAddsThePfDnsGuard() throws IOException {
        try (NetworkConfigurator config = open()) {
            config.applyDns(new DnsSettings("utun3", List.of(IpPrefix.literal("100.96.0.53")), List.of("corp.example"), true));
            assertThat(runner.stdinOf("scutil")).isEqualTo("""
                    d.init
                    d.add ServerAddresses * 100.96.0.53
                    d.add SearchDomains * corp.example
                    d.add SupplementalMatchDomains * ""
                    set State:/Network/Service/io.braid.utun3/DNS
                    quit
                    """);
            assertThat(runner.stdinOf("pfctl -a com.apple/251.BraidDnsGuard -f -")).contains("pass out quick on utun3 proto { tcp, udp } to any port { 53, 853 }")
                    .endsWith("block drop out quick proto { tcp, udp } to any port { 53, 853 }\n");
            runner.clear();
        }
        assertThat(runner.commands()).containsExactly("pfctl -a com.apple/251.BraidDnsGuard -F all", "pfctl -d", "scutil");
    }

    @Test
    void killSwitchIsAPfAnchorThatEnablesPfOnlyIfItWasOffAndLockdownOutlivesTheAgent() throws IOException {
        try (NetworkConfigurator config = open()) {
            config.applyKillSwitch(new KillSwitchPolicy(KillSwitchLevel.LOCKDOWN, "utun3", List.of(IpPrefix.literal("203.0.113.5")), List.of(IpPrefix.parse("192.168.1.0/24"))));
            assertThat(runner.stdinOf("pfctl -a com.apple/250.BraidKillSwitch -f -"))
                    .startsWith("pass out quick on lo0 all\npass out quick on utun3 all\npass out quick to { 203.0.113.5 }\n")
                    .contains("pass out quick to { 192.168.1.0/24 }\n").endsWith("block drop out quick all\n");
            assertThat(runner.commands()).contains("pfctl -e");
            runner.clear();
        }
        assertThat(runner.commands()).as("a clean stop keeps lockdown").isEmpty();

        try (NetworkConfigurator restarted = open()) {
            restarted.liftKillSwitch();
        }
        assertThat(runner.commands()).containsExactly("pfctl -a com.apple/250.BraidKillSwitch -F all", "pfctl -d");
    }

    private NetworkConfigurator open() throws IOException {
        return NetworkConfigurators.open(stateDir, new MacPlanner(runner), runner);
    }
}
