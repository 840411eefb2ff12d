package io.braid.e2e.linkemu;

/**
 * What one direction of an emulated link did so far. Lateness is how long after its scheduled
 * release a packet actually left (the emulator's delay error), at 50 µs resolution.
 */
public record DirectionStats(long received, long released, long droppedInOutage, long droppedQueueFull,
                             long latenessP50Nanos, long latenessP99Nanos, long latenessMaxNanos, long releasedOver1msLate) {

    @Override
    public String toString() {
        return String.format("received %d, released %d, dropped %d (outage) + %d (queue full); lateness p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d over 1 ms",
                received, released, droppedInOutage, droppedQueueFull, latenessP50Nanos / 1e6, latenessP99Nanos / 1e6, latenessMaxNanos / 1e6,
                releasedOver1msLate);
    }
}
