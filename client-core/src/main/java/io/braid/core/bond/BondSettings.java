package io.braid.core.bond;

import io.braid.core.bond.path.HealthTiming;
import io.braid.core.bond.sched.Mode;

/**
 * Session-wide bonding settings.
 *
 * @param mode                 how packets are spread
 * @param timing               probe intervals and silence limits
 * @param saturationDelayNanos queue delay at which an always-path counts as saturated, letting
 *                             secondary paths join
 * @param failoverHoldNanos    how long a better path must stay better before {@code failover} returns to it
 * @param initialRateBps       the rate a path is assumed to carry before its first feedback
 */
public record BondSettings(Mode mode, HealthTiming timing, long saturationDelayNanos, long failoverHoldNanos, long initialRateBps) {
    public static final BondSettings DEFAULT = new BondSettings(Mode.BOND, HealthTiming.DEFAULT, 20_000_000L, 3_000_000_000L, 10_000_000L);

    public BondSettings {
        if (mode == null || timing == null) throw new IllegalArgumentException("bond settings need a mode and timing");
        if (saturationDelayNanos < 0 || failoverHoldNanos < 0 || initialRateBps <= 0) {
            throw new IllegalArgumentException("bond settings out of range");
        }
    }

    public BondSettings withMode(Mode m) {
        return new BondSettings(m, timing, saturationDelayNanos, failoverHoldNanos, initialRateBps);
    }
}
