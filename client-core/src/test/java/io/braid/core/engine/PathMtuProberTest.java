package io.braid.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathMtuProberTest {
    @Test
    void startsSafeAndTakesTheLargestAcknowledgedSize() {
        PathMtuProber p = new PathMtuProber(null);
        assertThat(p.mtu()).isEqualTo(PathMtuProber.SAFE_MTU);
        assertThat(p.probesDue(0)).contains(1472, 1400, 1280);
        assertThat(p.probesDue(1)).isEmpty();
        assertThat(p.onAcknowledged(1400)).isTrue();
        assertThat(p.onAcknowledged(1280)).isFalse();
        p.tick(2_000_000_000L);
        assertThat(p.mtu()).isEqualTo(1400);
        assertThat(p.probing()).isFalse();
    }

    @Test
    void aManualOverrideIsNeverProbedAway() {
        PathMtuProber p = new PathMtuProber(1300);
        assertThat(p.probesDue(0)).isEmpty();
        assertThat(p.onAcknowledged(1472)).isFalse();
        assertThat(p.mtu()).isEqualTo(1300);
    }
}
