package io.braid.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code braid-server serve} was told, in one place, logged once at start-up. Nothing in
 * here is secret (keys and tokens live in files under the data directory).
 */
public record ServerConfig(
        Path dataDir,
        List<String> publicHosts,
        String bindAddress,
        int managerPort,
        int headendPort,
        List<String> routes,
        List<String> dns,
        List<String> searchDomains,
        String overlayPool,
        int tunnelMtu) {

    public static final int DEFAULT_MANAGER_PORT = 8443;
    public static final int DEFAULT_HEADEND_PORT = 8444;
    public static final String DEFAULT_OVERLAY_POOL = "100.96.0.0/16";
    public static final int DEFAULT_TUNNEL_MTU = 1380;

    public ServerConfig {
        publicHosts = List.copyOf(publicHosts);
        routes = List.copyOf(routes);
        dns = List.copyOf(dns);
        searchDomains = List.copyOf(searchDomains);
        if (publicHosts.isEmpty()) {
            throw new IllegalArgumentException("at least one public host is needed");
        }
    }

    /** The host devices are told to use (first --public-host, or the machine's name). */
    public String primaryHost() {
        return publicHosts.getFirst();
    }

    /** The names the manager's TLS certificate covers: the public hosts plus loopback for the local admin CLI. */
    public List<String> certificateHosts() {
        java.util.LinkedHashSet<String> hosts = new java.util.LinkedHashSet<>(publicHosts);
        hosts.add("localhost");
        hosts.add("127.0.0.1");
        hosts.add("::1");
        return List.copyOf(hosts);
    }

    @Override
    public String toString() {
        return "dataDir=" + dataDir + " publicHosts=" + publicHosts + " bind=" + bindAddress + " managerPort=" + managerPort
                + " headendPort=" + headendPort + " routes=" + routes + " dns=" + dns + " overlayPool=" + overlayPool
                + " mtu=" + tunnelMtu;
    }
}
