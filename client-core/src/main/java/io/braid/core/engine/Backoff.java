package io.braid.core.engine;

import java.util.random.RandomGenerator;

/**
 * Reconnect delays: the first retry is immediate (a headend restart should cost no extra wait), then
 * exponential from {@code base} up to {@code max}, each with "full jitter" (a random delay between
 * half and all of the step) so a fleet that lost its headend does not come back in lockstep.
 */
public final class Backoff {
    private final long baseNanos;
    private final long maxNanos;
    private final RandomGenerator random;
    private int failures;

    public Backoff(long baseNanos, long maxNanos, RandomGenerator random) {
        this.baseNanos = baseNanos;
        this.maxNanos = maxNanos;
        this.random = random;
    }

    /** The wait before the next attempt, counting this failure. */
    public long nextDelayNanos() {
        int n = failures++;
        if (n == 0) {
            return 0;
        }
        long step = baseNanos << Math.min(n - 1, 30);
        if (step <= 0 || step > maxNanos) {
            step = maxNanos;
        }
        return step / 2 + (long) (random.nextDouble() * (step / 2));
    }

    /** A connection held: the next failure starts from the beginning again. */
    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
