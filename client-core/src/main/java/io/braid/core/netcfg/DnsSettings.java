package io.braid.core.netcfg;

import java.net.InetAddress;
import java.util.List;

/**
 * The resolvers and search domains the headend pushed, set on the tunnel link.
 *
 * @param interfaceName the tunnel interface
 * @param exclusive full-tunnel mode: these resolvers answer every name, and DNS leaving by any
 *     other interface is blocked so queries cannot leak past the tunnel
 */
public record DnsSettings(String interfaceName, List<InetAddress> servers, List<String> searchDomains, boolean exclusive) {
    public DnsSettings {
        servers = List.copyOf(servers);
        searchDomains = List.copyOf(searchDomains);
        if (servers.isEmpty()) throw new IllegalArgumentException("DNS settings need at least one resolver");
        for (String d : searchDomains) {
            if (!d.matches("[A-Za-z0-9.-]+")) throw new IllegalArgumentException("'" + d + "' is not a domain name");
        }
    }
}
