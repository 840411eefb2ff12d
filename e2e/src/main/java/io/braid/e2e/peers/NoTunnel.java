package io.braid.e2e.peers;

import io.braid.e2e.testbed.Addresses;
import io.braid.e2e.testbed.Testbed;
import java.io.IOException;

/**
 * The baseline: the LAN routed in the clear (the router learns it via the headend), so the client
 * reaches the LAN host over its first WAN with no tunnel at all: the ceiling of this machine.
 */
public final class NoTunnel extends LanPath {

    private NoTunnel(Testbed testbed) {
        super(testbed);
    }

    public static NoTunnel open(Testbed testbed) throws IOException {
        testbed.router().exec("ip", "route", "add", Addresses.LAN_SUBNET, "via", Addresses.HEADEND_PUBLIC);
        return new NoTunnel(testbed);
    }

    @Override
    public String label() {
        return "no tunnel";
    }

    @Override
    public void close() throws IOException {
        testbed.router().exec("ip", "route", "del", Addresses.LAN_SUBNET, "via", Addresses.HEADEND_PUBLIC);
    }
}
