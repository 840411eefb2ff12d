package io.braid.e2e.measure;

/**
 * The longest time a receiver got (almost) nothing after a path was cut, from a trace of
 * per-interval rates (iperf3 --interval 0.1 on the receiving side). "Almost nothing" is under a
 * tenth of the median rate before the cut: a bond that loses one of two links keeps about half,
 * which is not a stall; a flow that waits for a retransmission timeout gets nothing, which is.
 */
public final class Stall {
    private Stall() {}

    /**
     * Seconds of the longest run of starved intervals at or after {@code cutIndex}; positive
     * infinity when the trace ends starved (the flow never recovered).
     *
     * @param warmup intervals at the start left out of the reference rate (slow start)
     */
    public static double longest(double[] mbit, double intervalSeconds, int warmup, int cutIndex) {
        if (cutIndex <= warmup || cutIndex > mbit.length) throw new IllegalArgumentException("cut at interval " + cutIndex + " of " + mbit.length + " (warm-up " + warmup + ")");
        double threshold = Medians.of(java.util.Arrays.copyOfRange(mbit, warmup, cutIndex)) / 10;
        int longest = 0;
        int run = 0;
        for (int i = cutIndex; i < mbit.length; i++) {
            run = mbit[i] < threshold ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        if (run > 0 && run == longest) return Double.POSITIVE_INFINITY;
        return longest * intervalSeconds;
    }
}
