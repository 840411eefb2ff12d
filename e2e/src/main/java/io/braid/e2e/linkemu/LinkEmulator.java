package io.braid.e2e.linkemu;

import io.braid.core.netcfg.linux.LinuxNetns;
import io.braid.core.tun.linux.LinuxTun;
import java.io.IOException;
import java.time.Duration;

/**
 * A userspace link emulator for one link (this kernel has no netem): one TUN per direction inside
 * a namespace (the testbed's router), through which the namespace routes that link's packets. It
 * delays them (fixed delay, jitter with or without reordering) and drops them all during an
 * outage, including those already held. Loss and rate are the kernel's job (nftables, tbf).
 *
 * <p>Everything is controllable while traffic flows, from any thread:
 * <pre>{@code
 * emulator.impair(Impairment.delay(Duration.ofMillis(20)));   // both directions
 * emulator.outage(Duration.ofSeconds(1));                      // drop everything for 1 s
 * emulator.startOutage(); ... emulator.endOutage();            // a silent blackhole until lifted
 * }</pre>
 * Routing packets into the TUNs is the caller's part (see the testbed's {@code EmulatedPath}).
 */
public final class LinkEmulator implements AutoCloseable {
    /** Packets held per direction at once: 5.7 MB of 1,400-byte packets, 300 ms at 150 Mbit/s, 45 ms at 1 Gbit/s. */
    public static final int DEFAULT_SLOTS = 4096;
    private static final int MTU = 1500;

    private final Outage outage = new Outage();
    private final LinkDirection up;
    private final LinkDirection down;

    private LinkEmulator(LinuxTun upTun, LinuxTun downTun, int slots) {
        this.up = new LinkDirection(upTun, outage, slots);
        this.down = new LinkDirection(downTun, outage, slots);
    }

    /**
     * Creates TUN {@code upName} (the direction away from the client) and {@code downName} (towards
     * it) in {@code namespace}, MTU 1500, and starts moving packets with no impairment.
     */
    public static LinkEmulator open(String namespace, String upName, String downName) throws IOException {
        LinuxTun upTun = LinuxNetns.callIn(namespace, () -> LinuxTun.open(upName, MTU));
        LinuxTun downTun;
        try {
            downTun = LinuxNetns.callIn(namespace, () -> LinuxTun.open(downName, MTU));
        } catch (IOException | RuntimeException e) {
            upTun.close();
            throw e;
        }
        LinkEmulator emulator = new LinkEmulator(upTun, downTun, DEFAULT_SLOTS);
        emulator.up.start();
        emulator.down.start();
        return emulator;
    }

    /** The same impairment both ways: a round trip then takes twice the delay more. */
    public void impair(Impairment both) {
        impair(both, both);
    }

    public void impair(Impairment upward, Impairment downward) {
        up.impair(upward);
        down.impair(downward);
    }

    public Impairment upImpairment() {
        return up.impairment();
    }

    public Impairment downImpairment() {
        return down.impairment();
    }

    /** Drops every packet, both ways, from now for {@code length}. */
    public void outage(Duration length) {
        outage.startFor(length);
    }

    /** Drops every packet, both ways, until {@link #endOutage()}: the link looks up but leads nowhere. */
    public void startOutage() {
        outage.start();
    }

    public void endOutage() {
        outage.end();
    }

    public boolean inOutage() {
        return outage.active(System.nanoTime());
    }

    /** Counters start again from zero (from each direction's next packet). */
    public void resetStats() {
        up.resetStats();
        down.resetStats();
    }

    public DirectionStats upStats() {
        return up.stats();
    }

    public DirectionStats downStats() {
        return down.stats();
    }

    @Override
    public void close() throws IOException {
        try {
            up.close();
        } finally {
            down.close();
        }
    }
}
