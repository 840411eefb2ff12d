package io.braid.core.bond.path;

/**
 * Per-link quality limits. A live path whose smoothed RTT or loss reaches a "degraded" limit is
 * {@link PathState#DEGRADED} (still used, probed faster); reaching a "suspended" limit takes it out
 * of the normal tiers ({@link PathState#SUSPENDED}). Getting worse is immediate; getting better
 * needs hysteresis: every figure below {@code recoverRatio} x its limit, continuously for
 * {@code recoverHoldNanos}. So a link hovering around a limit does not flap.
 *
 * @param degradedRttNanos  smoothed RTT at which a path is degraded (0: no RTT limit)
 * @param degradedLoss      loss fraction at which a path is degraded
 * @param suspendedRttNanos smoothed RTT at which a path is suspended (0: no RTT limit)
 * @param suspendedLoss     loss fraction at which a path is suspended
 * @param recoverRatio      how far below a limit a figure must fall to count as recovered (0..1]
 * @param recoverHoldNanos  how long it must stay there before the state improves
 */
public record HealthThresholds(long degradedRttNanos, double degradedLoss, long suspendedRttNanos, double suspendedLoss,
                               double recoverRatio, long recoverHoldNanos) {
    /** 400 ms / 3% degrade, 1.5 s / 15% suspend, recover below half for 3 s. */
    public static final HealthThresholds DEFAULT =
            new HealthThresholds(400_000_000L, 0.03, 1_500_000_000L, 0.15, 0.5, 3_000_000_000L);

    public HealthThresholds {
        if (degradedRttNanos < 0 || suspendedRttNanos < 0 || recoverHoldNanos < 0) throw new IllegalArgumentException("times must not be negative");
        if (!(degradedLoss > 0 && degradedLoss <= 1 && suspendedLoss > 0 && suspendedLoss <= 1)) {
            throw new IllegalArgumentException("loss limits must be in (0, 1]");
        }
        if (degradedLoss > suspendedLoss) throw new IllegalArgumentException("the degraded loss limit must not exceed the suspended one");
        if (!(recoverRatio > 0 && recoverRatio <= 1)) throw new IllegalArgumentException("recoverRatio must be in (0, 1]");
    }

    /**
     * The state these figures call for, with every limit scaled by {@code scale} (1 to enter a state,
     * {@link #recoverRatio} to leave one). Only for a path that is alive; silence is judged elsewhere.
     */
    public PathState classify(long smoothedRttNanos, double loss, double scale) {
        if (loss >= suspendedLoss * scale || over(smoothedRttNanos, suspendedRttNanos, scale)) return PathState.SUSPENDED;
        if (loss >= degradedLoss * scale || over(smoothedRttNanos, degradedRttNanos, scale)) return PathState.DEGRADED;
        return PathState.UP;
    }

    private static boolean over(long rtt, long limit, double scale) {
        return limit > 0 && rtt >= limit * scale;
    }
}
