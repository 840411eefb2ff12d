package io.braid.core.testing;

import java.io.IOException;

/** Veth pairs between namespaces: the cables of the testbed. */
public final class Veth {
    private Veth() {}

    /**
     * Creates {@code ifA} in {@code a} and {@code ifB} in {@code b} joined as a pair, gives each its
     * address (CIDR, e.g. 198.18.1.2/24; null for none) and brings both up. Removed with their namespace.
     */
    public static void connect(Netns a, String ifA, String cidrA, Netns b, String ifB, String cidrB) throws IOException {
        Netns.HOST.run("ip", "link", "add", ifA, "netns", a.name(), "type", "veth", "peer", "name", ifB, "netns", b.name());
        configure(a, ifA, cidrA);
        configure(b, ifB, cidrB);
    }

    private static void configure(Netns ns, String ifName, String cidr) throws IOException {
        if (cidr != null) ns.exec("ip", "address", "add", cidr, "dev", ifName);
        ns.exec("ip", "link", "set", ifName, "up");
    }
}
