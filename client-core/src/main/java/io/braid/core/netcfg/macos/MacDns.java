package io.braid.core.netcfg.macos;

import io.braid.core.netcfg.Change;
import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.Step;
import java.util.List;
import java.util.stream.Collectors;

/**
 * DNS on macOS: a dynamic-store entry for the tunnel written with scutil, as VPN clients do.
 * Its key is Braid's own, so removing it is the whole undo. In exclusive (full-tunnel) mode the
 * entry also matches every domain (an empty supplemental match domain), and the pf DNS guard
 * blocks DNS leaving by any other interface.
 */
final class MacDns {
    private MacDns() {}

    static String key(String tunnel) {
        return "State:/Network/Service/io.braid." + tunnel + "/DNS";
    }

    static Change change(DnsSettings dns) {
        String servers = dns.servers().stream().map(IpPrefix::text).collect(Collectors.joining(" "));
        StringBuilder script = new StringBuilder("d.init\n");
        script.append("d.add ServerAddresses * ").append(servers).append('\n');
        if (!dns.searchDomains().isEmpty()) script.append("d.add SearchDomains * ").append(String.join(" ", dns.searchDomains())).append('\n');
        if (dns.exclusive()) script.append("d.add SupplementalMatchDomains * \"\"\n");
        else if (!dns.searchDomains().isEmpty()) script.append("d.add SupplementalMatchDomains * ").append(String.join(" ", dns.searchDomains())).append('\n');
        script.append("set ").append(key(dns.interfaceName())).append("\nquit\n");
        return new Change("DNS on " + dns.interfaceName() + " via scutil", "dns",
                List.of(new Step.Run(List.of("scutil"), script.toString())),
                List.of(new Step.Run(List.of("scutil"), "remove " + key(dns.interfaceName()) + "\nquit\n")), Change.NETWORK, false);
    }
}
