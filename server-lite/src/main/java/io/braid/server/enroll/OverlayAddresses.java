package io.braid.server.enroll;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The overlay address plan: devices get IPv4 addresses from a pool (default 100.96.0.0/16), the first
 * host address being the headend's, and an IPv6 address in the server's ULA /48 that embeds the same
 * 32 bits, so the two addresses of a device are easy to match by eye.
 */
public final class OverlayAddresses {
    private final int network;
    private final int prefixLength;
    private final String ulaPrefix;

    /** @param ulaPrefix the first three groups of the /48, e.g. {@code fd12:3456:789a} */
    public OverlayAddresses(String ipv4Cidr, String ulaPrefix) {
        String[] parts = ipv4Cidr.split("/");
        this.prefixLength = Integer.parseInt(parts[1]);
        if (prefixLength < 8 || prefixLength > 28) {
            throw new IllegalArgumentException("the overlay pool must be between /8 and /28");
        }
        int mask = -1 << (32 - prefixLength);
        this.network = toInt(parts[0]) & mask;
        this.ulaPrefix = ulaPrefix;
    }

    /** Host addresses for devices: every address in the pool but the network, the headend and broadcast. */
    public long deviceCapacity() {
        return (1L << (32 - prefixLength)) - 3;
    }

    public String headendIpv4() {
        return toText(network + 1);
    }

    /** The n-th device address, n counting from 0. */
    public String deviceIpv4(long n) {
        if (n < 0 || n >= deviceCapacity()) {
            throw new IllegalArgumentException("overlay pool exhausted");
        }
        return toText(network + 2 + (int) n);
    }

    public String ipv6For(String ipv4) {
        int v = toInt(ipv4);
        return String.format("%s::%x:%x", ulaPrefix, (v >>> 16) & 0xffff, v & 0xffff);
    }

    public String headendIpv6() {
        return ipv6For(headendIpv4());
    }

    public String ulaPrefix() {
        return ulaPrefix;
    }

    public int prefixLength() {
        return prefixLength;
    }

    private static int toInt(String ipv4) {
        try {
            InetAddress a = InetAddress.ofLiteral(ipv4);
            if (!(a instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IPv4 address: " + ipv4);
            }
            byte[] b = a.getAddress();
            return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4, e);
        }
    }

    private static String toText(int v) {
        return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
    }
}
