package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;

/**
 * {@code bond}: each packet goes to the path where it is expected to arrive first, given what the
 * scheduler has already queued there, the path's delivery rate and its one-way delay. Paths fill
 * in proportion to their rates, and since arrival order follows send order, the receiver has
 * little to reorder even when the delays differ.
 */
final class EarliestDeliveryScheduler implements Scheduler {
    @Override
    public int choose(Candidates candidates, int wireBytes, int flowHash, long nowNanos, int[] out) {
        BondPath best = candidates.get(0);
        long bestArrival = best.expectedDeliveryNanos(wireBytes, nowNanos);
        for (int i = 1; i < candidates.size(); i++) {
            BondPath p = candidates.get(i);
            long arrival = p.expectedDeliveryNanos(wireBytes, nowNanos);
            if (arrival < bestArrival) {
                best = p;
                bestArrival = arrival;
            }
        }
        out[0] = best.id();
        return 1;
    }
}
