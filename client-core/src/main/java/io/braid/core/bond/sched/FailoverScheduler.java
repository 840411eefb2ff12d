package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;
import io.braid.core.bond.path.PathState;

/**
 * {@code failover}: everything on the single best path. Best = the highest priority tier, then up
 * before degraded, then the lowest (SRTT + 1 ms) x (1 + 10 x loss) / weight, so a user can prefer a
 * link with its weight. A better path takes over only after being better for the hold (a link that
 * just came back must prove itself before traffic returns to it); losing the current path switches
 * at once.
 */
final class FailoverScheduler implements Scheduler {
    static final double MARGIN = 0.2;

    private final StickyChoice choice;

    FailoverScheduler(long holdNanos) {
        this.choice = new StickyChoice(new Ranking(), MARGIN, holdNanos);
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

    private static final class Ranking implements StickyChoice.Ranking {
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
            return rtt * (1 + 10 * path.health().lossFraction(nowNanos)) / path.config().weight();
        }
    }
}
