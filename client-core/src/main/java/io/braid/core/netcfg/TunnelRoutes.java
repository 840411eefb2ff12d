package io.braid.core.netcfg;

import java.net.InetAddress;
import java.util.List;

/**
 * The routes to install for a tunnel.
 *
 * @param tunnelName the tunnel interface
 * @param mode split (only {@code routes}) or full (everything, plus {@code routes})
 * @param routes the pushed routes
 * @param headends the headends' public addresses: in full mode each gets an exception route
 *     through every WAN of the same IP version, so the tunnel's own packets do not enter it
 * @param wans the machine's WANs (their gateways carry the exception routes)
 * @param tunnelCarriesIpv6 in full mode: true sends IPv6 into the tunnel; false blocks IPv6 so it cannot leak
 */
public record TunnelRoutes(String tunnelName, RouteMode mode, List<IpPrefix> routes, List<InetAddress> headends,
        List<WanLink> wans, boolean tunnelCarriesIpv6) {
    public TunnelRoutes {
        routes = List.copyOf(routes);
        headends = List.copyOf(headends);
        wans = List.copyOf(wans);
    }

    /** The two halves that together cover all IPv4 (or IPv6) yet beat any default route by length. */
    public static List<IpPrefix> defaultHalves(boolean ipv6) {
        return ipv6 ? List.of(IpPrefix.parse("::/1"), IpPrefix.parse("8000::/1"))
                : List.of(IpPrefix.parse("0.0.0.0/1"), IpPrefix.parse("128.0.0.0/1"));
    }
}
