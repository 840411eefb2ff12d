package io.braid.core.bond.path;

/**
 * A sum over a sliding time window, kept in a few fixed buckets so adding is O(1) and nothing is
 * allocated: the window is {@code buckets x bucketNanos} long and slides one bucket at a time.
 * Used for throughput (bytes per window) and loss (sent and lost counts per window).
 */
public final class TimeBuckets {
    private final long[] values;
    private final long bucketNanos;
    private long currentBucket;
    private boolean started;

    public TimeBuckets(int buckets, long bucketNanos) {
        if (buckets < 1 || bucketNanos < 1) throw new IllegalArgumentException("need at least one bucket of at least 1 ns");
        this.values = new long[buckets];
        this.bucketNanos = bucketNanos;
    }

    public void add(long value, long nowNanos) {
        advance(nowNanos);
        values[index(currentBucket)] += value;
    }

    /** The sum over the window ending now. */
    public long sum(long nowNanos) {
        advance(nowNanos);
        long sum = 0;
        for (long v : values) sum += v;
        return sum;
    }

    public long windowNanos() {
        return values.length * bucketNanos;
    }

    /**
     * The rate per second over the completed buckets of the window (the current, partial bucket
     * left out, so a rate does not sag at the start of every bucket). 0 with a single bucket.
     */
    public double perSecond(long nowNanos) {
        if (values.length < 2) return 0;
        long completed = sum(nowNanos) - values[index(currentBucket)];
        return completed * 1e9 / ((values.length - 1) * bucketNanos);
    }

    public void clear() {
        java.util.Arrays.fill(values, 0);
    }

    private void advance(long nowNanos) {
        long bucket = Math.floorDiv(nowNanos, bucketNanos);
        if (!started) {
            started = true;
            currentBucket = bucket;
            return;
        }
        if (bucket <= currentBucket) return; // an event stamped slightly in the past lands in the current bucket
        long steps = Math.min(bucket - currentBucket, values.length);
        for (long i = 1; i <= steps; i++) values[index(currentBucket + i)] = 0;
        currentBucket = bucket;
    }

    private int index(long bucket) {
        return (int) Math.floorMod(bucket, (long) values.length);
    }
}
