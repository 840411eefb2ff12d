package io.braid.e2e.testbed;

/**
 * The testbed's address plan, all inside 198.18.0.0/15 (the benchmarking range; 100.96.0.0/16 is
 * Braid's overlay and stays free for the tunnel):
 * <pre>
 *  client  wanN 198.18.N.2/24 ── rN 198.18.N.1  router  rpub 198.18.100.1/24 ── pub 198.18.100.2  headend
 *                                 (N = 1..3)                                       lan0 198.18.10.1/24 ── eth0 198.18.10.2  lan
 *  reference tunnels' inner addresses: 198.19.N.0/24
 * </pre>
 */
public final class Addresses {
    public static final String ROUTER_PUBLIC = "198.18.100.1";
    public static final String HEADEND_PUBLIC = "198.18.100.2";
    public static final String PUBLIC_SUBNET = "198.18.100.0/24";
    public static final String LAN_SUBNET = "198.18.10.0/24";
    public static final String LAN_GATEWAY = "198.18.10.1";
    public static final String LAN_HOST = "198.18.10.2";
    public static final int PREFIX = 24;

    private Addresses() {}

    /** The client's address on WAN {@code n} (1-based). */
    public static String wanClient(int n) {
        return "198.18." + n + ".2";
    }

    /** The router's address on WAN {@code n}: the client's gateway there. */
    public static String wanGateway(int n) {
        return "198.18." + n + ".1";
    }

    public static String wanSubnet(int n) {
        return "198.18." + n + ".0/24";
    }

    /** A /24 for the inner addresses of reference tunnel {@code n}: .1 the headend, .2 the client. */
    public static String tunnelAddress(int n, int host) {
        return "198.19." + n + "." + host;
    }
}
