package io.braid.core.manager;

import java.util.List;

/**
 * What a device needs to bring its tunnel up, as the manager knows it at enrollment and refresh:
 * where the headends are, the device's stable overlay addresses, the routes and DNS to push, and the MTU.
 */
public record TunnelSettings(
        List<Endpoint> headends,
        String overlayIpv4,
        String overlayIpv6,
        List<String> routes,
        List<String> dns,
        List<String> searchDomains,
        int mtu) {

    public TunnelSettings {
        headends = headends == null ? List.of() : List.copyOf(headends);
        routes = routes == null ? List.of() : List.copyOf(routes);
        dns = dns == null ? List.of() : List.copyOf(dns);
        searchDomains = searchDomains == null ? List.of() : List.copyOf(searchDomains);
    }

    /** A host and port (a headend's control and data port). */
    public record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
        }
    }
}
