package io.braid.core.testing;

import java.nio.ByteBuffer;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * An in-memory network of paths for protocol tests: each path has a delay, a jitter, a loss
 * rate and a duplication rate; datagrams come out in arrival-time order. Seeded, so a failing
 * schedule can be replayed exactly.
 */
public final class SimulatedPaths {
    /** One path's behaviour. */
    public record Path(long delayNanos, long jitterNanos, double loss, double duplication) {}

    private record InFlight(long arrivalNanos, long seq, int pathId, byte[] datagram) {}

    private final Path[] paths;
    private final SplittableRandom random;
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>(
            (a, b) -> a.arrivalNanos != b.arrivalNanos ? Long.compare(a.arrivalNanos, b.arrivalNanos) : Long.compare(a.seq, b.seq));
    private long seq;
    private long sent;
    private long lost;

    public SimulatedPaths(long seed, Path... paths) {
        this.paths = paths;
        this.random = new SplittableRandom(seed);
    }

    /** Sends the datagram (position to limit, copied) on {@code pathId} at {@code nowNanos}. */
    public void send(int pathId, ByteBuffer datagram, long nowNanos) {
        Path p = paths[pathId];
        byte[] copy = new byte[datagram.remaining()];
        datagram.duplicate().get(copy);
        sent++;
        if (random.nextDouble() < p.loss()) {
            lost++;
            return;
        }
        inFlight.add(new InFlight(arrival(p, nowNanos), seq++, pathId, copy));
        if (random.nextDouble() < p.duplication()) inFlight.add(new InFlight(arrival(p, nowNanos), seq++, pathId, copy));
    }

    private long arrival(Path p, long nowNanos) {
        return nowNanos + p.delayNanos() + (p.jitterNanos() > 0 ? random.nextLong(p.jitterNanos()) : 0);
    }

    /** When the next datagram arrives, or {@link Long#MAX_VALUE}. */
    public long nextArrivalNanos() {
        InFlight f = inFlight.peek();
        return f == null ? Long.MAX_VALUE : f.arrivalNanos;
    }

    /** Takes the next arriving datagram. */
    public ByteBuffer receive() {
        return ByteBuffer.wrap(inFlight.poll().datagram);
    }

    public long sent() {
        return sent;
    }

    public long lost() {
        return lost;
    }
}
