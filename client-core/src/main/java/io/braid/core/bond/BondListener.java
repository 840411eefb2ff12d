package io.braid.core.bond;

import io.braid.core.bond.path.PathState;

/** Told when a path changes state, for logs and status events. Called on the bonding thread; must be quick. */
@FunctionalInterface
public interface BondListener {
    BondListener NONE = (pathId, from, to, nowNanos) -> { };

    void pathStateChanged(int pathId, PathState from, PathState to, long nowNanos);
}
