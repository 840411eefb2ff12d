package io.braid.core.bond.sched;

/**
 * One scheduling mode: picks the path(s) for a packet among the candidates the priority tiers
 * allow. Called for every packet, so implementations allocate nothing.
 */
public interface Scheduler {
    /**
     * Writes the ids of the chosen paths into {@code out} and returns how many (at least one).
     *
     * @param candidates never empty
     * @param wireBytes  the packet's size on the wire
     * @param flowHash   {@link FlowHash#of} of the inner packet (0 when unknown)
     */
    int choose(Candidates candidates, int wireBytes, int flowHash, long nowNanos, int[] out);

    /** The path in {@code slot} was added or removed: drop whatever was kept for it. */
    default void forget(int slot) {}
}
