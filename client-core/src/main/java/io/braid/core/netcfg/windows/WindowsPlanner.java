package io.braid.core.netcfg.windows;

import io.braid.core.netcfg.Change;
import io.braid.core.netcfg.ChangePlanner;
import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.KillSwitchPolicy;
import io.braid.core.netcfg.Netmasks;
import io.braid.core.netcfg.RouteMode;
import io.braid.core.netcfg.Step;
import io.braid.core.netcfg.TunnelRoutes;
import io.braid.core.netcfg.WanLink;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Windows changes through netsh (addresses, MTU, routes, per-interface DNS) and PowerShell's
 * DnsClient and NetSecurity modules (search suffix, NRPT, firewall). Full tunnel: half-default
 * routes into the tunnel and, per WAN, a route to each headend through that WAN's gateway with
 * its own metric. IPv6 is always routed into the tunnel in full mode; when the tunnel carries
 * none, the engine drops it there, so it never leaves by a WAN. Pinning is IP_UNICAST_IF on the
 * socket, so it needs no route changes.
 */
public final class WindowsPlanner implements ChangePlanner {
    private static final Pattern FIRST_NUMBER = Pattern.compile("^\\s*(\\d+)\\s");
    private final CommandRunner runner;
    private final WindowsFirewall firewall;

    public WindowsPlanner(CommandRunner runner) {
        this.runner = runner;
        this.firewall = new WindowsFirewall(runner);
    }

    @Override
    public List<Change> interfaceSettings(InterfaceSettings s) throws IOException {
        List<Change> changes = new ArrayList<>();
        String name = s.name();
        for (IpPrefix a : s.addresses()) {
            if (a.isIpv6()) {
                changes.add(Change.command("address " + a + " on " + name,
                        List.of("netsh", "interface", "ipv6", "add", "address", "interface=" + name, "address=" + a, "store=active"),
                        List.of("netsh", "interface", "ipv6", "delete", "address", "interface=" + name, "address=" + a.addressText())));
            } else {
                changes.add(Change.command("address " + a + " on " + name,
                        List.of("netsh", "interface", "ipv4", "add", "address", "name=" + name, "address=" + a.addressText(), "mask=" + Netmasks.ipv4Mask(a.length()), "store=active"),
                        List.of("netsh", "interface", "ipv4", "delete", "address", "name=" + name, "address=" + a.addressText())));
            }
        }
        String oldMtu = currentMtu(name);
        changes.add(Change.command("MTU " + s.mtu() + " on " + name,
                List.of("netsh", "interface", "ipv4", "set", "subinterface", "interface=" + name, "mtu=" + s.mtu(), "store=active"),
                List.of("netsh", "interface", "ipv4", "set", "subinterface", "interface=" + name, "mtu=" + oldMtu, "store=active")));
        changes.addAll(linkState(name, true));
        return changes;
    }

    /** `netsh interface ipv4 show subinterface`: a table whose data row starts with the MTU. */
    private String currentMtu(String name) throws IOException {
        String out = runner.run("netsh", "interface", "ipv4", "show", "subinterface", "interface=" + name).stdout();
        for (String line : out.lines().toList()) {
            Matcher m = FIRST_NUMBER.matcher(line + " ");
            if (m.find()) return m.group(1);
        }
        throw new IOException("cannot read the MTU of " + name + " from netsh");
    }

    @Override
    public List<Change> linkState(String name, boolean up) {
        return List.of(Change.command(name + (up ? " up" : " down"),
                List.of("netsh", "interface", "set", "interface", "name=" + name, "admin=" + (up ? "enabled" : "disabled")),
                List.of("netsh", "interface", "set", "interface", "name=" + name, "admin=" + (up ? "disabled" : "enabled"))));
    }

    @Override
    public List<Change> routes(TunnelRoutes r) {
        List<Change> changes = new ArrayList<>();
        if (r.mode() == RouteMode.FULL) {
            int metric = 5;
            for (WanLink wan : r.wans()) {
                for (InetAddress headend : r.headends()) {
                    if (headend.getClass() != wan.address().getClass()) continue;
                    changes.add(route("headend " + IpPrefix.text(headend) + " via " + wan.interfaceName(), IpPrefix.host(headend), wan.interfaceName(),
                            List.of("nexthop=" + IpPrefix.text(wan.gateway())), List.of("metric=" + metric)));
                }
                metric++;
            }
            for (boolean v6 : new boolean[] {false, true}) {
                for (IpPrefix half : TunnelRoutes.defaultHalves(v6)) changes.add(tunnelRoute(half, r.tunnelName()));
            }
        }
        for (IpPrefix p : r.routes()) changes.add(tunnelRoute(p, r.tunnelName()));
        return changes;
    }

    @Override
    public List<Change> wanPinning(List<WanLink> wans) {
        return List.of();
    }

    @Override
    public List<Change> dns(DnsSettings dns) {
        String name = dns.interfaceName();
        List<Step> apply = new ArrayList<>();
        List<Step> undo = new ArrayList<>();
        for (String family : List.of("ipv4", "ipv6")) {
            List<String> servers = dns.servers().stream().filter(a -> (a instanceof java.net.Inet6Address) == family.equals("ipv6")).map(IpPrefix::text).toList();
            for (int i = 0; i < servers.size(); i++) {
                apply.add(i == 0 ? Step.Run.of("netsh", "interface", family, "set", "dnsservers", "name=" + name, "source=static", "address=" + servers.get(i), "register=none", "validate=no")
                        : Step.Run.of("netsh", "interface", family, "add", "dnsservers", "name=" + name, "address=" + servers.get(i), "index=" + (i + 1), "validate=no"));
            }
            if (!servers.isEmpty()) undo.add(new Step.TryRun(List.of("netsh", "interface", family, "delete", "dnsservers", "name=" + name, "address=all", "validate=no")));
        }
        apply.add(PowerShell.step(nrptScript(dns)));
        undo.add(PowerShell.step("Get-DnsClientNrptRule | Where-Object Comment -eq 'Braid' | Remove-DnsClientNrptRule -Force\n"
                + "Set-DnsClient -InterfaceAlias " + PowerShell.quote(name) + " -ConnectionSpecificSuffix ''\n"));
        return List.of(new Change("DNS on " + name, "dns", apply, undo, Change.NETWORK, false));
    }

    /**
     * The Name Resolution Policy Table sends the pushed domains (split DNS) or, in exclusive mode,
     * every name (".") to the tunnel's resolvers only: Windows' parallel queries on every interface
     * cannot leak them. The first search domain becomes the tunnel's connection suffix.
     */
    static String nrptScript(DnsSettings dns) {
        String servers = dns.servers().stream().map(IpPrefix::text).map(PowerShell::quote).collect(Collectors.joining(","));
        StringBuilder script = new StringBuilder("$ErrorActionPreference = 'Stop'\n");
        script.append("Get-DnsClientNrptRule | Where-Object Comment -eq 'Braid' | Remove-DnsClientNrptRule -Force\n");
        if (!dns.searchDomains().isEmpty()) {
            script.append("Set-DnsClient -InterfaceAlias ").append(PowerShell.quote(dns.interfaceName()))
                    .append(" -ConnectionSpecificSuffix ").append(PowerShell.quote(dns.searchDomains().getFirst())).append('\n');
        }
        List<String> namespaces = dns.exclusive() ? List.of(".") : dns.searchDomains().stream().map(d -> "." + d).toList();
        for (String ns : namespaces) {
            script.append("Add-DnsClientNrptRule -Namespace ").append(PowerShell.quote(ns)).append(" -NameServers ").append(servers).append(" -Comment 'Braid'\n");
        }
        return script.toString();
    }

    @Override
    public List<Change> killSwitch(KillSwitchPolicy policy) throws IOException {
        return List.of(firewall.killSwitch(policy));
    }

    private static Change tunnelRoute(IpPrefix prefix, String tunnel) {
        return route("route " + prefix + " via " + tunnel, prefix, tunnel, List.of(), List.of());
    }

    private static Change route(String description, IpPrefix prefix, String ifName, List<String> nextHop, List<String> extra) {
        String family = prefix.isIpv6() ? "ipv6" : "ipv4";
        List<String> spec = new ArrayList<>(List.of("prefix=" + prefix, "interface=" + ifName));
        spec.addAll(nextHop);
        List<String> add = new ArrayList<>(List.of("netsh", "interface", family, "add", "route"));
        add.addAll(spec);
        add.addAll(extra);
        add.add("store=active");
        List<String> delete = new ArrayList<>(List.of("netsh", "interface", family, "delete", "route"));
        delete.addAll(spec);
        return Change.command(description, add, delete);
    }
}
