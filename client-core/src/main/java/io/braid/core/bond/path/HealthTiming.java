package io.braid.core.bond.path;

/**
 * How often paths are probed and how fast silence is judged, the same for every link of a session.
 *
 * <p>Probe interval: {@code healthyProbe} for an idle up path ({@code meteredProbe} when the link
 * has a data cap, since a probe and its ack every second add up to ~400 MB a month),
 * {@code busyProbe} for an up path that carried data since its last probe (each ack corrects the
 * scheduler's queue model, and a few probes cost nothing next to the traffic), {@code fastProbe}
 * for a degraded, suspended or down path and for a "suspect" one (silent longer than expected
 * while traffic is sent on it); a path down for longer than {@code downBackoffAfter} falls back to
 * {@code healthyProbe}.
 *
 * <p>Silence: suspect after max(2 x SRTT + feedbackInterval, suspectFloor); down after
 * max(3 x SRTT + 4 x RTTVAR + feedbackInterval, downFloor) with at least three sends unconfirmed.
 * The peer confirms data with feedback every {@code feedbackInterval}, so that much is added to
 * what an answer can take.
 *
 * @param recoveryAcks consecutive probe acks a down path needs before it carries traffic again
 *                     (a path that was never up needs one)
 */
public record HealthTiming(long healthyProbeNanos, long meteredProbeNanos, long busyProbeNanos, long fastProbeNanos, long downBackoffAfterNanos,
                           long feedbackIntervalNanos, long suspectFloorNanos, long downFloorNanos, long probeTimeoutFloorNanos,
                           int recoveryAcks) {
    public static final HealthTiming DEFAULT = new HealthTiming(
            1_000_000_000L, 5_000_000_000L, 200_000_000L, 100_000_000L, 10_000_000_000L,
            50_000_000L, 100_000_000L, 250_000_000L, 1_000_000_000L, 3);

    public HealthTiming {
        if (healthyProbeNanos <= 0 || meteredProbeNanos <= 0 || busyProbeNanos <= 0 || fastProbeNanos <= 0 || downBackoffAfterNanos < 0
                || feedbackIntervalNanos < 0 || suspectFloorNanos <= 0 || downFloorNanos < suspectFloorNanos
                || probeTimeoutFloorNanos <= 0 || recoveryAcks < 1) {
            throw new IllegalArgumentException("health timing out of range: intervals and floors must be positive, downFloor >= suspectFloor, recoveryAcks >= 1");
        }
    }

    public long suspectAfterNanos(RttEstimator rtt) {
        return Math.max(2 * rtt.smoothedNanos() + feedbackIntervalNanos, suspectFloorNanos);
    }

    public long downAfterNanos(RttEstimator rtt) {
        return Math.max(3 * rtt.smoothedNanos() + 4 * rtt.variationNanos() + feedbackIntervalNanos, downFloorNanos);
    }

    /** A probe unanswered this long is lost. */
    public long probeTimeoutNanos(RttEstimator rtt) {
        return Math.max(3 * rtt.smoothedNanos() + 4 * rtt.variationNanos(), probeTimeoutFloorNanos);
    }
}
