package io.braid.e2e.measure;

import java.util.Arrays;

/**
 * How long a receiver went (almost) without data after a path was cut, from a trace of
 * per-interval rates (iperf3 --interval 0.1 on the receiving side). "Almost without" is under a
 * tenth of the median rate before the cut: a bond that loses one of two links keeps about half,
 * which is not a stall; an interval spent waiting for a retransmission timeout gets nothing, which
 * is. The starved intervals are added up, not just the longest run, because a recovering flow
 * often stutters (nothing, a burst, nothing again) before it settles.
 */
public final class Stall {
    private Stall() {}

    /**
     * Seconds of starved intervals from {@code cutIndex} on; positive infinity when the trace ends
     * starved (the flow never recovered).
     *
     * @param warmup intervals at the start left out of the reference rate (slow start)
     */
    public static double starvedSeconds(double[] mbit, double intervalSeconds, int warmup, int cutIndex) {
        if (cutIndex <= warmup || cutIndex >= mbit.length) throw new IllegalArgumentException("cut at interval " + cutIndex + " of " + mbit.length + " (warm-up " + warmup + ")");
        double threshold = Medians.of(Arrays.copyOfRange(mbit, warmup, cutIndex)) / 10;
        if (mbit[mbit.length - 1] < threshold) return Double.POSITIVE_INFINITY;
        int starved = 0;
        for (int i = cutIndex; i < mbit.length; i++) {
            if (mbit[i] < threshold) starved++;
        }
        return starved * intervalSeconds;
    }
}
