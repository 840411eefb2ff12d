package io.braid.e2e.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StallTest {
    @Test
    void aBondThatKeepsHalfItsRateDoesNotStall() {
        double[] trace = {10, 90, 95, 90, 95, 47, 46, 48, 47};
        assertThat(Stall.starvedSeconds(trace, 0.1, 1, 5)).isZero();
    }

    @Test
    void starvedIntervalsAddUpThroughAStutteringRecovery() {
        double[] trace = {10, 90, 95, 90, 0, 0, 80, 0, 2, 47, 46};
        assertThat(Stall.starvedSeconds(trace, 0.1, 1, 4)).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aFlowThatEndsStarvedNeverRecovered() {
        double[] trace = {10, 48, 47, 48, 3, 0, 0, 0};
        assertThat(Stall.starvedSeconds(trace, 0.1, 1, 4)).isInfinite();
    }

    @Test
    void theCutMustFallAfterTheWarmUpAndInsideTheTrace() {
        assertThatThrownBy(() -> Stall.starvedSeconds(new double[] {1, 2, 3}, 0.1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stall.starvedSeconds(new double[] {1, 2, 3}, 0.1, 1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertThat(Medians.of(3, 1, 2)).isEqualTo(2);
        assertThat(Medians.of(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Medians.of()).isNaN();
    }
}
