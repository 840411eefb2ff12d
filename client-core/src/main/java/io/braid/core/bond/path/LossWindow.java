package io.braid.core.bond.path;

/**
 * Packet loss of one path over a sliding window (5 s), from two sources added together: the
 * receiver's feedback (packets received and gaps seen, so data traffic measures the path) and
 * probes that were never answered (so an idle path is measured too).
 *
 * <p>Two readings: {@link #fraction} is all that was seen (for status); {@link #evidence} judges
 * the link. It leaves out the losses the caller marks as congestion this end caused (packets sent
 * while its queue model for the path was over the saturation threshold): not a bad link, and they
 * must not suspend it. And it divides by at least {@link #MIN_SAMPLES} packets, so one lost
 * probe out of five on an idle path reads as 2%, not 20%, and cannot suspend a link on its own. A
 * degraded path is probed ten times faster, so real loss soon has the samples to show.
 */
public final class LossWindow {
    public static final int MIN_SAMPLES = 50;
    private static final int BUCKETS = 10;
    private static final long BUCKET_NANOS = 500_000_000L;

    private final TimeBuckets sent = new TimeBuckets(BUCKETS, BUCKET_NANOS);
    private final TimeBuckets lost = new TimeBuckets(BUCKETS, BUCKET_NANOS);
    private final TimeBuckets judgedSent = new TimeBuckets(BUCKETS, BUCKET_NANOS);
    private final TimeBuckets judgedLost = new TimeBuckets(BUCKETS, BUCKET_NANOS);

    /**
     * Records {@code sentCount} packets of which {@code lostCount} never arrived; {@code congested}
     * when this end was overfilling the path meanwhile.
     */
    public void record(long sentCount, long lostCount, boolean congested, long nowNanos) {
        sent.add(sentCount, nowNanos);
        lost.add(lostCount, nowNanos);
        if (congested) return;
        judgedSent.add(sentCount, nowNanos);
        judgedLost.add(lostCount, nowNanos);
    }

    /** Lost / sent over the window; 0 when nothing was sent. */
    public double fraction(long nowNanos) {
        long s = sent.sum(nowNanos);
        return s == 0 ? 0 : (double) lost.sum(nowNanos) / s;
    }

    /** Lost / max(sent, {@link #MIN_SAMPLES}), congestion this end caused left out: the loss that state decisions trust. */
    public double evidence(long nowNanos) {
        return (double) judgedLost.sum(nowNanos) / Math.max(judgedSent.sum(nowNanos), MIN_SAMPLES);
    }

    /** Forgets the window (after an outage, whose losses say nothing about the path's quality). */
    public void clear() {
        sent.clear();
        lost.clear();
        judgedSent.clear();
        judgedLost.clear();
    }
}
