package io.braid.core.bond.sched;

/** Makes the scheduler of a mode. A new one per mode change: no state carries over between modes. */
public final class Schedulers {
    private Schedulers() {}

    /**
     * @param maxPaths          the session's path slots
     * @param failoverHoldNanos how long a better path must stay better before {@code failover} moves to it
     */
    public static Scheduler forMode(Mode mode, int maxPaths, long failoverHoldNanos) {
        return switch (mode) {
            case BOND -> new EarliestDeliveryScheduler();
            case REDUNDANT -> new RedundantScheduler();
            case FAILOVER -> SinglePathScheduler.failover(failoverHoldNanos);
            case PER_FLOW -> new PerFlowScheduler();
            case ROUND_ROBIN -> new RoundRobinScheduler();
            case WEIGHTED -> new WeightedScheduler(maxPaths);
            case LOWEST_LATENCY -> SinglePathScheduler.lowestLatency();
            case ADAPTIVE -> new AdaptiveScheduler(maxPaths);
        };
    }
}
