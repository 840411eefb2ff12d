package io.braid.core.bond.sim;

import static io.braid.core.bond.sim.Scenario.MBIT;
import static io.braid.core.bond.sim.Scenario.MS;
import static io.braid.core.bond.sim.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.bond.BondSettings;
import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.path.PathState;
import io.braid.core.bond.sched.Mode;
import org.junit.jupiter.api.Test;

/** {@code failover} uses the best path only, moves at once when it dies, and returns only after the hold. */
class FailoverSimTest {
    @Test
    void failoverPicksTheBestPathAndSwitchesBackOnlyAfterTheHold() {
        long cut = 2 * SECOND;
        long back = 3 * SECOND;
        long end = 8 * SECOND;
        long hold = BondSettings.DEFAULT.failoverHoldNanos();
        Scenario s = Scenario.builder(51).mode(Mode.FAILOVER)
                .path(PathConfig.of(1, "fast"), LinkSpec.of(50 * MBIT, 10).blackhole(cut, back))
                .path(PathConfig.of(2, "slow"), LinkSpec.of(50 * MBIT, 30))
                .source(10 * MBIT, 16, 200 * MS).duration(end).build().run();
        long down = s.firstEntered(1, PathState.DOWN, cut);
        long up = s.firstEntered(1, PathState.UP, down);
        System.out.printf("failover: fast path down at +%d ms, up at %d ms; traffic back on it at %d ms; %d switches%n",
                (down - cut) / MS, up / MS, firstBucketWith(s, 1, up) / MS, switches(s, 300 * MS, end));
        assertThat(s.sender().dataBytesSent(2, 300 * MS, cut)).as("the slower path idles while the best is up").isZero();
        assertThat(down - cut).isLessThan(500 * MS);
        assertThat(s.sender().dataBytesSent(1, down + 10 * MS, up + hold - 10 * MS)).as("the fast path during its outage and hold").isZero();
        assertThat(s.sender().dataBytesSent(2, up + hold + 50 * MS, end)).as("the slow path after the hold").isZero();
        assertThat(s.receiver().deliveredBps(down + 100 * MS, end)).isGreaterThanOrEqualTo(9_500_000);
        assertThat(switches(s, 300 * MS, end)).isEqualTo(2);
    }

    /** How often data moved from one path to the other, by 10 ms buckets. */
    private static int switches(Scenario s, long from, long to) {
        int switches = 0;
        int last = 0;
        for (long t = from; t < to; t += 10 * MS) {
            int on = s.sender().dataBytesSent(1, t, t + 10 * MS) > 0 ? 1 : s.sender().dataBytesSent(2, t, t + 10 * MS) > 0 ? 2 : 0;
            if (on != 0 && last != 0 && on != last) switches++;
            if (on != 0) last = on;
        }
        return switches;
    }

    private static long firstBucketWith(Scenario s, int pathId, long from) {
        for (long t = from; t < 8 * SECOND; t += 10 * MS) {
            if (s.sender().dataBytesSent(pathId, t, t + 10 * MS) > 0) return t;
        }
        return -1;
    }
}
