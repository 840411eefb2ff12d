package io.braid.e2e.testbed;

import io.braid.core.testing.Netns;
import io.braid.e2e.linkemu.LinkEmulator;
import java.io.IOException;

/**
 * Steers one WAN's packets through a {@link LinkEmulator} inside the router with policy routing:
 * what arrives from the client on {@code rN} goes into TUN {@code eNu}; what comes from the
 * internet side for the client's subnet goes into {@code eNd}. The emulator writes each packet
 * back into the same TUN when its time comes, and since it then arrives on the TUN, the main table
 * forwards it on to where it was going. Removed with the router namespace.
 */
final class EmulatedPath {
    private EmulatedPath() {}

    static LinkEmulator open(Netns router, int wan, String routerIf, String publicIf) throws IOException {
        String up = "e" + wan + "u";
        String down = "e" + wan + "d";
        LinkEmulator emulator = LinkEmulator.open(router.name(), up, down);
        try {
            for (String tun : new String[] {up, down}) {
                router.exec("ip", "link", "set", tun, "up");
                // Packets come back out of the TUN with sources that route elsewhere: no reverse-path check.
                router.exec("sysctl", "-q", "-w", "net.ipv4.conf." + tun + ".rp_filter=0");
            }
            String upTable = Integer.toString(100 + wan);
            String downTable = Integer.toString(200 + wan);
            router.exec("ip", "route", "add", "default", "dev", up, "table", upTable);
            router.exec("ip", "route", "add", "default", "dev", down, "table", downTable);
            router.exec("ip", "rule", "add", "pref", upTable, "iif", routerIf, "lookup", upTable);
            router.exec("ip", "rule", "add", "pref", downTable, "iif", publicIf, "to", Addresses.wanSubnet(wan), "lookup", downTable);
            return emulator;
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
    }
}
