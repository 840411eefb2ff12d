package io.braid.core.netcfg.linux;

import io.braid.core.netcfg.Change;
import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.Step;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS on Linux: per-link settings in systemd-resolved where it runs, otherwise /etc/resolv.conf
 * rewritten with the original backed up. In exclusive (full-tunnel) mode, resolved routes every
 * name to the tunnel link ({@code ~.}) and an nftables table drops DNS leaving by any other link.
 */
final class LinuxDns {
    static final String GUARD_TABLE = "braid_dns";
    private final CommandRunner runner;
    private final LinuxOptions options;

    LinuxDns(CommandRunner runner, LinuxOptions options) {
        this.runner = runner;
        this.options = options;
    }

    List<Change> changes(DnsSettings dns) throws IOException {
        List<Change> changes = new ArrayList<>();
        changes.add(useResolved() ? resolvedChange(dns) : resolvConfChange(dns));
        if (dns.exclusive()) changes.add(leakGuard(dns.interfaceName()));
        return changes;
    }

    private boolean useResolved() throws IOException {
        return switch (options.dnsBackend()) {
            case SYSTEMD_RESOLVED -> true;
            case RESOLV_CONF -> false;
            case DETECT -> Files.isDirectory(Path.of("/run/systemd/resolve"))
                    && runner.execute(List.of("resolvectl", "--version"), null).exitCode() == 0;
        };
    }

    private static Change resolvedChange(DnsSettings dns) {
        String link = dns.interfaceName();
        List<String> servers = new ArrayList<>(List.of("resolvectl", "dns", link));
        dns.servers().forEach(s -> servers.add(IpPrefix.text(s)));
        List<String> domains = new ArrayList<>(List.of("resolvectl", "domain", link));
        domains.addAll(dns.searchDomains());
        if (dns.exclusive()) domains.add("~."); // route every name to this link
        List<Step> apply = List.of(new Step.Run(servers, null), new Step.Run(domains, null),
                Step.Run.of("resolvectl", "default-route", link, dns.exclusive() ? "yes" : "no"));
        return new Change("DNS on " + link + " via systemd-resolved", "dns", apply,
                List.of(Step.Run.of("resolvectl", "revert", link)), Change.NETWORK, false);
    }

    private Change resolvConfChange(DnsSettings dns) {
        Path file = options.resolvConf();
        String backup = options.resolvConfBackup().toString();
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        List<Step> apply = List.of(new Step.BackupFile(file.toString(), backup), new Step.WriteFile(file.toString(), resolvConf(dns)));
        return new Change("DNS in " + file, "dns", apply,
                List.of(new Step.RestoreFile(file.toString(), backup, existed)), Change.NETWORK, false);
    }

    static String resolvConf(DnsSettings dns) {
        StringBuilder text = new StringBuilder("# Written by Braid while the tunnel is up; the original comes back when it goes down.\n");
        for (InetAddress server : dns.servers()) text.append("nameserver ").append(IpPrefix.text(server)).append('\n');
        if (!dns.searchDomains().isEmpty()) text.append("search ").append(String.join(" ", dns.searchDomains())).append('\n');
        return text.toString();
    }

    /** DNS (53) and DNS-over-TLS (853) may leave only through loopback (local stubs) and the tunnel. */
    private static Change leakGuard(String tunnel) {
        String script = NftScript.replaceTable(GUARD_TABLE, """
                  chain output {
                    type filter hook output priority -10; policy accept;
                    oifname "lo" accept
                    oifname "%s" accept
                    meta l4proto { tcp, udp } th dport { 53, 853 } drop
                  }
                """.formatted(tunnel));
        return new Change("DNS leak guard outside " + tunnel, "dns-guard", List.of(new Step.Run(List.of("nft", "-f", "-"), script)),
                List.of(Step.Run.of("nft", "delete", "table", "inet", GUARD_TABLE)), Change.NETWORK, false);
    }
}
