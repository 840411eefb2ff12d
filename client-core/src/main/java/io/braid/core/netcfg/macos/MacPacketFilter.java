package io.braid.core.netcfg.macos;

import io.braid.core.netcfg.Change;
import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.KillSwitchLevel;
import io.braid.core.netcfg.KillSwitchPolicy;
import io.braid.core.netcfg.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The kill switch and DNS guard as pf anchors under {@code com.apple/}: macOS's stock pf.conf
 * evaluates {@code anchor "com.apple/*"}, so rules loaded there apply without editing pf.conf.
 * pf is enabled if it was off, and turned off again at undo only in that case. pf rules live
 * until reboot; a lockdown agent started at boot puts them back before any network use.
 */
final class MacPacketFilter {
    static final String KILL_SWITCH_ANCHOR = "com.apple/250.BraidKillSwitch";
    static final String DNS_ANCHOR = "com.apple/251.BraidDnsGuard";
    private final CommandRunner runner;

    MacPacketFilter(CommandRunner runner) {
        this.runner = runner;
    }

    Change killSwitch(KillSwitchPolicy policy) throws IOException {
        StringBuilder rules = new StringBuilder();
        rules.append("pass out quick on lo0 all\n");
        rules.append("pass out quick on ").append(policy.tunnelName()).append(" all\n");
        table(rules, policy.headends().stream().map(IpPrefix::text).toList());
        rules.append("pass out quick proto udp from any port 68 to any port 67\n");
        rules.append("pass out quick proto udp from any port 546 to any port 547\n");
        rules.append("pass out quick inet6 proto ipv6-icmp icmp6-type { routersol, routeradv, neighbrsol, neighbradv, redir }\n");
        table(rules, policy.lanPrefixes().stream().map(IpPrefix::toString).toList());
        rules.append("block drop out quick all\n");
        return anchorChange("kill switch " + policy.level().wireName(), "kill-switch", KILL_SWITCH_ANCHOR, rules.toString(),
                Change.KILL_SWITCH, policy.level() == KillSwitchLevel.LOCKDOWN);
    }

    Change dnsGuard(String tunnel) throws IOException {
        String rules = "pass out quick on lo0 proto { tcp, udp } to any port { 53, 853 }\n"
                + "pass out quick on " + tunnel + " proto { tcp, udp } to any port { 53, 853 }\n"
                + "block drop out quick proto { tcp, udp } to any port { 53, 853 }\n";
        return anchorChange("DNS leak guard outside " + tunnel, "dns-guard", DNS_ANCHOR, rules, Change.NETWORK, false);
    }

    private static void table(StringBuilder rules, List<String> destinations) {
        if (!destinations.isEmpty()) rules.append("pass out quick to { ").append(String.join(", ", destinations)).append(" }\n");
    }

    private Change anchorChange(String description, String key, String anchor, String rules, String group, boolean survives) throws IOException {
        boolean wasEnabled = runner.execute(List.of("pfctl", "-s", "info"), null).stdout().contains("Status: Enabled");
        List<Step> apply = new ArrayList<>(List.of(new Step.Run(List.of("pfctl", "-a", anchor, "-f", "-"), rules)));
        List<Step> undo = new ArrayList<>(List.of(new Step.TryRun(List.of("pfctl", "-a", anchor, "-F", "all"))));
        if (!wasEnabled) {
            apply.add(new Step.TryRun(List.of("pfctl", "-e")));
            undo.add(new Step.TryRun(List.of("pfctl", "-d")));
        }
        return new Change(description, key, apply, undo, group, survives);
    }

}
