package io.braid.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void retriesAtOnceThenGrowsWithJitterUpToTheCap() {
        Backoff b = new Backoff(250_000_000L, 30_000_000_000L, new Random(1));
        assertThat(b.nextDelayNanos()).isZero();
        long previousStep = 0;
        for (int i = 1; i < 12; i++) {
            long step = Math.min(250_000_000L << (i - 1), 30_000_000_000L);
            long d = b.nextDelayNanos();
            assertThat(d).isBetween(step / 2, step);
            assertThat(step).isGreaterThanOrEqualTo(previousStep);
            previousStep = step;
        }
        b.reset();
        assertThat(b.nextDelayNanos()).isZero();
    }
}
