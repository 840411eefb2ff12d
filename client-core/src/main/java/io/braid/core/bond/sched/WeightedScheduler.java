package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;

/** {@code weighted}: packets split by the configured static weights. */
final class WeightedScheduler extends SmoothWeightedScheduler {
    WeightedScheduler(int maxPaths) {
        super(maxPaths);
    }

    @Override
    long weight(BondPath path, long nowNanos) {
        return path.config().weight();
    }
}
