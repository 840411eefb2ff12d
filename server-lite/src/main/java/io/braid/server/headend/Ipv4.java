package io.braid.server.headend;

import java.net.Inet4Address;
import java.net.InetAddress;

/** IPv4 addresses as ints, the key the headend finds a session by for each packet from its TUN. */
final class Ipv4 {
    private Ipv4() {}

    static int toInt(String literal) {
        InetAddress a = InetAddress.ofLiteral(literal);
        if (!(a instanceof Inet4Address)) {
            throw new IllegalArgumentException("not an IPv4 address: " + literal);
        }
        byte[] b = a.getAddress();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }
}
