package io.braid.core.protocol;

/**
 * How long the reorder buffer waits for a missing counter. It learns the delay spread between
 * paths from what it sees: each time a gap fills, the time the oldest waiting packet had waited
 * is a sample; a packet arriving after its gap was given up says the wait was too short by at
 * least the time since then. Like TCP's RTO (RFC 6298) the hold is the mean plus a margin of
 * 4 x mean deviation, but at least a quarter of the mean (a steady spread with little deviation
 * would otherwise leave no room for jitter), clamped to [min, max]. The bonding engine may add a floor from its per-path delay estimates.
 */
public final class HoldTimeEstimator {
    private final long minNanos;
    private final long initialNanos;
    private final long maxNanos;
    private long mean;
    private long deviation;
    private boolean sampled;
    private long floorNanos;

    public HoldTimeEstimator(long minNanos, long initialNanos, long maxNanos) {
        if (minNanos < 0 || initialNanos < minNanos || maxNanos < initialNanos) {
            throw new IllegalArgumentException("need 0 <= min <= initial <= max");
        }
        this.minNanos = minNanos;
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
    }

    /** One observed reorder delay. */
    public void sample(long delayNanos) {
        long d = Math.max(0, Math.min(delayNanos, 4 * maxNanos));
        if (!sampled) {
            mean = d;
            deviation = d / 2;
            sampled = true;
            return;
        }
        long err = d - mean;
        mean += err / 8;
        deviation += (Math.abs(err) - deviation) / 4;
    }

    /**
     * A floor from the engine: the spread of one-way delays across the paths in use (for example
     * half the difference between the slowest and fastest path RTT, plus jitter). 0 removes it.
     */
    public void setPathDelaySpread(long nanos) {
        floorNanos = Math.max(0, nanos);
    }

    public long holdNanos() {
        long h = sampled ? mean + Math.max(4 * deviation, mean / 4) : initialNanos;
        h = Math.max(h, floorNanos);
        return Math.max(minNanos, Math.min(maxNanos, h));
    }
}
