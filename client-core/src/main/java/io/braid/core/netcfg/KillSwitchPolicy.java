package io.braid.core.netcfg;

import java.net.InetAddress;
import java.util.List;

/**
 * What the kill switch lets out besides the tunnel: the headends (on every WAN, so the tunnel can
 * connect), DHCP and IPv6 neighbour discovery (so the WANs keep their addresses), loopback and,
 * if asked, the local networks.
 *
 * @param lanPrefixes local networks to allow (empty: the LAN is blocked too)
 */
public record KillSwitchPolicy(KillSwitchLevel level, String tunnelName, List<InetAddress> headends, List<IpPrefix> lanPrefixes) {
    public KillSwitchPolicy {
        headends = List.copyOf(headends);
        lanPrefixes = List.copyOf(lanPrefixes);
    }
}
