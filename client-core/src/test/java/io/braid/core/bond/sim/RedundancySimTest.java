package io.braid.core.bond.sim;

import static io.braid.core.bond.sim.Scenario.MBIT;
import static io.braid.core.bond.sim.Scenario.MS;
import static io.braid.core.bond.sim.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.sched.FecSpec;
import io.braid.core.bond.sched.Mode;
import org.junit.jupiter.api.Test;

/**
 * {@code redundant} over two paths with 10% independent loss each loses about the product (1%);
 * with FEC on top, well under 0.1% (DESIGN.md's goals). 20,000 packets per run.
 */
class RedundancySimTest {
    @Test
    void redundantModeOverTwoLossyPathsLosesAboutTheProduct() {
        Scenario s = run(FecSpec.OFF);
        System.out.printf("redundant, 10%% loss on each path: %.2f%% lost (%d duplicates dropped)%n", s.lossFraction() * 100, s.receiver().duplicates());
        assertThat(s.lossFraction()).isBetween(0.006, 0.015);
    }

    @Test
    void redundantModeWithFecLosesUnderOnePerMille() {
        Scenario s = run(FecSpec.parse("4+2"));
        System.out.printf("redundant + FEC 4+2, 10%% loss on each path: %.2f%% lost before FEC, %.3f%% after%n", s.lossFraction() * 100, s.lossAfterFec() * 100);
        assertThat(s.lossAfterFec()).isLessThan(0.001);
    }

    private static Scenario run(FecSpec fec) {
        return Scenario.builder(21).mode(Mode.REDUNDANT).fec(fec)
                .path(PathConfig.of(1, "wan1"), LinkSpec.of(50 * MBIT, 10).loss(0.10))
                .path(PathConfig.of(2, "wan2"), LinkSpec.of(50 * MBIT, 20).loss(0.10))
                .source(10 * MBIT, 4, 200 * MS).duration(20 * SECOND + 200 * MS).build().run();
    }
}
