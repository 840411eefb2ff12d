package io.braid.core.bond.sim;

import static io.braid.core.bond.sim.Scenario.MBIT;
import static io.braid.core.bond.sim.Scenario.MS;
import static io.braid.core.bond.sim.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.sched.Mode;
import org.junit.jupiter.api.Test;

/** WANs appear and disappear mid-transfer; the session takes them in and lets them go without a reconnect. */
class DynamicPathsSimTest {
    @Test
    void aLinkThatAppearsIsUsedAndOneThatDisappearsIsDroppedWithoutAGap() {
        long added = 2 * SECOND;
        long removed = 4 * SECOND;
        long end = 6 * SECOND;
        Scenario s = Scenario.builder(61).mode(Mode.BOND)
                .path(PathConfig.of(1, "wlan0"), LinkSpec.of(50 * MBIT, 10))
                .pathAddedAt(added, PathConfig.of(2, "lte0"), LinkSpec.of(50 * MBIT, 20))
                .pathRemovedAt(removed, 1)
                .source(80 * MBIT, 16, 200 * MS).duration(end).build().run();
        long alone = s.receiver().deliveredBps(SECOND, added);
        long both = s.receiver().deliveredBps(added + 500 * MS, removed);
        long handover = s.receiver().deliveredBps(removed, removed + 100 * MS);
        long after = s.receiver().deliveredBps(removed + 300 * MS, end);
        System.out.printf("dynamic paths, 80 Mbit/s offered: %.1f on wlan0 alone, %.1f once lte0 appears, %.1f in the 100 ms after wlan0 goes, %.1f on lte0 alone%n",
                alone / 1e6, both / 1e6, handover / 1e6, after / 1e6);
        assertThat(alone).isBetween(48 * MBIT, 50 * MBIT);
        assertThat(both).isGreaterThanOrEqualTo(76 * MBIT);
        assertThat(handover).as("no gap when a link goes").isGreaterThanOrEqualTo(45 * MBIT);
        assertThat(after).isGreaterThanOrEqualTo(47 * MBIT);
        assertThat(s.sender().dataBytesSent(1, removed + 10 * MS, end)).isZero();
        assertThat(s.bonding().snapshot(end)).extracting(p -> p.name()).containsExactly("lte0");
    }
}
