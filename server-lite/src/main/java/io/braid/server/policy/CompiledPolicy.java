package io.braid.server.policy;

import io.braid.core.netcfg.IpPrefix;
import io.braid.core.packet.IpHeader;
import io.braid.server.store.PolicyRule;
import java.util.List;

/**
 * Rules in a form the headend can check per packet without allocating: prefixes as masked longs,
 * groups as strings compared by identity-first equality. Immutable; a policy change compiles a new
 * one and swaps it in, so running sessions pick it up without restart.
 */
public final class CompiledPolicy {
    private final List<PolicyRule> rules;
    private final String[] groups;
    private final int[] version;
    private final long[] netHi;
    private final long[] netLo;
    private final long[] maskHi;
    private final long[] maskLo;
    private final int[] protocol;
    private final int[] portFrom;
    private final int[] portTo;

    public CompiledPolicy(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
        int n = rules.size();
        groups = new String[n];
        version = new int[n];
        netHi = new long[n];
        netLo = new long[n];
        maskHi = new long[n];
        maskLo = new long[n];
        protocol = new int[n];
        portFrom = new int[n];
        portTo = new int[n];
        for (int i = 0; i < n; i++) {
            PolicyRule r = rules.get(i);
            IpPrefix prefix = IpPrefix.parse(r.destination());
            byte[] a = prefix.address().getAddress();
            groups[i] = r.group();
            version[i] = a.length == 4 ? 4 : 6;
            if (a.length == 4) {
                long mask = prefix.length() == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix.length())) & 0xFFFFFFFFL;
                netLo[i] = toLong(a, 0, 4) & mask;
                maskLo[i] = mask;
            } else {
                int len = prefix.length();
                maskHi[i] = len == 0 ? 0 : len >= 64 ? -1L : -1L << (64 - len);
                maskLo[i] = len <= 64 ? 0 : len == 128 ? -1L : -1L << (128 - len);
                netHi[i] = toLong(a, 0, 8) & maskHi[i];
                netLo[i] = toLong(a, 8, 8) & maskLo[i];
            }
            protocol[i] = switch (r.protocol()) {
                case "tcp" -> IpHeader.TCP;
                case "udp" -> IpHeader.UDP;
                case "icmp" -> -2; // ICMP or ICMPv6, by IP version
                default -> -1;
            };
            portFrom[i] = r.portFrom() == null ? 0 : r.portFrom();
            portTo[i] = r.portTo() == null ? 65535 : r.portTo();
        }
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    /** Whether a device in {@code deviceGroups} may open the flow the packet starts. */
    public boolean allows(List<String> deviceGroups, IpHeader p) {
        for (int i = 0; i < groups.length; i++) {
            if (version[i] != p.version()) {
                continue;
            }
            if ((p.dstHi() & maskHi[i]) != netHi[i] || (p.dstLo() & maskLo[i]) != netLo[i]) {
                continue;
            }
            int proto = protocol[i];
            if (proto == -2 ? p.protocol() != IpHeader.ICMP && p.protocol() != IpHeader.ICMPV6 : proto >= 0 && proto != p.protocol()) {
                continue;
            }
            if (proto >= 0 && (p.dstPort() < portFrom[i] || p.dstPort() > portTo[i])) {
                continue;
            }
            if (PolicyRule.EVERY_GROUP.equals(groups[i]) || deviceGroups.contains(groups[i])) {
                return true;
            }
        }
        return false;
    }

    private static long toLong(byte[] a, int offset, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (a[offset + i] & 0xFF);
        }
        return v;
    }
}
