package io.braid.server.policy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.netcfg.IpPrefix;
import java.util.Locale;

/**
 * One allow rule: devices in {@code group} ({@code *} = every device) may open flows to
 * {@code destination} with {@code protocol} ({@code any}, {@code tcp}, {@code udp}, {@code icmp}) and,
 * for TCP and UDP, destination ports {@code portFrom..portTo} (0..65535 = all). Anything no rule
 * allows is denied; replies to an allowed flow pass.
 */
public record PolicyRule(String group, String destination, String protocol, int portFrom, int portTo) {
    public static final String ANY_GROUP = "*";

    public PolicyRule {
        if (group == null || !(group.equals(ANY_GROUP) || group.matches("[a-z0-9][a-z0-9_.-]{0,63}"))) {
            throw bad("group must be * or a group name, not " + group);
        }
        try {
            if (!destination.contains("/")) {
                throw new IllegalArgumentException("no prefix length");
            }
            IpPrefix.parse(destination);
        } catch (RuntimeException e) {
            throw bad("destination must be a CIDR such as 198.18.10.0/24, not " + destination);
        }
        protocol = protocol == null ? "any" : protocol.toLowerCase(Locale.ROOT);
        if (!protocol.matches("any|tcp|udp|icmp")) {
            throw bad("protocol must be any, tcp, udp or icmp, not " + protocol);
        }
        if (portFrom < 0 || portTo > 65535 || portFrom > portTo) {
            throw bad("ports must be a range within 0..65535");
        }
        if ((protocol.equals("icmp") || protocol.equals("any")) && !(portFrom == 0 && portTo == 65535)) {
            throw bad("ports only apply to tcp or udp rules");
        }
    }

    /** Every port and protocol to a destination, for every device: what a fresh server allows to each --route. */
    public static PolicyRule everyoneTo(String cidr) {
        return new PolicyRule(ANY_GROUP, cidr, "any", 0, 65535);
    }

    private static BraidException bad(String message) {
        return new BraidException(ErrorCode.BAD_INPUT, message);
    }
}
