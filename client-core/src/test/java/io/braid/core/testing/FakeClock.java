package io.braid.core.testing;

import java.time.Duration;

/** A clock that moves only when a test says so; hands out {@code nowNanos} for pure code. */
public final class FakeClock {
    private long nanos;

    public FakeClock() {
        this(1_000_000_000L);
    }

    public FakeClock(long startNanos) {
        this.nanos = startNanos;
    }

    public long nanos() {
        return nanos;
    }

    public long advance(Duration d) {
        nanos += d.toNanos();
        return nanos;
    }

    public long advanceNanos(long n) {
        nanos += n;
        return nanos;
    }

    public long advanceMillis(long ms) {
        return advanceNanos(ms * 1_000_000L);
    }
}
