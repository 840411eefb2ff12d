package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;

/**
 * {@code lowest-latency}: everything on the candidate with the lowest smoothed RTT. Another path
 * must be more than {@link #MARGIN} faster for {@link #HOLD_NANOS} before traffic moves, so two
 * links of about the same latency do not trade places (and reorder packets) with every probe.
 */
final class LowestLatencyScheduler implements Scheduler {
    static final double MARGIN = 0.1;
    static final long HOLD_NANOS = 500_000_000L;

    private final StickyChoice choice = new StickyChoice(new Ranking(), MARGIN, HOLD_NANOS);

    @Override
    public int choose(Candidates candidates, int wireBytes, int flowHash, long nowNanos, int[] out) {
        out[0] = choice.choose(candidates, nowNanos).id();
        return 1;
    }

    @Override
    public void forget(int slot) {
        choice.forget(slot);
    }

    private static final class Ranking implements StickyChoice.Ranking {
        @Override
        public int rankClass(BondPath path) {
            return 0;
        }

        @Override
        public double score(BondPath path, long nowNanos) {
            return path.health().rtt().smoothedNanos();
        }
    }
}
