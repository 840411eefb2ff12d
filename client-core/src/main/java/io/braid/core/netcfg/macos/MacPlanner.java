package io.braid.core.netcfg.macos;

import io.braid.core.netcfg.Change;
import io.braid.core.netcfg.ChangePlanner;
import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.KillSwitchPolicy;
import io.braid.core.netcfg.Netmasks;
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
 * macOS changes through ifconfig, route, scutil and pfctl. utun is point-to-point, so an IPv4
 * address is set as "A A" plus a route for its subnet. Full-tunnel exceptions are added once
 * unscoped (for ordinary sockets) and once scoped to each WAN ({@code -ifscope}), which is the
 * route a socket pinned with IP_BOUND_IF uses; macOS already keeps a scoped default route per
 * interface, so pinning itself needs no route changes.
 */
public final class MacPlanner implements ChangePlanner {
    private static final Pattern MTU = Pattern.compile("\\bmtu (\\d+)");
    private final CommandRunner runner;
    private final MacPacketFilter pf;

    public MacPlanner(CommandRunner runner) {
        this.runner = runner;
        this.pf = new MacPacketFilter(runner);
    }

    @Override
    public List<Change> interfaceSettings(InterfaceSettings s) throws IOException {
        List<Change> changes = new ArrayList<>();
        String dev = s.name();
        for (IpPrefix a : s.addresses()) {
            if (a.isIpv6()) {
                changes.add(Change.command("address " + a + " on " + dev,
                        List.of("ifconfig", dev, "inet6", a.addressText(), "prefixlen", Integer.toString(a.length()), "alias"),
                        List.of("ifconfig", dev, "inet6", a.addressText(), "-alias")));
            } else {
                changes.add(Change.command("address " + a + " on " + dev,
                        List.of("ifconfig", dev, "inet", a.addressText(), a.addressText(), "netmask", Netmasks.ipv4Mask(a.length()), "alias"),
                        List.of("ifconfig", dev, "inet", a.addressText(), "-alias")));
                if (a.length() < 32) changes.add(interfaceRoute(Netmasks.network(a), dev));
            }
        }
        Matcher m = MTU.matcher(runner.run("ifconfig", dev).stdout());
        if (!m.find()) throw new IOException("cannot read the MTU of " + dev + " from ifconfig");
        changes.add(Change.command("MTU " + s.mtu() + " on " + dev,
                List.of("ifconfig", dev, "mtu", Integer.toString(s.mtu())), List.of("ifconfig", dev, "mtu", m.group(1))));
        changes.addAll(linkState(dev, true));
        return changes;
    }

    @Override
    public List<Change> linkState(String name, boolean up) {
        return List.of(Change.command(name + (up ? " up" : " down"),
                List.of("ifconfig", name, up ? "up" : "down"), List.of("ifconfig", name, up ? "down" : "up")));
    }

    @Override
    public List<Change> routes(TunnelRoutes r) {
        List<Change> changes = new ArrayList<>();
        if (r.mode() == RouteMode.FULL) {
            for (InetAddress headend : r.headends()) {
                List<WanLink> wans = r.wans().stream().filter(w -> w.address().getClass() == headend.getClass()).toList();
                for (int i = 0; i < wans.size(); i++) {
                    WanLink wan = wans.get(i);
                    List<String> spec = new ArrayList<>(List.of(family(headend), IpPrefix.host(headend).toString(), IpPrefix.text(wan.gateway())));
                    if (i == 0) changes.add(route("headend " + IpPrefix.text(headend) + " via " + wan.interfaceName(), spec));
                    spec.addAll(List.of("-ifscope", wan.interfaceName()));
                    changes.add(route("headend " + IpPrefix.text(headend) + " scoped to " + wan.interfaceName(), spec));
                }
            }
            for (IpPrefix half : TunnelRoutes.defaultHalves(false)) changes.add(interfaceRoute(half, r.tunnelName()));
            for (IpPrefix half : TunnelRoutes.defaultHalves(true)) {
                changes.add(r.tunnelCarriesIpv6() ? interfaceRoute(half, r.tunnelName())
                        : route("block IPv6 " + half, List.of("-inet6", half.toString(), "::1", "-blackhole")));
            }
        }
        for (IpPrefix p : r.routes()) changes.add(interfaceRoute(p, r.tunnelName()));
        return changes;
    }

    @Override
    public List<Change> wanPinning(List<WanLink> wans) {
        return List.of(); // IP_BOUND_IF on the socket plus macOS's own per-interface scoped defaults
    }

    @Override
    public List<Change> dns(DnsSettings dns) throws IOException {
        List<Change> changes = new ArrayList<>(List.of(MacDns.change(dns)));
        if (dns.exclusive()) changes.add(pf.dnsGuard(dns.interfaceName()));
        return changes;
    }

    @Override
    public List<Change> killSwitch(KillSwitchPolicy policy) throws IOException {
        return List.of(pf.killSwitch(policy));
    }

    private static Change interfaceRoute(IpPrefix prefix, String dev) {
        return route("route " + prefix + " via " + dev, List.of(family(prefix.address()), prefix.toString(), "-interface", dev));
    }

    private static Change route(String description, List<String> spec) {
        List<String> add = new ArrayList<>(List.of("route", "-q", "-n", "add"));
        add.addAll(spec);
        List<String> delete = new ArrayList<>(List.of("route", "-q", "-n", "delete"));
        delete.addAll(spec);
        return Change.command(description, add, delete);
    }

    private static String family(InetAddress address) {
        return address instanceof java.net.Inet6Address ? "-inet6" : "-inet";
    }
}
