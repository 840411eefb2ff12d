package io.braid.core.bond.sim;

import static io.braid.core.bond.sim.Scenario.MBIT;
import static io.braid.core.bond.sim.Scenario.MS;
import static io.braid.core.bond.sim.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.path.PathState;
import io.braid.core.bond.sched.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A path that goes silent mid-transfer (a blackhole: no error, nothing comes back) is found dead
 * fast, whichever path it is (no link is a master), and traffic moves to the other; a path that
 * comes back is re-admitted.
 */
class PathFailureSimTest {
    private static final long CUT = 2 * SECOND;
    private static final long END = 4 * SECOND;
    private static final long OFFERED = 30 * MBIT;

    @ParameterizedTest(name = "path {0} blackholed")
    @ValueSource(ints = {1, 2})
    void aBlackholedPathIsFoundDeadWithinHalfASecondAndTrafficMoves(int dead) {
        Scenario s = Scenario.builder(11).mode(Mode.BOND)
                .path(PathConfig.of(1, "wan1"), link(10, dead == 1))
                .path(PathConfig.of(2, "wan2"), link(10, dead == 2))
                .source(OFFERED, 16, 200 * MS).duration(END).build().run();
        int alive = 3 - dead;
        long detected = s.firstEntered(dead, PathState.DOWN, CUT);
        long moved = (detected / 10 / MS + 1) * 10 * MS; // the simulator tallies sends per 10 ms
        long after = s.receiver().deliveredBps(moved + 100 * MS, END);
        System.out.printf("path %d blackholed at 2 s: down after %d ms; then %.1f of %.0f Mbit/s delivered over path %d (%d polls)%n",
                dead, (detected - CUT) / MS, after / 1e6, OFFERED / 1e6, alive, s.sender().polls());
        assertThat(s.sender().dataBytesSent(dead, CUT - 100 * MS, CUT)).as("the path carried data right before the cut").isPositive();
        assertThat(detected - CUT).as("time to detect").isPositive().isLessThan(500 * MS);
        assertThat(s.sender().dataBytesSent(dead, moved, END)).as("data sent on the dead path after detection").isZero();
        assertThat(after).isGreaterThanOrEqualTo(OFFERED * 95 / 100);
        assertThat(s.bonding().state(alive)).isEqualTo(PathState.UP);
    }

    @Test
    void aPathThatComesBackIsReadmittedAndCarriesTrafficAgain() {
        long back = CUT + 600 * MS;
        Scenario s = Scenario.builder(12).mode(Mode.BOND)
                .path(PathConfig.of(1, "wan1"), LinkSpec.of(50 * MBIT, 10).blackhole(CUT, back))
                .path(PathConfig.of(2, "wan2"), LinkSpec.of(50 * MBIT, 15))
                .source(60 * MBIT, 16, 200 * MS).duration(END).build().run();
        long down = s.firstEntered(1, PathState.DOWN, CUT);
        long up = s.firstEntered(1, PathState.UP, down);
        System.out.printf("path 1 silent from 2.0 to 2.6 s: down at %d ms, up again at %d ms%n", down / MS, up / MS);
        assertThat(up - back).as("re-admitted after its recovery probes").isBetween(0L, 500 * MS);
        assertThat(s.sender().dataBytesSent(1, up + 100 * MS, END)).isPositive();
        assertThat(s.receiver().deliveredBps(up + 500 * MS, END)).isGreaterThanOrEqualTo(57 * MBIT);
    }

    private static LinkSpec link(long delayMillis, boolean cut) {
        LinkSpec spec = LinkSpec.of(50 * MBIT, delayMillis);
        return cut ? spec.blackhole(CUT, Long.MAX_VALUE) : spec;
    }
}
