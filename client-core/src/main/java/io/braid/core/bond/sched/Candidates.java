package io.braid.core.bond.sched;

import io.braid.core.bond.path.BondPath;
import io.braid.core.bond.path.Priority;

/**
 * The paths that may carry the next packet, by priority tier:
 * <ol>
 *   <li>usable (up or degraded, not {@code never}, within cap) {@code always} paths, joined by
 *       usable {@code secondary} paths when every always-path is saturated (its queue delay is over
 *       the saturation threshold) or none is usable;</li>
 *   <li>otherwise usable {@code backup} paths;</li>
 *   <li>otherwise, as a last resort, suspended paths of the best tier that has any (a lossy link
 *       beats none; no single link is a master whose loss ends the session).</li>
 * </ol>
 * Refilled for every packet into a fixed array; no allocation.
 */
public final class Candidates {
    private final BondPath[] items;
    private int size;

    public Candidates(int maxPaths) {
        this.items = new BondPath[maxPaths];
    }

    /** Refills from {@code table} (nulls are free slots). */
    public void collect(BondPath[] table, long saturationDelayNanos, long nowNanos) {
        size = 0;
        boolean anyAlways = false;
        boolean anySecondary = false;
        boolean anyBackup = false;
        boolean allAlwaysSaturated = true;
        for (BondPath p : table) {
            if (p == null || !p.usable()) continue;
            switch (p.config().priority()) {
                case ALWAYS -> {
                    anyAlways = true;
                    if (p.queueDelayNanos(nowNanos) <= saturationDelayNanos) allAlwaysSaturated = false;
                }
                case SECONDARY -> anySecondary = true;
                case BACKUP -> anyBackup = true;
                case NEVER -> { }
            }
        }
        if (anyAlways || anySecondary) {
            addUsable(table, Priority.ALWAYS);
            if (allAlwaysSaturated) addUsable(table, Priority.SECONDARY);
        } else if (anyBackup) {
            addUsable(table, Priority.BACKUP);
        } else {
            for (Priority tier : LAST_RESORT_ORDER) {
                for (BondPath p : table) {
                    if (p != null && p.lastResort() && p.config().priority() == tier) items[size++] = p;
                }
                if (size > 0) return;
            }
        }
    }

    private static final Priority[] LAST_RESORT_ORDER = {Priority.ALWAYS, Priority.SECONDARY, Priority.BACKUP};

    private void addUsable(BondPath[] table, Priority tier) {
        for (BondPath p : table) {
            if (p != null && p.usable() && p.config().priority() == tier) items[size++] = p;
        }
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public BondPath get(int i) {
        return items[i];
    }

    public boolean contains(BondPath path) {
        for (int i = 0; i < size; i++) if (items[i] == path) return true;
        return false;
    }
}
