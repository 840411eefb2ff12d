package io.braid.core.bond.sim;

import static io.braid.core.bond.sim.Scenario.MBIT;
import static io.braid.core.bond.sim.Scenario.MS;
import static io.braid.core.bond.sim.Scenario.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.sched.Mode;
import org.junit.jupiter.api.Test;

/** {@code per-flow} keeps every flow on one path: over links of different delay and jitter, no flow is reordered. */
class FlowOrderSimTest {
    @Test
    void perFlowNeverReordersWithinAFlowYetUsesBothLinks() {
        Scenario s = run(Mode.PER_FLOW);
        long first = s.sender().dataBytesSent(1, 0, 5 * SECOND);
        long second = s.sender().dataBytesSent(2, 0, 5 * SECOND);
        System.out.printf("per-flow: %d packets reordered within their flow; links carried %.1f and %.1f MB%n", s.receiver().reorderedInFlow(), first / 1e6, second / 1e6);
        assertThat(s.receiver().reorderedInFlow()).isZero();
        assertThat(Math.min(first, second)).isGreaterThan((first + second) / 10);
    }

    /** The control: round-robin over the same links reorders, so zero above is the mode's doing. */
    @Test
    void roundRobinOverTheSameLinksReorders() {
        Scenario s = run(Mode.ROUND_ROBIN);
        System.out.printf("round-robin: %d packets reordered within their flow%n", s.receiver().reorderedInFlow());
        assertThat(s.receiver().reorderedInFlow()).isGreaterThan(1000);
    }

    private static Scenario run(Mode mode) {
        return Scenario.builder(41).mode(mode)
                .path(PathConfig.of(1, "wan1"), LinkSpec.of(50 * MBIT, 10).jitter(5))
                .path(PathConfig.of(2, "wan2"), LinkSpec.of(50 * MBIT, 40).jitter(10))
                .source(40 * MBIT, 31, 200 * MS).duration(5 * SECOND).build().run();
    }
}
