package io.braid.core.bond.path;

import io.braid.core.bond.cap.DataCap;

/**
 * What the user configured for one WAN path.
 *
 * @param id         the protocol's path id (u16)
 * @param name       the WAN's stable name (interface name such as {@code eth0} or {@code lte0}); data
 *                   caps are counted by name, so they survive new path ids
 * @param priority   when the path may carry data
 * @param weight     relative share for the {@code weighted} mode, and a multiplier in the
 *                   {@code per-flow} and {@code adaptive} modes (1..1000)
 * @param thresholds the quality limits for this link
 * @param cap        the monthly data cap, or null for none
 */
public record PathConfig(int id, String name, Priority priority, int weight, HealthThresholds thresholds, DataCap cap) {
    public static final int MAX_ID = 0xFFFF;
    public static final int MAX_WEIGHT = 1000;

    public PathConfig {
        if (id < 0 || id > MAX_ID) throw new IllegalArgumentException("path id " + id + " is outside 0.." + MAX_ID);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a path needs a name");
        if (priority == null) throw new IllegalArgumentException("a path needs a priority");
        if (weight < 1 || weight > MAX_WEIGHT) throw new IllegalArgumentException("weight " + weight + " is outside 1.." + MAX_WEIGHT);
        if (thresholds == null) throw new IllegalArgumentException("a path needs health thresholds");
    }

    /** An always-path of weight 1 with the default thresholds and no cap. */
    public static PathConfig of(int id, String name) {
        return new PathConfig(id, name, Priority.ALWAYS, 1, HealthThresholds.DEFAULT, null);
    }

    public PathConfig withPriority(Priority p) {
        return new PathConfig(id, name, p, weight, thresholds, cap);
    }

    public PathConfig withWeight(int w) {
        return new PathConfig(id, name, priority, w, thresholds, cap);
    }

    public PathConfig withThresholds(HealthThresholds t) {
        return new PathConfig(id, name, priority, weight, t, cap);
    }

    public PathConfig withCap(DataCap c) {
        return new PathConfig(id, name, priority, weight, thresholds, c);
    }
}
