package io.braid.core.bond.sim;

import static io.braid.core.bond.sim.Scenario.MS;
import static io.braid.core.bond.sim.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.sched.Mode;
import org.junit.jupiter.api.Test;

/** {@code bond} mode fills links of equal and unequal rate and delay (DESIGN.md's bonding goals). */
class BondThroughputSimTest {
    private static final long MBIT = 1_000_000L;

    @Test
    void twoEqualLinksCarryAtLeastNinetyPercentOfTheirSum() {
        Scenario s = Scenario.builder(1).mode(Mode.BOND)
                .path(PathConfig.of(1, "wan1"), LinkSpec.of(50 * MBIT, 10))
                .path(PathConfig.of(2, "wan2"), LinkSpec.of(50 * MBIT, 10))
                .source(100 * MBIT, 16, 200 * MS).duration(5 * SECOND).build().run();
        long delivered = s.receiver().deliveredBps(SECOND, 5 * SECOND);
        System.out.printf("bond 2x50: %.1f Mbit/s delivered, loss %.2f%%, polls %d%n", delivered / 1e6, s.lossFraction() * 100, s.sender().polls());
        assertThat(delivered).isGreaterThanOrEqualTo(90 * MBIT);
    }

    @Test
    void unequalLinksWithDifferentDelaysCarryAtLeastNinetyPercentOfTheirSum() {
        Scenario s = Scenario.builder(2).mode(Mode.BOND)
                .path(PathConfig.of(1, "fiber"), LinkSpec.of(80 * MBIT, 10))
                .path(PathConfig.of(2, "lte"), LinkSpec.of(20 * MBIT, 40))
                .source(100 * MBIT, 16, 200 * MS).duration(5 * SECOND).build().run();
        long delivered = s.receiver().deliveredBps(SECOND, 5 * SECOND);
        System.out.printf("bond 80+20: %.1f Mbit/s delivered, loss %.2f%%, on fiber %.1f, on lte %.1f Mbit/s%n", delivered / 1e6,
                s.lossFraction() * 100, s.sender().dataBytesSent(1, SECOND, 5 * SECOND) * 8 / 4e6, s.sender().dataBytesSent(2, SECOND, 5 * SECOND) * 8 / 4e6);
        assertThat(delivered).isGreaterThanOrEqualTo(90 * MBIT);
    }
}
