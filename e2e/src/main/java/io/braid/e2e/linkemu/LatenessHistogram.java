package io.braid.e2e.linkemu;

/**
 * How late each packet left compared with its scheduled release, in 50 µs buckets up to 10 ms
 * (one more for later): the emulator's delay accuracy, kept without allocating. Written by one
 * thread; a reader's snapshot may be a few packets stale, which is fine for a report.
 */
final class LatenessHistogram {
    static final long BUCKET_NANOS = 50_000;
    private final long[] counts = new long[201];
    private volatile long max;
    private volatile long total;

    void record(long latenessNanos) {
        long lateness = Math.max(0, latenessNanos);
        counts[(int) Math.min(counts.length - 1, lateness / BUCKET_NANOS)]++;
        if (lateness > max) max = lateness;
        total = total + 1;
    }

    /** Forgets everything; only on the recording thread. */
    void clear() {
        java.util.Arrays.fill(counts, 0);
        max = 0;
        total = 0;
    }

    long count() {
        return total;
    }

    long maxNanos() {
        return max;
    }

    /** Upper edge of the bucket holding the given percentile (0..100), at most the maximum, in nanoseconds; 0 with no packets. */
    long percentileNanos(double percentile) {
        long n = total;
        if (n == 0) return 0;
        long rank = (long) Math.ceil(percentile / 100.0 * n);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) return i == counts.length - 1 ? max : Math.min(max, (i + 1) * BUCKET_NANOS);
        }
        return max;
    }

    /** Packets released more than {@code nanos} late (to the bucket's resolution). */
    long countLaterThan(long nanos) {
        long later = 0;
        for (int i = (int) Math.min(counts.length - 1, nanos / BUCKET_NANOS); i < counts.length; i++) later += counts[i];
        return later;
    }
}
