package io.braid.core.netcfg.windows;

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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows commands, applied and undone through the journal, against recorded netsh/PowerShell output. */
class WindowsPlannerTest {
    static final WanLink WIFI = new WanLink("Wi-Fi", IpPrefix.literal("192.0.2.10"), IpPrefix.literal("192.0.2.1"));
    static final WanLink LTE = new WanLink("Cellular", IpPrefix.literal("198.51.100.10"), IpPrefix.literal("198.51.100.1"));

    @TempDir Path stateDir;
    final RecordingCommandRunner runner = new RecordingCommandRunner()
            .answer("netsh interface ipv4 show subinterface", """

                       MTU  MediaSenseState   Bytes In  Bytes Out  Interface
                    ------  ---------------  ---------  ---------  -------------
                      1500                1          0          0  Braid

                    """)
            .answer("powershell.exe", "Domain=NotConfigured=True\r\nPrivate=NotConfigured=True\r\nPublic=Allow=False\r\n");

    @Test
    void theAdapterGetsItsAddressesAndMtuThroughNetshAndGivesThemBack() throws IOException {
        try (NetworkConfigurator config = open()) {
            config.configureInterface(new InterfaceSettings("Braid", List.of(IpPrefix.parse("100.96.0.2/16"), IpPrefix.parse("fd00:b::2/64")), 1380));
            assertThat(runner.commands()).containsSubsequence(
                    "netsh interface ipv4 add address name=Braid address=100.96.0.2 mask=255.255.0.0 store=active",
                    "netsh interface ipv6 add address interface=Braid address=fd00:b:0:0:0:0:0:2/64 store=active",
                    "netsh interface ipv4 set subinterface interface=Braid mtu=1380 store=active",
                    "netsh interface set interface name=Braid admin=enabled");
            runner.clear();
        }
        assertThat(runner.commands()).containsExactly(
                "netsh interface set interface name=Braid admin=disabled",
                "netsh interface ipv4 set subinterface interface=Braid mtu=1500 store=active",
                "netsh interface ipv6 delete address interface=Braid address=fd00:b:0:0:0:0:0:2",
                "netsh interface ipv4 delete address name=Braid address=100.96.0.2");
    }

    @Test
    void fullTunnelRoutesTheHeadendThroughEachWansGatewayWithItsOwnMetric() throws IOException {
        try (NetworkConfigurator config = open()) {
            config.applyRoutes(new TunnelRoutes("Braid", RouteMode.FULL, List.of(), List.of(IpPrefix.literal("203.0.113.5")), List.of(WIFI, LTE), false));
            assertThat(runner.commands()).startsWith(
                    "netsh interface ipv4 add route prefix=203.0.113.5/32 interface=Wi-Fi nexthop=192.0.2.1 metric=5 store=active",
                    "netsh interface ipv4 add route prefix=203.0.113.5/32 interface=Cellular nexthop=198.51.100.1 metric=6 store=active",
                    "netsh interface ipv4 add route prefix=0.0.0.0/1 interface=Braid store=active",
                    "netsh interface ipv4 add route prefix=128.0.0.0/1 interface=Braid store=active",
                    "netsh interface ipv6 add route prefix=0:0:0:0:0:0:0:0/1 interface=Braid store=active");
            runner.clear();
        }
        assertThat(runner.commands()).endsWith("netsh interface ipv4 delete route prefix=203.0.113.5/32 interface=Wi-Fi nexthop=192.0.2.1");
    }

    @Test
    void exclusiveDnsPinsEveryNameToTheTunnelResolversWithAnNrptRule() throws IOException {
        try (NetworkConfigurator config = open()) {
            config.applyDns(new DnsSettings("Braid", List.of(IpPrefix.literal("100.96.0.53"), IpPrefix.literal("100.96.0.54")), List.of("corp.example"), true));
            assertThat(runner.commands()).startsWith(
                    "netsh interface ipv4 set dnsservers name=Braid source=static address=100.96.0.53 register=none validate=no",
                    "netsh interface ipv4 add dnsservers name=Braid address=100.96.0.54 index=2 validate=no");
            assertThat(runner.stdinOf("powershell.exe")).contains("Set-DnsClient -InterfaceAlias 'Braid' -ConnectionSpecificSuffix 'corp.example'")
                    .contains("Add-DnsClientNrptRule -Namespace '.' -NameServers '100.96.0.53','100.96.0.54' -Comment 'Braid'");
            runner.clear();
        }
        assertThat(runner.commands()).startsWith("netsh interface ipv4 delete dnsservers name=Braid address=all validate=no");
    }

    @Test
    void killSwitchBlocksOutboundByDefaultAndRestoresEachProfileAsItWas() throws IOException {
        try (NetworkConfigurator config = open()) {
            config.applyKillSwitch(new KillSwitchPolicy(KillSwitchLevel.ON, "Braid", List.of(IpPrefix.literal("203.0.113.5")), List.of()));
            String apply = WindowsFirewall.applyScript(new KillSwitchPolicy(KillSwitchLevel.ON, "Braid", List.of(IpPrefix.literal("203.0.113.5")), List.of()));
            assertThat(apply).contains("-DisplayName 'Braid: tunnel' -Direction Outbound -Action Allow -InterfaceAlias 'Braid'")
                    .contains("-RemoteAddress '203.0.113.5'").doesNotContain("Braid: LAN")
                    .endsWith("Set-NetFirewallProfile -All -Enabled True -DefaultOutboundAction Block\n");
            runner.clear();
        }
        assertThat(runner.stdinOf("powershell.exe")).isEqualTo("""
                Remove-NetFirewallRule -Group 'Braid kill switch' -ErrorAction SilentlyContinue
                Set-NetFirewallProfile -Name Domain -DefaultOutboundAction NotConfigured -Enabled True
                Set-NetFirewallProfile -Name Private -DefaultOutboundAction NotConfigured -Enabled True
                Set-NetFirewallProfile -Name Public -DefaultOutboundAction Allow -Enabled False
                """);
    }

    @Test
    void powerShellStringsCannotBreakOutOfTheirQuotes() {
        assertThat(PowerShell.quote("it's")).isEqualTo("'it''s'");
    }

    private NetworkConfigurator open() throws IOException {
        return NetworkConfigurators.open(stateDir, new WindowsPlanner(runner), runner);
    }
}
