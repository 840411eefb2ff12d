package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;

/** {@code round-robin}: the candidates in turn, by slot, resuming after the last one used. */
final class RoundRobinScheduler implements Scheduler {
    private int lastSlot = -1;

    @Override
    public int choose(Candidates candidates, int wireBytes, int flowHash, long nowNanos, int[] out) {
        BondPath next = candidates.get(0);
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).slot() > lastSlot) {
                next = candidates.get(i);
                break;
            }
        }
        lastSlot = next.slot();
        out[0] = next.id();
        return 1;
    }
}
