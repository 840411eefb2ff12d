package io.braid.core.protocol;

/** Slot choice shared by the bounded tables (reassembly, FEC groups): a free slot, else the oldest. */
final class Slots {
    private Slots() {}

    /** The first slot whose key is negative (free), else the one started earliest. */
    static int freeOrOldest(long[] keys, long[] startedAt) {
        int victim = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] < 0) return i;
            if (startedAt[i] < startedAt[victim]) victim = i;
        }
        return victim;
    }
}
