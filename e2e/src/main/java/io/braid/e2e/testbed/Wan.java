package io.braid.e2e.testbed;

import io.braid.core.testing.Netns;
import io.braid.e2e.linkemu.LinkEmulator;
import java.io.IOException;

/**
 * One WAN link of the testbed's client (1-based {@link #number()}): interface {@code wanN} in the
 * client, {@code rN} in the router. Its rate, loss and emulated impairments can change while
 * traffic flows, and it can be cut either way and restored.
 */
public final class Wan {
    private final int number;
    private final Netns client;
    private final Netns router;
    private final RouterFilter filter;
    private final LinkEmulator emulator;
    private volatile double rateMbit;
    private volatile Cut cut;
    private volatile boolean sourceRouted;

    Wan(int number, Netns client, Netns router, RouterFilter filter, LinkEmulator emulator, double rateMbit) {
        this.number = number;
        this.client = client;
        this.router = router;
        this.filter = filter;
        this.emulator = emulator;
        this.rateMbit = rateMbit;
    }

    public int number() {
        return number;
    }

    /** The client's interface name, {@code wanN}. */
    public String clientInterface() {
        return "wan" + number;
    }

    public String routerInterface() {
        return "r" + number;
    }

    /** The client's address on this link. */
    public String address() {
        return Addresses.wanClient(number);
    }

    public String gateway() {
        return Addresses.wanGateway(number);
    }

    /** The client's default route through this link has metric 100 × N: wan1 is preferred. */
    public int routeMetric() {
        return 100 * number;
    }

    public double rateMbit() {
        return rateMbit;
    }

    /** Sets the rate each way (tbf on the client's egress and the router's egress towards it); 0 = unlimited. */
    public void rate(double mbit) throws IOException {
        TrafficControl.rate(client, clientInterface(), mbit);
        TrafficControl.rate(router, routerInterface(), mbit);
        rateMbit = mbit;
    }

    public double lossPercent() {
        return filter.loss(number);
    }

    /** Sets random loss, each way, in percent (to 0.01 %). */
    public void loss(double percent) throws IOException {
        filter.loss(number, percent);
    }

    public boolean isEmulated() {
        return emulator != null;
    }

    /** The link's emulator, for delay, jitter and outages; only when built with {@link LinkSpec#emulated()} or a delay. */
    public LinkEmulator emulator() {
        if (emulator == null) throw new IllegalStateException(clientInterface() + " was built without the link emulator (LinkSpec.emulated())");
        return emulator;
    }

    /** The current cut, or null when the link works. */
    public Cut cut() {
        return cut;
    }

    /** Cuts the link; {@link #restore()} undoes it. */
    public synchronized void cut(Cut how) throws IOException {
        if (cut != null) restore();
        switch (how) {
            case LINK_DOWN -> client.exec("ip", "link", "set", clientInterface(), "down");
            case BLACKHOLE -> filter.blackhole(number, true);
        }
        cut = how;
    }

    /** Undoes a cut: the link comes back up with its default route, or the blackhole lifts. */
    public synchronized void restore() throws IOException {
        if (cut == Cut.LINK_DOWN) {
            client.exec("ip", "link", "set", clientInterface(), "up");
            addDefaultRoute(); // the kernel dropped it with the link
        } else if (cut == Cut.BLACKHOLE) {
            filter.blackhole(number, false);
        }
        cut = null;
    }

    void addDefaultRoute() throws IOException {
        client.exec("ip", "route", "replace", "default", "via", gateway(), "dev", clientInterface(), "metric", Integer.toString(routeMetric()));
        if (sourceRouted) client.exec("ip", "route", "replace", "default", "via", gateway(), "dev", clientInterface(), "table", sourceTable());
    }

    private String sourceTable() {
        return Integer.toString(100 + number);
    }

    /**
     * Sends whatever leaves from this WAN's address out of this WAN (a rule and a table of its own),
     * as a multi-homed host routes by source; off again with {@code false}. Kept across cuts.
     */
    public synchronized void routeBySource(boolean on) throws IOException {
        if (on == sourceRouted) return;
        sourceRouted = on;
        if (on) {
            if (cut != Cut.LINK_DOWN) addDefaultRoute();
            client.exec("ip", "rule", "add", "pref", sourceTable(), "from", address(), "lookup", sourceTable());
        } else {
            client.exec("ip", "rule", "del", "pref", sourceTable());
            client.exec("ip", "route", "flush", "table", sourceTable());
        }
    }

    @Override
    public String toString() {
        String state = cut == null ? "up" : cut.name().toLowerCase(java.util.Locale.ROOT);
        return clientInterface() + " " + address() + " via " + gateway() + ": " + state + ", rate " + (rateMbit == 0 ? "unlimited" : rateMbit + " Mbit/s")
                + ", loss " + lossPercent() + " %" + (emulator == null ? "" : ", emulated: up " + emulator.upImpairment() + ", down " + emulator.downImpairment()
                + (emulator.inOutage() ? ", OUTAGE" : ""));
    }
}
