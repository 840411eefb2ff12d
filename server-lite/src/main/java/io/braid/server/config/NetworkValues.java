package io.braid.server.config;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of the network values an operator types (host names, addresses, CIDRs), and the default public hosts. */
public final class NetworkValues {
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private NetworkValues() {}

    /** A DNS name or an IP literal, as given to --public-host. */
    public static String host(String value) {
        String v = value == null ? "" : value.trim();
        if (isIpLiteral(v) || (DNS_NAME.matcher(v).matches() && !v.matches("[0-9.]+"))) {
            return v;
        }
        throw new BraidException(ErrorCode.BAD_INPUT, "'" + value + "' is neither a host name nor an IP address");
    }

    public static String address(String value) {
        String v = value == null ? "" : value.trim();
        if (!isIpLiteral(v)) {
            throw new BraidException(ErrorCode.BAD_INPUT, "'" + value + "' is not an IP address");
        }
        return v;
    }

    /** A CIDR such as 198.18.10.0/24 or fd00::/64, normalised to its network address. */
    public static String cidr(String value) {
        String v = value == null ? "" : value.trim();
        int slash = v.indexOf('/');
        if (slash < 0) {
            throw new BraidException(ErrorCode.BAD_INPUT, "'" + value + "' is not a CIDR (like 198.18.10.0/24)");
        }
        String addr = v.substring(0, slash);
        int prefix;
        try {
            prefix = Integer.parseInt(v.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "'" + value + "' has no valid prefix length");
        }
        if (!isIpLiteral(addr)) {
            throw new BraidException(ErrorCode.BAD_INPUT, "'" + value + "' does not start with an IP address");
        }
        byte[] bytes = InetAddress.ofLiteral(addr).getAddress();
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new BraidException(ErrorCode.BAD_INPUT, "'" + value + "' has a prefix length out of range");
        }
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isIpLiteral(String v) {
        if (v.isEmpty() || (!v.contains(":") && !IPV4.matcher(v).matches())) {
            return false;
        }
        try {
            InetAddress.ofLiteral(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The machine's host name and its non-loopback IPv4 addresses: what devices can probably reach. */
    public static List<String> defaultPublicHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && DNS_NAME.matcher(name).matches()) {
                hosts.add(name);
            }
        } catch (UnknownHostException e) {
            // no resolvable host name: the addresses below will do
        }
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                        hosts.add(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // interfaces unreadable: keep what we have
        }
        if (hosts.isEmpty()) {
            hosts.add("localhost");
        }
        return new ArrayList<>(hosts);
    }
}
