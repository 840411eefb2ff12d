package io.braid.core.bond.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * One simulated WAN, the same both ways: a rate limit with a drop-tail queue of {@code queueNanos}
 * (like tc's tbf "latency"), a one-way delay with uniform jitter (never reordering within the link),
 * independent random loss, and blackhole intervals in which everything vanishes silently.
 */
record LinkSpec(long rateBps, long delayNanos, long jitterNanos, double loss, long queueNanos, List<long[]> blackholes) {
    static final long MS = 1_000_000L;

    static LinkSpec of(long rateBps, long delayMillis) {
        return new LinkSpec(rateBps, delayMillis * MS, 0, 0, 50 * MS, List.of());
    }

    LinkSpec jitter(long millis) {
        return new LinkSpec(rateBps, delayNanos, millis * MS, loss, queueNanos, blackholes);
    }

    LinkSpec loss(double fraction) {
        return new LinkSpec(rateBps, delayNanos, jitterNanos, fraction, queueNanos, blackholes);
    }

    /** Silent from {@code fromNanos} until {@code toNanos} (Long.MAX_VALUE: for good). */
    LinkSpec blackhole(long fromNanos, long toNanos) {
        List<long[]> more = new ArrayList<>(blackholes);
        more.add(new long[] {fromNanos, toNanos});
        return new LinkSpec(rateBps, delayNanos, jitterNanos, loss, queueNanos, more);
    }

    boolean blackholed(long nowNanos) {
        for (long[] b : blackholes) {
            if (nowNanos >= b[0] && nowNanos < b[1]) return true;
        }
        return false;
    }
}
