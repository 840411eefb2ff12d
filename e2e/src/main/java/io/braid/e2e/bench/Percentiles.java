package io.braid.e2e.bench;

import java.util.Arrays;

/** Latency summaries for benchmark reports (nearest-rank percentiles over all samples). */
public final class Percentiles {
    private final long[] sortedNanos;

    public Percentiles(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    public double millis(double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    public int count() {
        return sortedNanos.length;
    }
}
