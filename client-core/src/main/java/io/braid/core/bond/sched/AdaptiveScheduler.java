package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;

/**
 * {@code adaptive}: weighted round-robin whose weights follow what is measured, recomputed every
 * {@link #REFRESH_NANOS} per path:
 * <pre>
 * weight = capacity (kbit/s) x (1 - loss)^2 x 1 / (1 + (SRTT - lowest SRTT) / 200 ms) x cap factor x configured weight
 * </pre>
 * Loss counts twice because TCP's throughput falls faster than the raw share; extra latency lowers
 * a path's share gently (it costs reordering, not capacity); the cap factor falls from 1 at 80% of
 * a link's monthly cap to 0.1 at 100%, so a link near its cap is spared before it is cut off.
 */
final class AdaptiveScheduler extends SmoothWeightedScheduler {
    static final long REFRESH_NANOS = 100_000_000L;
    private static final double LATENCY_SCALE_NANOS = 200_000_000.0;

    private final long[] weights;
    private final long[] computedAt;
    private long lowestRtt;

    AdaptiveScheduler(int maxPaths) {
        super(maxPaths);
        weights = new long[maxPaths];
        computedAt = new long[maxPaths];
        java.util.Arrays.fill(computedAt, Long.MIN_VALUE);
    }

    @Override
    public int choose(Candidates candidates, int wireBytes, int flowHash, long nowNanos, int[] out) {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < candidates.size(); i++) lowest = Math.min(lowest, candidates.get(i).health().rtt().smoothedNanos());
        lowestRtt = lowest;
        return super.choose(candidates, wireBytes, flowHash, nowNanos, out);
    }

    @Override
    long weight(BondPath path, long nowNanos) {
        int s = path.slot();
        if (computedAt[s] == Long.MIN_VALUE || nowNanos - computedAt[s] >= REFRESH_NANOS) {
            weights[s] = Math.max(1, Math.round(measuredWeight(path, lowestRtt, nowNanos)));
            computedAt[s] = nowNanos;
        }
        return weights[s];
    }

    static double measuredWeight(BondPath path, long lowestRttNanos, long nowNanos) {
        double kbps = path.capacity().estimateBps() / 1000.0;
        double delivered = 1 - path.health().judgedLoss(nowNanos);
        double extraRtt = Math.max(0, path.health().rtt().smoothedNanos() - lowestRttNanos);
        return kbps * delivered * delivered / (1 + extraRtt / LATENCY_SCALE_NANOS) * capFactor(path) * path.config().weight();
    }

    static double capFactor(BondPath path) {
        if (path.cap().limitBytes().isEmpty()) return 1;
        double used = (double) path.cap().usedBytes() / path.cap().limitBytes().getAsLong();
        if (used <= 0.8) return 1;
        return Math.max(0.1, 1 - (used - 0.8) / 0.2 * 0.9);
    }

    @Override
    public void forget(int slot) {
        super.forget(slot);
        computedAt[slot] = Long.MIN_VALUE;
    }
}
