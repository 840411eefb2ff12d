package io.braid.core.testing;

import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.WanLink;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/**
 * The smallest network where WAN pinning is real: a client with two WANs (wan1, wan2) to a router
 * ("the internet"), and a headend with ONE public address behind the router. Both WANs reach the
 * headend; only per-WAN routing or binding decides which one a packet takes. No NAT, so the
 * headend sees which WAN a packet came through by its source address.
 *
 * <pre>
 *  client  wan1 198.18.1.2/24 ── r1 198.18.1.1 ┐
 *          wan2 198.18.2.2/24 ── r2 198.18.2.1 ├ router ── r3 198.18.3.1/24 ── pub 198.18.3.2 headend
 * </pre>
 * IPv4 only (IPv6 disabled), so interface counters see only the test's own packets and ARP.
 * The client's main table has a default route via each WAN (wan1 preferred), as a laptop on two links would.
 */
public final class TwoWanTestbed implements AutoCloseable {
    public static final InetAddress HEADEND = IpPrefix.literal("198.18.3.2");
    public static final InetAddress ROUTER_PUBLIC = IpPrefix.literal("198.18.3.1");
    public static final WanLink WAN1 = new WanLink("wan1", IpPrefix.literal("198.18.1.2"), IpPrefix.literal("198.18.1.1"));
    public static final WanLink WAN2 = new WanLink("wan2", IpPrefix.literal("198.18.2.2"), IpPrefix.literal("198.18.2.1"));

    public final Netns client;
    public final Netns router;
    public final Netns headend;

    private TwoWanTestbed(Netns client, Netns router, Netns headend) {
        this.client = client;
        this.router = router;
        this.headend = headend;
    }

    public static TwoWanTestbed create() throws IOException {
        Netns client = null;
        Netns router = null;
        Netns headend = null;
        try {
            client = Netns.create("bc");
            router = Netns.create("br");
            headend = Netns.create("bh");
            for (Netns ns : new Netns[] {client, router, headend}) ns.disableIpv6();
            Veth.connect(client, "wan1", "198.18.1.2/24", router, "r1", "198.18.1.1/24");
            Veth.connect(client, "wan2", "198.18.2.2/24", router, "r2", "198.18.2.1/24");
            Veth.connect(router, "r3", "198.18.3.1/24", headend, "pub", "198.18.3.2/24");
            router.enableForwarding();
            headend.exec("ip", "route", "add", "default", "via", "198.18.3.1");
            client.exec("ip", "route", "add", "default", "via", "198.18.1.1", "dev", "wan1", "metric", "100");
            client.exec("ip", "route", "add", "default", "via", "198.18.2.1", "dev", "wan2", "metric", "200");
            // Loose reverse-path filtering, as on a multi-homed host: replies may come back on either WAN.
            client.exec("sysctl", "-q", "-w", "net.ipv4.conf.all.rp_filter=2", "net.ipv4.conf.default.rp_filter=2");
            return new TwoWanTestbed(client, router, headend);
        } catch (IOException | RuntimeException e) {
            for (Netns ns : new Netns[] {headend, router, client}) {
                if (ns != null) ns.close();
            }
            throw e;
        }
    }

    public List<WanLink> wans() {
        return List.of(WAN1, WAN2);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Netns ns : List.of(client, router, headend)) {
            try {
                ns.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) throw failure;
    }
}
