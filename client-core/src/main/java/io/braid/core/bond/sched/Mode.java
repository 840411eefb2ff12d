package io.braid.core.bond.sched;

import io.braid.core.bond.WireNames;

/** How packets are spread over the paths a priority tier allows. Wire/CLI names are explicit. */
public enum Mode {
    /** Each packet on the path where it is expected to arrive first (queue, rate, one-way delay). */
    BOND("bond"),
    /** Every packet on every allowed path; the receiver drops the duplicates. */
    REDUNDANT("redundant"),
    /** Everything on the single best path; switches back to a better one only after a hold. */
    FAILOVER("failover"),
    /** Each flow (5-tuple) stays on one path, so nothing inside a flow is reordered. */
    PER_FLOW("per-flow"),
    /** Packets take the allowed paths in turn. */
    ROUND_ROBIN("round-robin"),
    /** Packets split by the configured static weights. */
    WEIGHTED("weighted"),
    /** Everything on the path with the lowest smoothed RTT (with a margin against flapping). */
    LOWEST_LATENCY("lowest-latency"),
    /** Packets split by weights computed from measured capacity, latency, loss and data-cap usage. */
    ADAPTIVE("adaptive");

    private final String wireName;

    Mode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Mode fromWireName(String name) {
        return WireNames.parse(values(), Mode::wireName, name, "mode");
    }
}
