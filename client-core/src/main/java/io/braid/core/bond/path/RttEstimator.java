package io.braid.core.bond.path;

import java.util.Arrays;

/**
 * Round-trip time of one path: RFC 6298's smoothed RTT and RTT variation (the variation is what
 * status calls jitter), the base RTT (the path without queueing: the minimum over the last 15-30 s,
 * so a route that got longer is noticed), and a ring of the most recent samples for percentiles.
 * Smoothing reacts within a few probes; the ring shows what the smoothing hides (spikes at p95).
 */
public final class RttEstimator {
    /** Recent samples kept for percentiles: enough for a stable p95, small enough to sort on demand. */
    public static final int RECENT = 32;
    /** The base RTT is the minimum of this window and the previous one. */
    public static final long BASE_WINDOW_NANOS = 15_000_000_000L;

    private final long[] recent = new long[RECENT];
    private final long[] sorted = new long[RECENT];
    private int count;
    private int next;
    private long smoothed;
    private long variation;
    private long baseWindowStart = Long.MIN_VALUE;
    private long minThisWindow = Long.MAX_VALUE;
    private long minLastWindow = Long.MAX_VALUE;

    public void add(long rttNanos, long nowNanos) {
        long r = Math.max(0, rttNanos);
        if (count == 0) {
            smoothed = r;
            variation = r / 2;
        } else {
            // RFC 6298 section 2.3: beta = 1/4 for the variation, then alpha = 1/8 for the mean.
            variation = variation - variation / 4 + Math.abs(smoothed - r) / 4;
            smoothed = smoothed - smoothed / 8 + r / 8;
        }
        if (baseWindowStart == Long.MIN_VALUE || nowNanos - baseWindowStart >= BASE_WINDOW_NANOS) {
            minLastWindow = baseWindowStart == Long.MIN_VALUE ? Long.MAX_VALUE : minThisWindow;
            minThisWindow = Long.MAX_VALUE;
            baseWindowStart = nowNanos;
        }
        minThisWindow = Math.min(minThisWindow, r);
        recent[next] = r;
        next = (next + 1) % RECENT;
        if (count < RECENT) count++;
    }

    public boolean hasSamples() {
        return count > 0;
    }

    /** Smoothed RTT, or 0 before the first sample. */
    public long smoothedNanos() {
        return smoothed;
    }

    /** Mean deviation of the RTT (RFC 6298 RTTVAR), or 0 before the first sample. */
    public long variationNanos() {
        return variation;
    }

    /** The RTT without queueing: the lowest of the last 15-30 s, or 0 before the first sample. */
    public long baseNanos() {
        return count == 0 ? 0 : Math.min(minThisWindow, minLastWindow);
    }

    /** The nearest-rank percentile ({@code 0 < q <= 1}) of the recent samples, or 0 before the first. */
    public long percentileNanos(double q) {
        if (count == 0) return 0;
        System.arraycopy(recent, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)];
    }
}
