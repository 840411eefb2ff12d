package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;
import io.braid.core.bond.path.Priority;

/**
 * {@code per-flow}: all packets of a flow (by the hash of its 5-tuple) take one path, so the flow
 * is never reordered by bonding. A fixed table remembers each flow's path; a flow keeps it while
 * the path stays allowed (see {@link #mayKeep}), and may move (to a new path, to rebalance) only after it has been idle
 * longer than the largest SRTT among the candidates plus {@link #IDLE_MARGIN_NANOS}, when its last
 * packet has surely arrived (a "flowlet" boundary). New and idle flows are placed by weighted
 * rendezvous hashing with weight = measured capacity x configured weight, so a link carries a
 * share of flows in proportion to what it can carry, and adding or removing a link moves only the
 * flows it gains or loses. Flows whose hashes share a table entry share a path, which is harmless.
 */
final class PerFlowScheduler implements Scheduler {
    static final int TABLE = 1024;
    static final long IDLE_MARGIN_NANOS = 10_000_000L;

    private final BondPath[] pinned = new BondPath[TABLE];
    private final long[] lastSeen = new long[TABLE];

    @Override
    public int choose(Candidates candidates, int wireBytes, int flowHash, long nowNanos, int[] out) {
        int entry = flowHash & (TABLE - 1);
        BondPath path = pinned[entry];
        if (path == null || !mayKeep(path, candidates) || nowNanos - lastSeen[entry] > idleGap(candidates)) {
            path = rendezvous(candidates, flowHash);
            pinned[entry] = path;
        }
        lastSeen[entry] = nowNanos;
        out[0] = path.id();
        return 1;
    }

    @Override
    public void forget(int slot) {
        for (int i = 0; i < TABLE; i++) {
            if (pinned[i] != null && pinned[i].slot() == slot) pinned[i] = null;
        }
    }

    /**
     * A flow keeps a path that is still a candidate, or a usable secondary path that dropped out
     * only because the always-paths have room again (moving then would reorder for nothing). A
     * backup path gives its flows back as soon as a better tier is up: it may cost money.
     */
    private static boolean mayKeep(BondPath path, Candidates candidates) {
        return candidates.contains(path) || (path.usable() && path.config().priority() == Priority.SECONDARY);
    }

    private static long idleGap(Candidates candidates) {
        long maxRtt = 0;
        for (int i = 0; i < candidates.size(); i++) maxRtt = Math.max(maxRtt, candidates.get(i).health().rtt().smoothedNanos());
        return maxRtt + IDLE_MARGIN_NANOS;
    }

    /** Weighted rendezvous (highest random weight) hashing: score = -weight / ln(u), u uniform from (flow, path). */
    private static BondPath rendezvous(Candidates candidates, int flowHash) {
        BondPath best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            BondPath p = candidates.get(i);
            long bits = mix64(((long) flowHash << 32) ^ p.id());
            double u = ((bits >>> 11) + 0.5) / (1L << 53);
            double weight = Math.max(1, p.capacity().estimateBps() / 1000.0) * p.config().weight();
            double score = -weight / Math.log(u);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /** SplitMix64's finaliser: spreads (flow, path) pairs evenly over 64 bits. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
