package io.braid.server.headend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the headend runs: where it listens (one port number, TCP for control and UDP for data), its
 * TUN and overlay addresses, what it pushes to devices, and its verification intervals.
 *
 * @param overlayPool the IPv4 pool devices' addresses come from, e.g. 100.96.0.0/16
 * @param gatewayIpv4 the headend's own overlay address (the pool's first host)
 * @param ulaPrefix the IPv6 /48 devices' IPv6 addresses come from (first three groups)
 * @param crlRefresh how often the CRL is fetched again: the most a revocation waits to take effect
 * @param deviceRecheck how often each session's device is looked up again (disabled devices are cut off)
 * @param masquerade NAT device traffic to the protected networks behind the headend's address
 */
public record HeadendConfig(
        String bindAddress,
        int port,
        String tunName,
        String overlayPool,
        String gatewayIpv4,
        String ulaPrefix,
        String gatewayIpv6,
        int mtu,
        List<String> routes,
        List<String> dns,
        List<String> searchDomains,
        Duration crlRefresh,
        Duration deviceRecheck,
        Duration tokenGrace,
        Duration idleTimeout,
        boolean masquerade,
        Path stateDir) {

    public HeadendConfig {
        routes = List.copyOf(routes);
        dns = List.copyOf(dns);
        searchDomains = List.copyOf(searchDomains);
    }

    public int poolPrefixLength() {
        return Integer.parseInt(overlayPool.substring(overlayPool.indexOf('/') + 1));
    }
}
