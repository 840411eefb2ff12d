package io.braid.core.bond.path;

/**
 * The scheduler's model of what is still queued on a path: the time the path would finish sending
 * everything given to it so far, draining at the planned rate. Earliest expected delivery is
 * {@code max(busyUntil, now) + size/rate + one-way delay}; the queue delay tells whether the path
 * is saturated. A model fed only by its own rate estimate can drift from reality for good (a low
 * estimate makes a fictional queue, the fictional queue starves the path, the starved path never
 * shows more rate), so each probe's measured queueing {@link #correct corrects} it; and it is
 * capped at {@link #MAX_NANOS}.
 */
public final class SendBacklog {
    public static final long MAX_NANOS = 2_000_000_000L;

    private long busyUntil = Long.MIN_VALUE;

    /** How long a packet given now would wait before its first bit leaves. */
    public long queueDelayNanos(long nowNanos) {
        return busyUntil > nowNanos ? busyUntil - nowNanos : 0;
    }

    /** When a packet of {@code bytes} given now would arrive. */
    public long deliveryNanos(int bytes, long rateBps, long oneWayDelayNanos, long nowNanos) {
        return Math.max(busyUntil, nowNanos) + transmitNanos(bytes, rateBps) + oneWayDelayNanos;
    }

    public void add(int bytes, long rateBps, long nowNanos) {
        busyUntil = Math.min(Math.max(busyUntil, nowNanos) + transmitNanos(bytes, rateBps), nowNanos + MAX_NANOS);
    }

    /**
     * Corrects the model by {@code deltaNanos} (positive: the path holds more than modelled) once a
     * measurement has shown how far it was off; never below empty, never above the cap.
     */
    public void correct(long deltaNanos, long nowNanos) {
        busyUntil = Math.clamp(Math.max(busyUntil, nowNanos) + deltaNanos, nowNanos, nowNanos + MAX_NANOS);
    }

    public static long transmitNanos(long bytes, long rateBps) {
        return bytes * 8_000_000_000L / Math.max(1, rateBps);
    }
}
