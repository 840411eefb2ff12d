package io.braid.core.netcfg;

import java.util.List;

/** What the tunnel interface gets: its overlay addresses (IPv4 and/or IPv6) and MTU. */
public record InterfaceSettings(String name, List<IpPrefix> addresses, int mtu) {
    public InterfaceSettings {
        addresses = List.copyOf(addresses);
        if (mtu < 576 || mtu > 65535) throw new IllegalArgumentException("MTU " + mtu + " is outside 576..65535");
    }
}
