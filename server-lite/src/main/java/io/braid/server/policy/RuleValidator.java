package io.braid.server.policy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.enroll.EnrollmentKeyService;
import io.braid.server.store.PolicyRule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks an access rule as an admin typed it and returns it in canonical form, or says exactly what is
 * wrong: the group is {@code *} or a valid group name; the destination a CIDR whose host bits are zero
 * (198.18.10.5/24 is refused rather than silently widened); the protocol tcp, udp, icmp or any; ports
 * only with tcp or udp, 1 to 65535, from not above to.
 */
public final class RuleValidator {
    public static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "any");
    private static final int MAX_DESCRIPTION = 200;

    private RuleValidator() {}

    /** The fields of a rule an admin sets; {@code portTo} defaults to {@code portFrom} (one port). */
    public record RuleRequest(String group, String destination, String protocol, Integer portFrom, Integer portTo, String description) {}

    public static RuleRequest validate(RuleRequest r) {
        String group = r.group() == null ? null : r.group().strip();
        if (!PolicyRule.EVERY_GROUP.equals(group)) {
            if (group == null || group.isEmpty()) {
                throw bad("group is required: a group name, or * for every device");
            }
            EnrollmentKeyService.validGroups(List.of(group));
        }
        String destination = cidr(r.destination());
        String protocol = r.protocol() == null ? null : r.protocol().strip().toLowerCase(Locale.ROOT);
        if (protocol == null || !PROTOCOLS.contains(protocol)) {
            throw bad("protocol must be tcp, udp, icmp or any");
        }
        Integer from = r.portFrom();
        Integer to = r.portTo() != null ? r.portTo() : from;
        if (from == null && to != null) {
            throw bad("portTo needs portFrom");
        }
        if (from != null) {
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw bad("ports apply only to tcp and udp, not " + protocol);
            }
            if (from < 1 || from > 65535 || to < 1 || to > 65535) {
                throw bad("ports are 1 to 65535");
            }
            if (from > to) {
                throw bad("portFrom " + from + " is above portTo " + to);
            }
        }
        String description = r.description() == null ? null : r.description().strip();
        if (description != null && (description.length() > MAX_DESCRIPTION || description.chars().anyMatch(Character::isISOControl))) {
            throw bad("a description has at most " + MAX_DESCRIPTION + " printable characters");
        }
        return new RuleRequest(group, destination, protocol, from, to, description == null || description.isEmpty() ? null : description);
    }

    /** A CIDR with zero host bits, in the address's canonical text (IPv6 compressed as the JDK writes it). */
    static String cidr(String value) {
        String v = value == null ? "" : value.strip();
        int slash = v.indexOf('/');
        if (slash < 0 || !v.substring(slash + 1).matches("\\d{1,3}")) {
            throw bad("destination must be a CIDR like 198.18.10.0/24 or fd00::/64 (got '" + value + "')");
        }
        String addr = v.substring(0, slash);
        byte[] bytes;
        try {
            if (!addr.contains(":") && !addr.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                throw new IllegalArgumentException();
            }
            bytes = InetAddress.ofLiteral(addr).getAddress();
        } catch (IllegalArgumentException e) {
            throw bad("destination '" + value + "' does not start with an IP address");
        }
        int prefix = Integer.parseInt(v.substring(slash + 1));
        if (prefix > bytes.length * 8) {
            throw bad("destination '" + value + "' has a prefix longer than " + bytes.length * 8);
        }
        for (int bit = prefix; bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                throw bad("destination '" + value + "' has host bits set; the network is " + network(bytes, prefix));
            }
        }
        return text(bytes) + "/" + prefix;
    }

    private static String network(byte[] bytes, int prefix) {
        byte[] copy = bytes.clone();
        for (int bit = prefix; bit < copy.length * 8; bit++) {
            copy[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        return text(copy) + "/" + prefix;
    }

    private static String text(byte[] bytes) {
        try {
            String t = InetAddress.getByAddress(bytes).getHostAddress();
            return bytes.length == 16 ? compress(t) : t;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 5952 text for an IPv6 address the JDK wrote in full (drops leading zeros, compresses the longest zero run). */
    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }

    private static BraidException bad(String message) {
        return new BraidException(ErrorCode.BAD_INPUT, message);
    }
}
