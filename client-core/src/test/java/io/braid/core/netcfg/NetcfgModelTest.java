package io.braid.core.netcfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error before anything touches the OS. */
class NetcfgModelTest {
    @Test
    void prefixesParseLiteralAddressesOnlyNeverHostNames() {
        assertThat(IpPrefix.parse("100.96.0.2/16")).hasToString("100.96.0.2/16");
        assertThat(IpPrefix.parse("198.18.3.2").length()).isEqualTo(32);
        assertThat(IpPrefix.parse("fd00::1/64").isIpv6()).isTrue();
        assertThatThrownBy(() -> IpPrefix.parse("example.com")).hasMessage("'example.com' is not an IP address");
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/33")).hasMessage("prefix length 33 is outside 0..32");
    }

    @Test
    void masksAndNetworks() {
        assertThat(Netmasks.ipv4Mask(16)).isEqualTo("255.255.0.0");
        assertThat(Netmasks.ipv4Mask(0)).isEqualTo("0.0.0.0");
        assertThat(Netmasks.ipv4Mask(32)).isEqualTo("255.255.255.255");
        assertThat(Netmasks.network(IpPrefix.parse("100.96.7.2/16"))).hasToString("100.96.0.0/16");
    }

    @Test
    void killSwitchLevelsHaveStableWireNames() {
        assertThat(List.of(KillSwitchLevel.values())).extracting(KillSwitchLevel::wireName).containsExactly("off", "on", "lockdown");
        assertThat(KillSwitchLevel.fromWireName("lockdown")).isEqualTo(KillSwitchLevel.LOCKDOWN);
        assertThatThrownBy(() -> KillSwitchLevel.fromWireName("ON")).hasMessageContaining("one of off, on, lockdown");
    }

    @Test
    void settingsRejectWhatNoOsWouldAccept() {
        assertThatThrownBy(() -> new InterfaceSettings("t", List.of(), 100)).hasMessageContaining("MTU 100");
        assertThatThrownBy(() -> new DnsSettings("t", List.of(), List.of(), false)).hasMessageContaining("at least one resolver");
        assertThatThrownBy(() -> new DnsSettings("t", List.of(IpPrefix.literal("100.96.0.53")), List.of("a b; rm"), false)).hasMessageContaining("not a domain name");
        assertThatThrownBy(() -> new WanLink("wan1", IpPrefix.literal("198.18.1.2"), IpPrefix.literal("fe80::1"))).hasMessageContaining("different IP versions");
    }

    @Test
    void aFailedCommandSaysWhichCommandAndWhy() {
        CommandFailedException e = new CommandFailedException(new CommandResult(List.of("ip", "route", "add", "x"), 2, "", "Error: any valid prefix is expected.\n"));
        assertThat(e).hasMessage("'ip route add x' exited with 2: Error: any valid prefix is expected.");
    }
}
