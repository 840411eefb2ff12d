package io.braid.core.netcfg.linux;

import io.braid.core.netcfg.Change;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.KillSwitchLevel;
import io.braid.core.netcfg.KillSwitchPolicy;
import io.braid.core.netcfg.Step;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kill switch as one nftables table whose output chain drops by default and lets out only:
 * loopback, the tunnel, the headends (on any WAN), DHCP, IPv6 neighbour discovery and, if asked,
 * the LAN. A table survives the process, which is what lockdown needs.
 */
final class LinuxKillSwitch {
    static final String TABLE = "braid_killswitch";

    Change change(KillSwitchPolicy policy) {
        String script = NftScript.replaceTable(TABLE, chain(policy));
        return new Change("kill switch " + policy.level().wireName(), "kill-switch",
                List.of(new Step.Run(List.of("nft", "-f", "-"), script)),
                List.of(Step.Run.of("nft", "delete", "table", "inet", TABLE)),
                Change.KILL_SWITCH, policy.level() == KillSwitchLevel.LOCKDOWN);
    }

    static String chain(KillSwitchPolicy policy) {
        StringBuilder rules = new StringBuilder();
        rules.append("  chain output {\n");
        rules.append("    type filter hook output priority 0; policy drop;\n");
        rules.append("    oifname \"lo\" accept\n");
        rules.append("    oifname \"").append(policy.tunnelName()).append("\" accept\n");
        addressRule(rules, "ip", v4(policy.headends().stream()));
        addressRule(rules, "ip6", v6(policy.headends().stream()));
        rules.append("    udp sport 68 udp dport 67 accept\n");
        rules.append("    udp sport 546 udp dport 547 accept\n");
        rules.append("    icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert, nd-redirect,"
                + " mld-listener-report, mld2-listener-report } accept\n");
        List<String> lan = policy.lanPrefixes().stream().map(IpPrefix::toString).toList();
        addressRule(rules, "ip", lan.stream().filter(p -> !p.contains(":")).toList());
        addressRule(rules, "ip6", lan.stream().filter(p -> p.contains(":")).toList());
        rules.append("  }\n");
        return rules.toString();
    }

    private static void addressRule(StringBuilder rules, String family, List<String> addresses) {
        if (addresses.isEmpty()) return;
        rules.append("    ").append(family).append(" daddr { ").append(String.join(", ", addresses)).append(" } accept\n");
    }

    private static List<String> v4(Stream<InetAddress> addresses) {
        return addresses.filter(a -> !(a instanceof Inet6Address)).map(IpPrefix::text).collect(Collectors.toList());
    }

    private static List<String> v6(Stream<InetAddress> addresses) {
        return addresses.filter(a -> a instanceof Inet6Address).map(IpPrefix::text).collect(Collectors.toList());
    }
}
