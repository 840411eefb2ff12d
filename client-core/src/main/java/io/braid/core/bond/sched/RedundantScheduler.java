package io.braid.core.bond.sched;

/** {@code redundant}: every packet on every candidate path; the receiver keeps the first copy. */
final class RedundantScheduler implements Scheduler {
    @Override
    public int choose(Candidates candidates, int wireBytes, int flowHash, long nowNanos, int[] out) {
        for (int i = 0; i < candidates.size(); i++) out[i] = candidates.get(i).id();
        return candidates.size();
    }
}
