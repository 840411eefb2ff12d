package io.braid.core.netcfg;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address with a prefix length, e.g. 100.96.0.2/16 (an interface address) or 198.18.0.0/15 (a route). */
public record IpPrefix(InetAddress address, int length) {
    public IpPrefix {
        int max = address instanceof Inet6Address ? 128 : 32;
        if (length < 0 || length > max) throw new IllegalArgumentException("prefix length " + length + " is outside 0.." + max);
    }

    /** Parses "A/N" or a bare address (a host prefix); only literal addresses, never a DNS lookup. */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = literal(addr);
        int max = address instanceof Inet6Address ? 128 : 32;
        return new IpPrefix(address, slash < 0 ? max : Integer.parseInt(text.substring(slash + 1)));
    }

    /** The host prefix (/32 or /128) of one address. */
    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address, address instanceof Inet6Address ? 128 : 32);
    }

    /** Parses a literal IPv4 or IPv6 address, rejecting host names (which would trigger a DNS lookup). */
    public static InetAddress literal(String text) {
        if (text.isEmpty() || !(text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    /** The address alone, as OS tools print it (no scope, no slash). */
    public String addressText() {
        return text(address);
    }

    /** An address as OS tools print it: 198.18.1.2, fd00::1. */
    public static String text(InetAddress address) {
        String s = address.getHostAddress();
        int scope = s.indexOf('%');
        return scope < 0 ? s : s.substring(0, scope);
    }

    @Override
    public String toString() {
        return addressText() + "/" + length;
    }
}
