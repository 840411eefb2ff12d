package io.braid.core.netcfg.linux;

import io.braid.core.netcfg.Change;
import io.braid.core.netcfg.ChangePlanner;
import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.KillSwitchPolicy;
import io.braid.core.netcfg.RouteMode;
import io.braid.core.netcfg.TunnelRoutes;
import io.braid.core.netcfg.WanLink;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux changes through iproute2 and nftables. Full tunnel uses the two half-default routes
 * (0.0.0.0/1 and 128.0.0.0/1), which beat the WANs' default routes without touching them, so
 * there is nothing of the user's to restore. WAN pinning is source-address policy routing: a
 * table per WAN with a default route through that WAN's gateway and {@code ip rule from ADDR}.
 */
public final class LinuxPlanner implements ChangePlanner {
    private static final Pattern MTU = Pattern.compile("\\bmtu (\\d+)");
    private final CommandRunner runner;
    private final LinuxOptions options;
    private final LinuxDns dns;
    private final LinuxKillSwitch killSwitch = new LinuxKillSwitch();

    public LinuxPlanner(CommandRunner runner, LinuxOptions options) {
        this.runner = runner;
        this.options = options;
        this.dns = new LinuxDns(runner, options);
    }

    @Override
    public List<Change> interfaceSettings(InterfaceSettings s) throws IOException {
        List<Change> changes = new ArrayList<>();
        for (IpPrefix address : s.addresses()) {
            // nodad: a tunnel address is ours alone; duplicate detection would only delay IPv6 by seconds.
            List<String> add = new ArrayList<>(List.of("ip", "address", "add", address.toString(), "dev", s.name()));
            if (address.isIpv6()) add.add("nodad");
            changes.add(Change.command("address " + address + " on " + s.name(), add,
                    List.of("ip", "address", "del", address.toString(), "dev", s.name())));
        }
        int oldMtu = currentMtu(s.name());
        changes.add(Change.command("MTU " + s.mtu() + " on " + s.name(),
                List.of("ip", "link", "set", "dev", s.name(), "mtu", Integer.toString(s.mtu())),
                List.of("ip", "link", "set", "dev", s.name(), "mtu", Integer.toString(oldMtu))));
        changes.addAll(linkState(s.name(), true));
        return changes;
    }

    @Override
    public List<Change> linkState(String name, boolean up) {
        String to = up ? "up" : "down";
        String back = up ? "down" : "up";
        return List.of(Change.command(name + " " + to, List.of("ip", "link", "set", "dev", name, to), List.of("ip", "link", "set", "dev", name, back)));
    }

    @Override
    public List<Change> routes(TunnelRoutes r) {
        List<Change> changes = new ArrayList<>();
        if (r.mode() == RouteMode.FULL) {
            // Exceptions first: from the moment the half-defaults exist, the headends must already bypass them.
            int metric = 10;
            for (WanLink wan : r.wans()) {
                for (InetAddress headend : r.headends()) {
                    if (headend.getClass() != wan.address().getClass()) continue;
                    changes.add(route("headend " + IpPrefix.text(headend) + " via " + wan.interfaceName(),
                            List.of(IpPrefix.host(headend).toString(), "via", IpPrefix.text(wan.gateway()), "dev", wan.interfaceName(), "metric", Integer.toString(metric))));
                }
                metric++;
            }
            for (IpPrefix half : TunnelRoutes.defaultHalves(false)) changes.add(tunnelRoute(half, r.tunnelName()));
            for (IpPrefix half : TunnelRoutes.defaultHalves(true)) {
                changes.add(r.tunnelCarriesIpv6() ? tunnelRoute(half, r.tunnelName())
                        : route("block IPv6 " + half, List.of("blackhole", half.toString())));
            }
        }
        for (IpPrefix prefix : r.routes()) changes.add(tunnelRoute(prefix, r.tunnelName()));
        return changes;
    }

    @Override
    public List<Change> wanPinning(List<WanLink> wans) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < wans.size(); i++) {
            WanLink wan = wans.get(i);
            String table = Integer.toString(options.firstWanTable() + i);
            String priority = Integer.toString(options.firstRulePriority() + i);
            String family = wan.isIpv6() ? "-6" : "-4";
            changes.add(route("default via " + wan.interfaceName() + " in table " + table,
                    List.of("default", "via", IpPrefix.text(wan.gateway()), "dev", wan.interfaceName(), "table", table), family));
            List<String> rule = List.of("from", IpPrefix.text(wan.address()), "lookup", table, "priority", priority);
            changes.add(Change.command("rule from " + IpPrefix.text(wan.address()) + " to table " + table,
                    concat(List.of("ip", family, "rule", "add"), rule), concat(List.of("ip", family, "rule", "del"), rule)));
        }
        return changes;
    }

    @Override
    public List<Change> dns(DnsSettings settings) throws IOException {
        return dns.changes(settings);
    }

    @Override
    public List<Change> killSwitch(KillSwitchPolicy policy) {
        return List.of(killSwitch.change(policy));
    }

    private int currentMtu(String name) throws IOException {
        Matcher m = MTU.matcher(runner.run("ip", "-o", "link", "show", "dev", name).stdout());
        if (!m.find()) throw new IOException("cannot read the MTU of " + name + " from `ip -o link show`");
        return Integer.parseInt(m.group(1));
    }

    private static Change tunnelRoute(IpPrefix prefix, String tunnel) {
        return route("route " + prefix + " via " + tunnel, List.of(prefix.toString(), "dev", tunnel));
    }

    private static Change route(String description, List<String> spec) {
        boolean v6 = spec.stream().anyMatch(s -> s.contains(":"));
        return route(description, spec, v6 ? "-6" : "-4");
    }

    private static Change route(String description, List<String> spec, String family) {
        return Change.command(description, concat(List.of("ip", family, "route", "add"), spec), concat(List.of("ip", family, "route", "del"), spec));
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
