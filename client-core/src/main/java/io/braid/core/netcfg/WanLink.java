package io.braid.core.netcfg;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One internet link of the machine: its interface, the local address the OS gave it and its
 * gateway. Braid keeps one UDP socket per WAN and pins it to the link (see {@link PinnedSockets}).
 */
public record WanLink(String interfaceName, InetAddress address, InetAddress gateway) {
    public WanLink {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(gateway, "gateway");
        if (address.getClass() != gateway.getClass()) {
            throw new IllegalArgumentException("WAN " + interfaceName + ": address and gateway are of different IP versions");
        }
    }

    public boolean isIpv6() {
        return address instanceof java.net.Inet6Address;
    }
}
