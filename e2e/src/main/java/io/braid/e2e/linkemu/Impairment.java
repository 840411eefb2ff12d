package io.braid.e2e.linkemu;

import java.time.Duration;

/**
 * What the emulator does to every packet of one direction of a link: hold it for {@code delay}
 * plus a jitter drawn uniformly from [-jitter, +jitter] (never below zero). Without
 * {@code reorder}, a packet is never released before the one read ahead of it, as on a real wire
 * whose delay varies; with it, packets overtake each other as their draws say.
 */
public record Impairment(Duration delay, Duration jitter, boolean reorder) {
    public static final Impairment NONE = new Impairment(Duration.ZERO, Duration.ZERO, false);

    public Impairment {
        if (delay.isNegative() || jitter.isNegative()) throw new IllegalArgumentException("delay and jitter must be >= 0: " + delay + ", " + jitter);
    }

    public static Impairment delay(Duration delay) {
        return new Impairment(delay, Duration.ZERO, false);
    }

    public Impairment withJitter(Duration jitter, boolean reorder) {
        return new Impairment(delay, jitter, reorder);
    }

    long delayNanos() {
        return delay.toNanos();
    }

    long jitterNanos() {
        return jitter.toNanos();
    }

    @Override
    public String toString() {
        return "delay " + delay.toMillis() + " ms" + (jitter.isZero() ? "" : ", jitter ±" + jitter.toMillis() + " ms" + (reorder ? " (reordering)" : ""));
    }
}
