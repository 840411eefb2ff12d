package io.braid.e2e.linkemu;

import java.time.Duration;

/**
 * Whether a link is out (drops everything, both directions, queued packets included) and until
 * when. One volatile value, read for every packet: the end of the outage in {@link System#nanoTime}.
 */
final class Outage {
    private volatile long until = System.nanoTime();

    boolean active(long now) {
        return now - until < 0;
    }

    /** Out from now for {@code length}; a later call replaces the window. */
    void startFor(Duration length) {
        until = System.nanoTime() + length.toNanos();
    }

    /** Out from now until {@link #end()}: a silent blackhole. */
    void start() {
        until = System.nanoTime() + Duration.ofDays(3650).toNanos();
    }

    void end() {
        until = System.nanoTime();
    }
}
