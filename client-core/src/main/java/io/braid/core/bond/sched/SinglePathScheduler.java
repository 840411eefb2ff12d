package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;
import io.braid.core.bond.path.PathState;

/**
 * The modes that put everything on one path at a time, chosen by a {@link StickyChoice}:
 * <ul>
 *   <li>{@code failover}: best = the highest priority tier, then up before degraded, then the lowest
 *       (SRTT + 1 ms) x (1 + 10 x loss) / weight (so a user can prefer a link with its weight). A
 *       better path takes over only after being more than {@link #FAILOVER_MARGIN} better for the
 *       failover hold: a link that just came back must prove itself before traffic returns to it.</li>
 *   <li>{@code lowest-latency}: best = the lowest smoothed RTT; another path must be more than
 *       {@link #LATENCY_MARGIN} faster for {@link #LATENCY_HOLD_NANOS}, so two links of about the
 *       same latency do not trade places (and reorder packets) with every probe.</li>
 * </ul>
 * Losing the current path switches at once in both.
 */
final class SinglePathScheduler implements Scheduler {
    static final double FAILOVER_MARGIN = 0.2;
    static final double LATENCY_MARGIN = 0.1;
    static final long LATENCY_HOLD_NANOS = 500_000_000L;

    private final StickyChoice choice;

    private SinglePathScheduler(StickyChoice choice) {
        this.choice = choice;
    }

    static SinglePathScheduler failover(long holdNanos) {
        return new SinglePathScheduler(new StickyChoice(new FailoverRanking(), FAILOVER_MARGIN, holdNanos));
    }

    static SinglePathScheduler lowestLatency() {
        return new SinglePathScheduler(new StickyChoice(new LatencyRanking(), LATENCY_MARGIN, LATENCY_HOLD_NANOS));
    }

    @Override
    public int choose(Candidates candidates, int wireBytes, int flowHash, long nowNanos, int[] out) {
        out[0] = choice.choose(candidates, nowNanos).id();
        return 1;
    }

    @Override
    public void forget(int slot) {
        choice.forget(slot);
    }

    private static final class FailoverRanking implements StickyChoice.Ranking {
        @Override
        public int rankClass(BondPath path) {
            int tier = switch (path.config().priority()) {
                case ALWAYS -> 0;
                case SECONDARY -> 1;
                case BACKUP -> 2;
                case NEVER -> 3;
            };
            return tier * 2 + (path.health().state() == PathState.UP ? 0 : 1);
        }

        @Override
        public double score(BondPath path, long nowNanos) {
            double rtt = path.health().rtt().smoothedNanos() + 1_000_000.0;
            return rtt * (1 + 10 * path.health().judgedLoss(nowNanos)) / path.config().weight();
        }
    }

    private static final class LatencyRanking implements StickyChoice.Ranking {
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
