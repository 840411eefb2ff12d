package io.braid.core.bond.sim;

import static io.braid.core.bond.sim.Scenario.MBIT;
import static io.braid.core.bond.sim.Scenario.MS;
import static io.braid.core.bond.sim.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.bond.cap.CapPeriod;
import io.braid.core.bond.cap.DataCap;
import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.path.PathState;
import io.braid.core.bond.path.Priority;
import io.braid.core.bond.sched.Mode;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Priority tiers and data caps decide which links carry anything at all. */
class PrioritySimTest {
    @Test
    void aBackupLinkCarriesNothingWhileThePrimaryIsUpAndTakesOverWhenItDies() {
        long cut = 2 * SECOND;
        long back = 4 * SECOND;
        Scenario s = Scenario.builder(31).mode(Mode.BOND)
                .path(PathConfig.of(1, "fiber"), LinkSpec.of(50 * MBIT, 10).blackhole(cut, back))
                .path(PathConfig.of(2, "lte").withPriority(Priority.BACKUP), LinkSpec.of(50 * MBIT, 20))
                .source(20 * MBIT, 16, 200 * MS).duration(7 * SECOND).build().run();
        long down = s.firstEntered(1, PathState.DOWN, cut);
        long up = s.firstEntered(1, PathState.UP, down);
        System.out.printf("backup: primary down at +%d ms, back at %d ms; backup carried %.1f MB while needed%n",
                (down - cut) / MS, up / MS, s.sender().dataBytesSent(2, down, up) / 1e6);
        assertThat(s.bonding().state(2)).as("the backup is probed and known up").isEqualTo(PathState.UP);
        assertThat(s.sender().dataBytesSent(2, 0, cut)).as("backup bytes while the primary is up").isZero();
        assertThat(down - cut).isLessThan(500 * MS);
        long takeover = down + 10 * MS;
        assertThat(s.sender().dataBytesSent(1, takeover, up)).isZero();
        assertThat(s.receiver().deliveredBps(takeover + 100 * MS, back)).isGreaterThanOrEqualTo(19 * MBIT);
        assertThat(s.sender().dataBytesSent(2, up + 10 * MS, 7 * SECOND)).as("backup bytes once the primary is back").isZero();
    }

    @Test
    void aSecondaryLinkJoinsOnlyWhenTheAlwaysLinkIsSaturated() {
        Scenario light = secondaryScenario(30 * MBIT);
        Scenario heavy = secondaryScenario(80 * MBIT);
        long lightShare = light.sender().dataBytesSent(2, SECOND, 5 * SECOND) * 8 / 4;
        long heavyShare = heavy.sender().dataBytesSent(2, SECOND, 5 * SECOND) * 8 / 4;
        System.out.printf("secondary: carries %.2f Mbit/s of 30 offered, %.1f of 80 offered (always-link 50 Mbit/s)%n", lightShare / 1e6, heavyShare / 1e6);
        assertThat(lightShare).isZero();
        assertThat(heavyShare).isGreaterThan(25 * MBIT);
        assertThat(heavy.receiver().deliveredBps(SECOND, 5 * SECOND)).isGreaterThanOrEqualTo(76 * MBIT);
    }

    private static Scenario secondaryScenario(long offered) {
        return Scenario.builder(32).mode(Mode.BOND)
                .path(PathConfig.of(1, "fiber"), LinkSpec.of(50 * MBIT, 10))
                .path(PathConfig.of(2, "lte").withPriority(Priority.SECONDARY), LinkSpec.of(50 * MBIT, 10))
                .source(offered, 16, 200 * MS).duration(5 * SECOND).build().run();
    }

    @Test
    void aCappedLinkStopsCarryingTrafficOnceItsCapIsUsedUp() {
        long cap = 4_000_000;
        Scenario s = Scenario.builder(33).mode(Mode.BOND)
                .path(PathConfig.of(1, "fiber"), LinkSpec.of(30 * MBIT, 10))
                .path(PathConfig.of(2, "lte").withCap(new DataCap(cap, CapPeriod.calendarMonth(ZoneOffset.UTC))), LinkSpec.of(30 * MBIT, 10))
                .source(40 * MBIT, 16, 200 * MS).duration(5 * SECOND).build().run();
        long lteData = s.sender().dataBytesSent(2, 0, 5 * SECOND);
        var lte = s.bonding().snapshot(5 * SECOND).get(1);
        System.out.printf("cap: lte carried %.2f MB of data, counted %.2f MB against its %.0f MB cap%n", lteData / 1e6, lte.bytesUsed() / 1e6, cap / 1e6);
        assertThat(lte.capBytes()).isEqualTo(cap);
        assertThat(lte.bytesUsed()).isGreaterThanOrEqualTo(cap);
        assertThat(lteData).isGreaterThan(cap / 2).isLessThanOrEqualTo(cap);
        assertThat(s.sender().dataBytesSent(2, 3 * SECOND, 5 * SECOND)).isZero();
        assertThat(s.receiver().deliveredBps(3 * SECOND, 5 * SECOND)).as("the other link takes what it can").isGreaterThanOrEqualTo(28 * MBIT);
    }
}
