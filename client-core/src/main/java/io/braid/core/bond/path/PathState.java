package io.braid.core.bond.path;

import io.braid.core.bond.WireNames;

/**
 * A path's health as the scheduler sees it. {@link #UP} and {@link #DEGRADED} paths carry traffic;
 * a {@link #SUSPENDED} path (too lossy or too slow) is only used when nothing better is up; a
 * {@link #DOWN} path (silent) carries nothing but probes.
 */
public enum PathState {
    UP("up", 0),
    DEGRADED("degraded", 1),
    SUSPENDED("suspended", 2),
    DOWN("down", 3);

    private final String wireName;
    private final int severity;

    PathState(String wireName, int severity) {
        this.wireName = wireName;
        this.severity = severity;
    }

    public String wireName() {
        return wireName;
    }

    /** True when this state is strictly worse than {@code other}. */
    public boolean worseThan(PathState other) {
        return severity > other.severity;
    }

    /** Up or degraded: a path the scheduler uses in its normal tiers. */
    public boolean carriesTraffic() {
        return this == UP || this == DEGRADED;
    }

    public static PathState fromWireName(String name) {
        return WireNames.parse(values(), PathState::wireName, name, "path state");
    }
}
