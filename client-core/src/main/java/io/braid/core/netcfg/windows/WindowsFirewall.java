package io.braid.core.netcfg.windows;

import io.braid.core.netcfg.Change;
import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.KillSwitchLevel;
import io.braid.core.netcfg.KillSwitchPolicy;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kill switch in Windows Defender Firewall: every profile's default outbound action becomes
 * Block, and allow rules in the group "Braid kill switch" let out the tunnel interface, the
 * headends, DHCP, IPv6 neighbour discovery and optionally the LAN (loopback is never filtered).
 * Undo removes the group and puts back each profile's own settings, read before the first apply.
 * Firewall settings persist across reboots, which is what lockdown wants.
 */
final class WindowsFirewall {
    static final String GROUP = "Braid kill switch";
    private final CommandRunner runner;

    WindowsFirewall(CommandRunner runner) {
        this.runner = runner;
    }

    Change killSwitch(KillSwitchPolicy policy) throws IOException {
        List<String> profiles = currentProfiles();
        StringBuilder undo = new StringBuilder("Remove-NetFirewallRule -Group '" + GROUP + "' -ErrorAction SilentlyContinue\n");
        for (String p : profiles) {
            String[] f = p.split("=");
            undo.append("Set-NetFirewallProfile -Name ").append(f[0]).append(" -DefaultOutboundAction ").append(f[1]).append(" -Enabled ").append(f[2]).append('\n');
        }
        return new Change("kill switch " + policy.level().wireName(), "kill-switch", List.of(PowerShell.step(applyScript(policy))),
                List.of(PowerShell.step(undo.toString())), Change.KILL_SWITCH, policy.level() == KillSwitchLevel.LOCKDOWN);
    }

    /** Lines "Domain=NotConfigured=True": each profile's default outbound action and whether it is on. */
    private List<String> currentProfiles() throws IOException {
        String out = runner.run(PowerShell.COMMAND,
                "Get-NetFirewallProfile | ForEach-Object { \"$($_.Name)=$($_.DefaultOutboundAction)=$($_.Enabled)\" }\n").stdout();
        List<String> profiles = out.lines().map(String::strip).filter(l -> l.matches("\\w+=\\w+=\\w+")).toList();
        if (profiles.isEmpty()) throw new IOException("could not read the firewall profiles (Get-NetFirewallProfile printed: " + out.strip() + ")");
        return profiles;
    }

    static String applyScript(KillSwitchPolicy policy) {
        StringBuilder s = new StringBuilder("$ErrorActionPreference = 'Stop'\n");
        s.append("Remove-NetFirewallRule -Group '").append(GROUP).append("' -ErrorAction SilentlyContinue\n");
        allow(s, "tunnel", "-InterfaceAlias " + PowerShell.quote(policy.tunnelName()));
        if (!policy.headends().isEmpty()) allow(s, "headends", "-RemoteAddress " + quoted(policy.headends().stream().map(IpPrefix::text).toList()));
        allow(s, "DHCP", "-Protocol UDP -LocalPort 68 -RemotePort 67");
        allow(s, "DHCPv6", "-Protocol UDP -LocalPort 546 -RemotePort 547");
        allow(s, "neighbour discovery", "-Protocol ICMPv6 -IcmpType 133,134,135,136,137");
        if (!policy.lanPrefixes().isEmpty()) allow(s, "LAN", "-RemoteAddress " + quoted(policy.lanPrefixes().stream().map(IpPrefix::toString).toList()));
        s.append("Set-NetFirewallProfile -All -Enabled True -DefaultOutboundAction Block\n");
        return s.toString();
    }

    private static void allow(StringBuilder s, String what, String match) {
        s.append("New-NetFirewallRule -Group '").append(GROUP).append("' -DisplayName 'Braid: ").append(what)
                .append("' -Direction Outbound -Action Allow ").append(match).append(" | Out-Null\n");
    }

    private static String quoted(List<String> values) {
        return values.stream().map(PowerShell::quote).collect(Collectors.joining(","));
    }

}
