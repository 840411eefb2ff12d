package io.braid.core.bond.sim;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/** One direction of a simulated WAN (see {@link LinkSpec}). */
final class Link {
    private final LinkSpec spec;
    private final EventLoop loop;
    private final SplittableRandom random;
    private long busyUntil;
    private long lastArrival;
    private long dropped;

    Link(LinkSpec spec, EventLoop loop, SplittableRandom random) {
        this.spec = spec;
        this.loop = loop;
        this.random = random;
    }

    void send(Datagram d, Consumer<Datagram> receiver) {
        long now = loop.now();
        if (spec.blackholed(now) || random.nextDouble() < spec.loss()) {
            dropped++;
            return;
        }
        long start = Math.max(now, busyUntil);
        if (start - now > spec.queueNanos()) { // the queue is full: tail drop
            dropped++;
            return;
        }
        busyUntil = start + d.wireBytes() * 8_000_000_000L / spec.rateBps();
        long jitter = spec.jitterNanos() > 0 ? random.nextLong(spec.jitterNanos()) : 0;
        long arrival = Math.max(busyUntil + spec.delayNanos() + jitter, lastArrival);
        lastArrival = arrival;
        loop.at(arrival, () -> {
            if (spec.blackholed(loop.now())) {
                dropped++;
            } else {
                receiver.accept(d);
            }
        });
    }

    long dropped() {
        return dropped;
    }
}
