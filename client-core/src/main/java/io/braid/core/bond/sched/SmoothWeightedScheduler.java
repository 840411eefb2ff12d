package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;

/**
 * Smooth weighted round-robin (as in nginx): every pick adds each candidate's weight to its credit,
 * the richest candidate is chosen and pays the total. Packets interleave in proportion to the
 * weights (5:1:1 gives a a b a c a a, not a a a a a b c), so no path gets long bursts.
 * Subclasses say where the weights come from.
 */
abstract class SmoothWeightedScheduler implements Scheduler {
    private final long[] credit;

    SmoothWeightedScheduler(int maxPaths) {
        this.credit = new long[maxPaths];
    }

    /** The candidate's weight now; positive. */
    abstract long weight(BondPath path, long nowNanos);

    @Override
    public int choose(Candidates candidates, int wireBytes, int flowHash, long nowNanos, int[] out) {
        long total = 0;
        BondPath best = null;
        for (int i = 0; i < candidates.size(); i++) {
            BondPath p = candidates.get(i);
            long w = Math.max(1, weight(p, nowNanos));
            credit[p.slot()] += w;
            total += w;
            if (best == null || credit[p.slot()] > credit[best.slot()]) best = p;
        }
        credit[best.slot()] -= total;
        out[0] = best.id();
        return 1;
    }

    @Override
    public void forget(int slot) {
        credit[slot] = 0;
    }
}
